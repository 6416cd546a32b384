import { z } from 'zod'
import type { ErrorDetail } from '../errors.js'
import type { Region, Station } from './directory.js'
import { normalizeActivationCode } from './activation-code.js'
import { ancestry, REGION_RANK } from './region-tree.js'
import { issuesToDetails } from './zod-issues.js'
import { outerSchema, recordSchemas, type ImportedStaff, type ParsedDirectoryFile } from './directory-file-schema.js'

// The file's shape (zod schemas) is directory-file-schema.ts's; these names stay importable from here.
export { CODE_PATTERN, ID_PATTERN, USERNAME_PATTERN, type ImportedDeputy, type ImportedStaff, type ParsedDirectoryFile } from './directory-file-schema.js'

/** What the store already holds, as far as the checks need it. */
export interface ExistingDirectory {
  regions: Region[]
  stations: Station[]
  units: Array<{ id: string; code: string; name?: string }>
  deputies: Array<{ id: string; code: string; name?: string }>
  staff: Array<{ id: string; username: string; name?: string }>
}

/**
 * The activation codes the store holds (only as hashes), for the check: who, if anyone, is waiting with this code.
 * Absent for a check without the store's keys (the file is then checked against itself only).
 */
export interface StoredCodes {
  codeOwner?: (code: string) => { id: string; name?: string } | undefined
}

export type ImportCheck = { ok: true; file: ParsedDirectoryFile; warnings: string[] } | { ok: false; problems: ErrorDetail[] }

/** The id (and username) of the console's built-in admin account, made at every start when missing. */
export const BUILT_IN_ADMIN_ID = 'admin'

/**
 * Checks a directory file against the format and against what the store already holds.
 * Lists every problem with its place; an import goes ahead only when there is none.
 */
export function checkDirectoryFile(input: unknown, existing: ExistingDirectory, topics: readonly string[], stored: StoredCodes = {}): ImportCheck {
  const outer = outerSchema.safeParse(input)
  if (!outer.success) return { ok: false, problems: issuesToDetails(outer.error.issues) }
  const problems: ErrorDetail[] = []
  const problem = (path: string, message: string) => problems.push({ path, message })
  const file = parseRecords(outer.data, problems)

  uniqueWithin(file.regions, 'regions', (r) => r.id, '编号', problem)
  uniqueWithin(file.stations, 'stations', (s) => s.id, '编号', problem)
  uniqueWithin(file.stations, 'stations', (s) => s.code, '代码', problem, 'code')
  uniqueWithin(file.units, 'units', (u) => u.id, '编号', problem)
  uniqueWithin(file.units, 'units', (u) => u.code, '代码', problem, 'code')
  uniqueWithin(file.deputies, 'deputies', (d) => d.id, '编号', problem)
  uniqueWithin(file.deputies, 'deputies', (d) => d.code, '代码', problem, 'code')
  uniqueWithin(file.staff, 'staff', (s) => s.id, '编号', problem)
  uniqueWithin(file.staff, 'staff', (s) => s.username, '用户名', problem, 'username')
  sameActivationCodes(file.staff, problem)
  codesTakenInStore(file.staff, stored, problem)
  notTakenInStore(file.stations, existing.stations, 'stations', 'code', '联络站', problem)
  notTakenInStore(file.units, existing.units, 'units', 'code', '承办单位', problem)
  notTakenInStore(file.deputies, existing.deputies, 'deputies', 'code', '代表', problem)
  notTakenInStore(file.staff, existing.staff, 'staff', 'username', '工作人员', problem)
  // The built-in account is the system's, not the roster's: a row of another system's export named "admin"
  // would make it someone else's (and the next start would fail to find it).
  file.staff.forEach((s, i) => s.id === BUILT_IN_ADMIN_ID && problem(`staff[${i}].id`, `编号 "${s.id}" 是系统内置管理员，不能由名册导入，请换一个编号`))

  const regions = new Map(existing.regions.map((r) => [r.id, r]))
  file.regions.forEach((r) => regions.set(r.id, r))
  // Ids of records with other problems still count, so one mistake is not reported twice.
  const stationIds = new Set([...existing.stations.map((s) => s.id), ...rawIds(outer.data.stations)])
  const unitIds = new Set([...existing.units.map((u) => u.id), ...rawIds(outer.data.units)])
  const unparsedRegions = new Set(rawIds(outer.data.regions).filter((id) => !regions.has(id)))
  const topicSet = new Set(topics)

  file.regions.forEach((r, i) => checkRegion(r, `regions[${i}]`, regions, unparsedRegions, problem))
  file.stations.forEach((s, i) =>
    s.regionIds.forEach((rid, j) => regions.has(rid) || unparsedRegions.has(rid) || problem(`stations[${i}].regionIds[${j}]`, noSuch(rid, '地区'))),
  )
  file.units.forEach((u, i) => {
    if (u.regionId !== null && !regions.has(u.regionId) && !unparsedRegions.has(u.regionId)) problem(`units[${i}].regionId`, noSuch(u.regionId, '地区'))
  })
  file.deputies.forEach((d, i) => {
    d.stationIds.forEach((sid, j) => stationIds.has(sid) || problem(`deputies[${i}].stationIds[${j}]`, noSuch(sid, '联络站')))
    d.topics.forEach((t, j) => topicSet.has(t) || problem(`deputies[${i}].topics[${j}]`, `没有“${t}”这个关注领域，可选：${topics.join('、')}`))
  })
  file.staff.forEach((s, i) => {
    s.stationIds.forEach((sid, j) => stationIds.has(sid) || problem(`staff[${i}].stationIds[${j}]`, noSuch(sid, '联络站')))
    s.regionIds.forEach((rid, j) => regions.has(rid) || unparsedRegions.has(rid) || problem(`staff[${i}].regionIds[${j}]`, noSuch(rid, '地区')))
    s.unitIds.forEach((uid, j) => unitIds.has(uid) || problem(`staff[${i}].unitIds[${j}]`, noSuch(uid, '承办单位')))
    if (s.role === 'station_staff' && s.stationIds.length === 0) problem(`staff[${i}].stationIds`, '联络站工作人员至少属于一个联络站')
    if (s.role === 'unit_staff' && s.unitIds.length === 0) problem(`staff[${i}].unitIds`, '承办单位工作人员至少属于一个承办单位')
    if (s.role !== 'unit_staff' && s.unitIds.length > 0) problem(`staff[${i}].unitIds`, '只有承办单位工作人员（unit_staff）属于承办单位')
  })

  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    file,
    warnings: [...coverageWarnings(regions, mergeStations(existing.stations, file.stations)), ...sharedDutyWarnings(outer.data.deputies)],
  }
}

