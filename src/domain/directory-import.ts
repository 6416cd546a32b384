import { z } from 'zod'
import type { ErrorDetail } from '../errors.js'
import { singleLine } from './free-text.js'
import { DEPUTY_LEVELS, REGION_KINDS, STAFF_ROLES, STATION_KINDS, UNIT_KINDS, WEEKDAYS, type Region, type Station } from './directory.js'
import { onlyStations, withDutyDates } from './duty-days.js'
import { EXAMPLE_ACTIVATION_CODE } from './directory-sheet-specs.js'
import { activationCodeProblem, normalizeActivationCode } from './activation-code.js'
import { normalizePhone } from './phone.js'
import { ancestry, REGION_RANK } from './region-tree.js'
import { issuesToDetails } from './zod-issues.js'

/** Ids come from other systems: letters, digits, '_', '-', '.', at most 64. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
/** Codes end up in QR scenes (d=<code>, at most 32 characters of WeChat's set). */
export const CODE_PATTERN = /^[A-Z0-9_-]{1,24}$/
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{1,31}$/

const id = z.string().regex(ID_PATTERN, '编号只能包含字母、数字、_ - .，最长 64 位')
const code = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(CODE_PATTERN, '代码只能包含字母、数字、_ -，最长 24 位'))
const name = singleLine().min(1, '不能为空').max(100)
const isoDate = z.iso.date('日期格式应为 YYYY-MM-DD')

const regionSchema = z.strictObject({ id, name, kind: z.enum(REGION_KINDS), parentId: id.nullable() })
const stationSchema = z.strictObject({
  id,
  code,
  name,
  kind: z.enum(STATION_KINDS),
  address: singleLine().max(200).default(''),
  regionIds: z.array(id).max(500).default([]),
  receptionDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
})
const unitSchema = z.strictObject({
  id,
  code,
  name,
  kind: z.enum(UNIT_KINDS),
  regionId: id.nullable().default(null),
  contact: singleLine().max(100).default(''),
  active: z.boolean().default(true),
})
const phone = z
  .string()
  .nullable()
  .optional()
  .transform((value, ctx) => {
    if (value == null || value.trim() === '') return null
    const normalized = normalizePhone(value)
    if (!normalized) ctx.addIssue({ code: 'custom', message: `电话号码无效 "${value}"${mobileLengthHint(value)}` })
    return normalized ?? null
  })
/** A mobile number a digit short or long ("1390571200"): how many digits it has where a mobile has 11. */
function mobileLengthHint(value: string): string {
  const digits = value.replace(/\D/g, '').replace(/^86(?=1)/, '')
  return /^1/.test(digits) && (digits.length === 10 || digits.length === 12) ? `：手机号是 11 位数字，这里是 ${digits.length} 位` : ''
}
const dutyList = z.array(isoDate).max(400)
const deputySchema = z
  .strictObject({
    id,
    code,
    name,
    level: z.enum(DEPUTY_LEVELS),
    stationIds: z.array(id).min(1, '每位代表至少属于一个联络站').max(20),
    topics: z.array(z.string()).max(20).default([]),
    phone,
    /** A deputy of one station: that station's duty dates. */
    dutyDates: dutyList.optional(),
    /** Station id → duty dates there; required for the dates of a deputy of several stations. */
    dutyByStation: z.record(id, dutyList).optional(),
  })
  .transform(({ dutyDates, dutyByStation, ...deputy }, ctx) => ({ ...deputy, dutyByStation: importedDuty(deputy.stationIds, dutyDates, dutyByStation, ctx) }))
const staffSchema = z.strictObject({
  id,
  name,
  role: z.enum(STAFF_ROLES),
  stationIds: z.array(id).max(50).default([]),
  regionIds: z.array(id).max(50).default([]),
  unitIds: z.array(id).max(20).default([]),
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, '用户名以小写字母开头，只含字母、数字、_ - .，2–32 位'),
  password: z.string().min(8, '初始密码至少 8 位').max(128).optional(),
  /** Instead of an initial password: a one-time code with which they set their own at first login. */
  activationCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,64}$/, '激活码只能用字母、数字和 -，最长 64 位')
    // The template prints it: whoever has seen the template could take the account, whatever file carries it.
    .refine((code) => normalizeActivationCode(code) !== normalizeActivationCode(EXAMPLE_ACTIVATION_CODE), '激活码不能用模板里的示例，请另设一个')
    // An office makes its codes up: one anybody could guess (12345678) opens the account to them.
    .superRefine((code, ctx) => {
      const problem = activationCodeProblem(code)
      if (problem) ctx.addIssue({ code: 'custom', message: problem })
    })
    .optional(),
  active: z.boolean().default(true),
})
const fileSchema = z.strictObject({
  regions: z.array(regionSchema).default([]),
  stations: z.array(stationSchema).default([]),
  units: z.array(unitSchema).default([]),
  deputies: z.array(deputySchema).default([]),
  staff: z.array(staffSchema).default([]),
})
/** The outer shape only: each record is checked on its own so that every problem is found. */
const outerSchema = z.strictObject({
  regions: z.array(z.unknown()).default([]),
  stations: z.array(z.unknown()).default([]),
  units: z.array(z.unknown()).default([]),
  deputies: z.array(z.unknown()).default([]),
  staff: z.array(z.unknown()).default([]),
})
const recordSchemas = { regions: regionSchema, stations: stationSchema, units: unitSchema, deputies: deputySchema, staff: staffSchema }

