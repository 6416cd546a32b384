/**
 * A directory file's problem paths ("deputies[17].stationIds[0]") in words staff use:
 * "代表 第 18 条（王芳）· 所属联络站". The record's name is read from the file itself.
 */
// In the order the import format lists them (README), which is the order problems are shown in.
const LISTS: Record<string, string> = { regions: '地区', stations: '联络站', deputies: '代表', units: '承办单位', staff: '工作人员' }
const FIELDS: Record<string, string> = {
  id: '编号',
  code: '代码',
  name: '名称',
  kind: '类型',
  parentId: '上级地区',
  regionId: '所在地区',
  contact: '联系方式',
  address: '地址',
  regionIds: '覆盖地区',
  receptionDays: '接待日',
  level: '层级',
  stationIds: '所属联络站',
  topics: '关注领域',
  phone: '电话',
  dutyDates: '值班日期',
  dutyByStation: '各联络站值班日期',
  role: '角色',
  unitIds: '所属承办单位',
  username: '账号',
  activationCode: '激活码',
  password: '初始密码',
  active: '是否启用',
}

export function placeInFile(path: string, file: unknown): string {
  const m = /^(?:body\.)?(regions|stations|deputies|units|staff)\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?/.exec(path)
  if (!m) return path || '整个文件'
  const [, list, index, field, sub] = m
  const record = (file as Record<string, Array<{ name?: unknown }>> | null)?.[list]?.[Number(index)]
  const name = typeof record?.name === 'string' && record.name ? `（${record.name}）` : ''
  const what = field ? ` · ${FIELDS[field] ?? field}${sub !== undefined ? `第 ${Number(sub) + 1} 项` : ''}` : ''
  return `${LISTS[list]} 第 ${Number(index) + 1} 条${name}${what}`
}

/** Where a problem path falls in the file, for listing problems top to bottom. */
export function fileOrder(path: string): number {
  const m = /(regions|stations|deputies|units|staff)\[(\d+)\]/.exec(path)
  return m ? Object.keys(LISTS).indexOf(m[1]) * 1_000_000 + Number(m[2]) : -1
}