/** A name or code that is in neither the file nor the system, in the words the Excel sheets' problems use. */
const noSuch = (token: string, what: string) => `没有叫“${token}”的${what}`

/** Deputies of several stations given one plain list of duty dates: every station got them all. */
function sharedDutyWarnings(raw: unknown[]): string[] {
  const shared = raw.flatMap((item) => {
    const d = item as { code?: unknown; name?: unknown; stationIds?: unknown; dutyDates?: unknown }
    const several = Array.isArray(d?.stationIds) && d.stationIds.length > 1 && Array.isArray(d.dutyDates) && d.dutyDates.length > 0
    return several ? [`${String(d.name)}(${String(d.code)})`] : []
  })
  if (!shared.length) return []
  const names = shared.slice(0, 10).join('、') + (shared.length > 10 ? ' 等' : '')
  return [
    `${shared.length} 位代表属于多个联络站，值班日期只给了一份（dutyDates），已记为每个所属联络站都值班：${names}。请改用 dutyByStation 按联络站填写，例如 {"st001": ["2026-12-01"]}`,
  ]
}

type Problem = (path: string, message: string) => void
type Outer = z.infer<typeof outerSchema>

/**
 * Checks each record against its schema. A record with a problem is left out of the
 * checks that follow, but its place in the list is kept in every path reported.
 */
function parseRecords(outer: Outer, problems: ErrorDetail[]): ParsedDirectoryFile {
  const parsed = { regions: [], stations: [], units: [], deputies: [], staff: [] } as unknown as ParsedDirectoryFile
  for (const list of Object.keys(recordSchemas) as Array<keyof typeof recordSchemas>) {
    outer[list].forEach((raw, i) => {
      const result = recordSchemas[list].safeParse(raw)
      if (result.success) (parsed[list] as unknown[])[i] = result.data
      else problems.push(...issuesToDetails(result.error.issues, `${list}[${i}]`))
    })
  }
  return parsed
}

function rawIds(items: unknown[]): string[] {
  return items.flatMap((item) => (typeof item === 'object' && item && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []))
}

function uniqueWithin<T>(items: T[], list: string, keyOf: (item: T) => string, label: string, problem: Problem, field = 'id') {
  const first = new Map<string, number>()
  items.forEach((item, i) => {
    const key = keyOf(item)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else problem(`${list}[${i}].${field}`, `${label}重复 "${key}"（与 ${list}[${earlier}] 相同）`)
  })
}

