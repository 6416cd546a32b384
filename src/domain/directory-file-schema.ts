import { z } from 'zod'
import { parseReceptionHours } from './reception-days.js'
import { singleLine } from './free-text.js'
import { DEPUTY_LEVELS, REGION_KINDS, STAFF_ROLES, STATION_KINDS, UNIT_KINDS, WEEKDAYS, type Station } from './directory.js'
import { onlyStations, withDutyDates } from './duty-days.js'
import { EXAMPLE_ACTIVATION_CODE } from './directory-sheet-specs.js'
import { activationCodeProblem, normalizeActivationCode } from './activation-code.js'
import { normalizePhone, phoneProblem } from './phone.js'

// The shape of a directory file (JSON, or sheets read into it): each record's fields and the words a bad one is refused with.

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

/** 接待时间 as two times ({from, to}), by the one rule of parseReceptionHours: the hours, or null when both are blank. */
export const receptionHoursSchema = z.strictObject({ from: z.string(), to: z.string() }).transform((h, ctx) => {
  const read = parseReceptionHours(h)
  if (read.ok) return read.hours
  ctx.addIssue({ code: 'custom', message: read.problem, path: read.field ? [read.field] : [] })
  return z.NEVER
})

const regionSchema = z.strictObject({ id, name, kind: z.enum(REGION_KINDS), parentId: id.nullable() })
const stationSchema = z.strictObject({
  id,
  code,
  name,
  kind: z.enum(STATION_KINDS),
  address: singleLine().max(200).default(''),
  regionIds: z.array(id).max(500).default([]),
  receptionDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
  /** 接待时间, as the stores keep it ("8:30"); absent when the station names none (null or both blank say so too). */
  receptionHours: receptionHoursSchema
    .nullable()
    .transform((h) => h ?? undefined)
    .optional(),
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
    if (!normalized) ctx.addIssue({ code: 'custom', message: phoneProblem(value) })
    return normalized ?? null
  })
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
export const fileSchema = z.strictObject({
  regions: z.array(regionSchema).default([]),
  stations: z.array(stationSchema).default([]),
  units: z.array(unitSchema).default([]),
  deputies: z.array(deputySchema).default([]),
  staff: z.array(staffSchema).default([]),
})
/** The outer shape only: each record is checked on its own so that every problem is found. */
export const outerSchema = z.strictObject({
  regions: z.array(z.unknown()).default([]),
  stations: z.array(z.unknown()).default([]),
  units: z.array(z.unknown()).default([]),
  deputies: z.array(z.unknown()).default([]),
  staff: z.array(z.unknown()).default([]),
})
export const recordSchemas = { regions: regionSchema, stations: stationSchema, units: unitSchema, deputies: deputySchema, staff: staffSchema }

export type ParsedDirectoryFile = z.infer<typeof fileSchema>
export type ImportedDeputy = ParsedDirectoryFile['deputies'][number]
export type ImportedStaff = ParsedDirectoryFile['staff'][number]

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