export type ParsedDirectoryFile = z.infer<typeof fileSchema>
export type ImportedDeputy = ParsedDirectoryFile['deputies'][number]
export type ImportedStaff = ParsedDirectoryFile['staff'][number]

/** What the store already holds, as far as the checks need it. */
export interface ExistingDirectory {
  regions: Region[]
  stations: Station[]
  units: Array<{ id: string; code: string; name?: string }>
  deputies: Array<{ id: string; code: string; name?: string }>
  staff: Array<{ id: string; username: string; name?: string }>
}

export type ImportCheck = { ok: true; file: ParsedDirectoryFile; warnings: string[] } | { ok: false; problems: ErrorDetail[] }

/** The id (and username) of the console's built-in admin account, made at every start when missing. */
export const BUILT_IN_ADMIN_ID = 'admin'

/**
 * Checks a directory file against the format and against what the store already holds.
 * Lists every problem with its place; an import goes ahead only when there is none.
 */
export function checkDirectoryFile(input: unknown, existing: ExistingDirectory, topics: readonly string[]): ImportCheck {
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
    s.regionIds.forEach((rid, j) => regions.has(rid) || unparsedRegions.has(rid) || problem(`stations[${i}].regionIds[${j}]`, `未知的区域 "${rid}"`)),
  )
  file.units.forEach((u, i) => {
    if (u.regionId !== null && !regions.has(u.regionId) && !unparsedRegions.has(u.regionId)) problem(`units[${i}].regionId`, `未知的区域 "${u.regionId}"`)
  })
  file.deputies.forEach((d, i) => {
    d.stationIds.forEach((sid, j) => stationIds.has(sid) || problem(`deputies[${i}].stationIds[${j}]`, `未知的联络站 "${sid}"`))
    d.topics.forEach((t, j) => topicSet.has(t) || problem(`deputies[${i}].topics[${j}]`, `未知的关注领域 "${t}"，可选：${topics.join('、')}`))
  })
  file.staff.forEach((s, i) => {
    s.stationIds.forEach((sid, j) => stationIds.has(sid) || problem(`staff[${i}].stationIds[${j}]`, `未知的联络站 "${sid}"`))
    s.regionIds.forEach((rid, j) => regions.has(rid) || unparsedRegions.has(rid) || problem(`staff[${i}].regionIds[${j}]`, `未知的区域 "${rid}"`))
    s.unitIds.forEach((uid, j) => unitIds.has(uid) || problem(`staff[${i}].unitIds[${j}]`, `未知的承办单位 "${uid}"`))
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

/**
 * Duty dates are per station. A plain `dutyDates` list is unambiguous only for a deputy of one
 * station; for several, the file names the station of each date with `dutyByStation`.
 */
function importedDuty(stationIds: string[], dutyDates: string[] | undefined, dutyByStation: Record<string, string[]> | undefined, ctx: z.RefinementCtx) {
  if (dutyDates !== undefined && dutyByStation !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['dutyDates'], message: '值班日期请只填一种：dutyByStation（按联络站）或 dutyDates（只属于一个联络站的代表）' })
    return {}
  }
  if (dutyByStation !== undefined) {
    for (const stationId of Object.keys(dutyByStation)) {
      if (!stationIds.includes(stationId))
        ctx.addIssue({ code: 'custom', path: ['dutyByStation', stationId], message: `联络站 "${stationId}" 不在该代表的所属联络站（stationIds）中` })
    }
    return onlyStations(dutyByStation, stationIds)
  }
  if (!dutyDates?.length) return {}
  // A file from before duty was per station: each of the deputy's stations keeps the days, as
  // migration 056 did, so a nightly sync goes on; the import's warnings ask for dutyByStation.
  if (stationIds.length > 1) return onlyStations(Object.fromEntries(stationIds.map((id) => [id, dutyDates])), stationIds)
  return withDutyDates({}, stationIds[0], dutyDates)
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
  if (!parent) return problem(`${path}.parentId`, `未知的上级区域 "${r.parentId}"`)
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