/**
 * A code is the key to one account: two people given the same one (an office that hands out "12345678"
 * to both new clerks) could each open the other's. Read as typed: case and hyphens do not count.
 */
function sameActivationCodes(staff: Array<{ activationCode?: string }>, problem: Problem) {
  const first = new Map<string, number>()
  staff.forEach((s, i) => {
    if (!s.activationCode) return
    const key = normalizeActivationCode(s.activationCode)
    const earlier = first.get(key)
    if (earlier === undefined) first.set(key, i)
    else problem(`staff[${i}].activationCode`, `激活码与 staff[${earlier}] 的相同：每人要有自己的激活码`)
  })
}

/**
 * A code already given to another account by an earlier import: two people would hold one key, and the paper or
 * message the first was given would open the second's account. The person's own code, repeated by a nightly file, is fine.
 */
function codesTakenInStore(staff: Array<{ id: string; activationCode?: string }>, stored: StoredCodes, problem: Problem) {
  if (!stored.codeOwner) return
  staff.forEach((s, i) => {
    const owner = s.activationCode ? stored.codeOwner!(s.activationCode) : undefined
    if (owner && owner.id !== s.id)
      problem(
        `staff[${i}].activationCode`,
        `这个激活码已经发给了工作人员“${owner.name ?? owner.id}”（以前导入的），每人要有自己的激活码：请另设一个，或者空着不填，由系统生成`,
      )
  })
}

function notTakenInStore<T extends { id: string }, K extends keyof T & string>(
  items: T[],
  existing: Array<{ id: string; name?: string } & Partial<Record<K, unknown>>>,
  list: string,
  field: K,
  label: string,
  problem: Problem,
) {
  const ownerOf = new Map(existing.map((e) => [e[field] as unknown as string, e]))
  const writtenIds = new Set(items.map((item) => item.id))
  items.forEach((item, i) => {
    const owner = ownerOf.get(item[field] as unknown as string)
    // Taken by a record this file does not rewrite: two records would share it. Named as the clerk
    // knows it (已被代表“张伟”使用), not by its id.
    if (owner !== undefined && owner.id !== item.id && !writtenIds.has(owner.id)) {
      problem(`${list}[${i}].${field}`, `"${String(item[field])}" 已被${label}“${owner.name ?? owner.id}”使用`)
    }
  })
}

function checkRegion(r: Region, path: string, regions: Map<string, Region>, unparsed: Set<string>, problem: Problem) {
  if (r.parentId === null) {
    if (r.kind !== 'district') problem(`${path}.parentId`, `只有区县可以没有上级区域（此区域为 ${r.kind}）`)
    return
  }
  if (r.parentId === r.id) return problem(`${path}.parentId`, '区域不能以自己为上级')
  if (unparsed.has(r.parentId)) return // the parent's own problem is reported already
  const parent = regions.get(r.parentId)
  if (!parent) return problem(`${path}.parentId`, noSuch(r.parentId, '上级地区'))
  const chain = ancestry(r.id, regions)
  const top = chain[chain.length - 1]
  if (top.parentId !== null && regions.has(top.parentId)) {
    return problem(`${path}.parentId`, `区域树有环：${[...chain.map((c) => c.id), top.parentId].join(' → ')}`)
  }
  if (REGION_RANK[parent.kind] >= REGION_RANK[r.kind]) {
    problem(`${path}.parentId`, `上级区域 "${parent.id}"（${parent.kind}）不能高于或等于 ${r.kind} 的层级`)
  }
}

function mergeStations(existing: Station[], incoming: Station[]) {
  const byId = new Map(existing.map((s) => [s.id, s]))
  for (const s of incoming) byId.set(s.id, s)
  return [...byId.values()]
}

/** Not errors, but what an office wants to know: communities no station covers. */
function coverageWarnings(regions: Map<string, Region>, stations: Station[]): string[] {
  const covered = new Set(stations.flatMap((s) => s.regionIds))
  const uncovered = [...regions.values()].filter((r) => r.kind === 'community').filter((r) => !ancestry(r.id, regions).some((a) => covered.has(a.id)))
  if (!uncovered.length) return []
  const names = uncovered.slice(0, 10).map((r) => `${r.name}(${r.id})`)
  return [`${uncovered.length} 个社区/村没有联络站覆盖：${names.join('、')}${uncovered.length > 10 ? ' 等' : ''}`]
}
