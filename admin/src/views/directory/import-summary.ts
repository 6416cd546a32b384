/** The directory import's counts, by kind (the server's created / updated / unchanged). */
export type Tally = { regions: number; stations: number; units: number; deputies: number; staff: number }

/** Each kind with its measure word: people are counted in 位, places and units in 个. */
const KINDS: Array<{ key: keyof Tally; name: string; measure: string }> = [
  { key: 'regions', name: '地区', measure: '个' },
  { key: 'stations', name: '联络站', measure: '个' },
  { key: 'units', name: '承办单位', measure: '个' },
  { key: 'deputies', name: '代表', measure: '位' },
  { key: 'staff', name: '工作人员', measure: '位' },
]

/** 代表 2 位、联络站 1 个: only the kinds whose count is not 0, or '' when none. */
const counted = (t: Tally) =>
  KINDS.filter((k) => t[k.key] > 0)
    .map((k) => `${k.name} ${t[k.key]} ${k.measure}`)
    .join('、')

/**
 * The import's answer naming only what changed (导入完成：新增代表 2 位，更新联络站 1 个；其他没有改动。): fifteen numbers,
 * most of them 0, hid the two that mattered. A file that changed nothing says so.
 */
export function importSummary(r: { created: Tally; updated: Tally }): string {
  const parts = [counted(r.created) && `新增${counted(r.created)}`, counted(r.updated) && `更新${counted(r.updated)}`].filter(Boolean)
  return parts.length ? `导入完成：${parts.join('，')}；其他没有改动。` : '导入完成：名册没有改动。'
}

/** Every figure, for 查看明细: 地区 0、联络站 0、承办单位 0、代表 2、工作人员 0. */
export const allFigures = (t: Tally) => KINDS.map((k) => `${k.name} ${t[k.key]}`).join('、')
