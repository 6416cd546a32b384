/** The kinds a directory import counts, each with its measure word: people in 位, places and units in 个. */
const KINDS = [
  { key: 'regions', name: '地区', measure: '个' },
  { key: 'stations', name: '联络站', measure: '个' },
  { key: 'units', name: '承办单位', measure: '个' },
  { key: 'deputies', name: '代表', measure: '位' },
  { key: 'staff', name: '工作人员', measure: '位' },
] as const

const count = (tally: unknown, key: string) => {
  const n = tally && typeof tally === 'object' ? (tally as Record<string, unknown>)[key] : null
  return typeof n === 'number' && Number.isFinite(n) ? n : 0
}

/** 代表 155 位、联络站 1 个: the kinds an import's tally (created, updated) counts above 0, or '' when none. */
function counted(tally: unknown): string {
  return KINDS.filter((k) => count(tally, k.key) > 0)
    .map((k) => `${k.name} ${count(tally, k.key)} ${k.measure}`)
    .join('、')
}

/**
 * 操作记录's line of a directory import: 新增代表 155 位，名册外代表 3 位 — what changed, by kind, as the console's
 * import said it (not 新增 155 条, which counted people as rows); an import that changed nothing says so.
 */
export function directoryImportWords(d: Record<string, unknown>): string {
  const created = counted(d.created)
  const updated = counted(d.updated)
  const notInFile = count(d, 'deputiesNotInFile')
  return [created && `新增${created}`, updated && `更新${updated}`, !created && !updated && '名册没有改动', notInFile > 0 && `名册外代表 ${notInFile} 位`]
    .filter(Boolean)
    .join('，')
}
