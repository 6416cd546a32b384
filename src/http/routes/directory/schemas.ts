import { z } from 'zod'
import { requiredLine, singleLine } from '../../../domain/free-text.js'
import { AWAY_REASONS } from '../../../domain/deputy-away.js'
import { DEPUTY_LEVELS, STATION_KINDS, UNIT_KINDS, WEEKDAYS } from '../../../domain/directory.js'
import { receptionHoursSchema } from '../../../domain/directory-file-schema.js'
import { CODE_PATTERN, ID_PATTERN } from '../../../domain/directory-import.js'
import { SHEET_KINDS } from '../../../domain/directory-sheet-specs.js'
import { pageQuery } from '../../schemas.js'

const id = z.string().regex(ID_PATTERN, '编号格式无效')

export const regionsQuery = z.strictObject({ parentId: id.optional() })
export const stationsForRegionQuery = z.strictObject({ regionId: id })

export const stationSearchQuery = z.strictObject({
  ...pageQuery,
  q: singleLine().min(1).max(50).optional(),
  kind: z.enum(STATION_KINDS).optional(),
})

export const deputySearchQuery = z.strictObject({
  ...pageQuery,
  q: singleLine().min(1).max(50).optional(),
  level: z.enum(DEPUTY_LEVELS).optional(),
  stationId: id.optional(),
  topic: z.string().max(20).optional(),
  /** true: in office only; false: those who have left only; absent: both. */
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
})

/** 接待时间: one range for every reception day, or null (or both blank) to say no hours. */
const receptionHours = receptionHoursSchema.nullable()

const nonEmpty = (o: object) => Object.keys(o).length > 0
const noChange = { message: '没有要修改的字段' }

export const stationEditBody = z
  .strictObject({
    name: requiredLine(100, '名称').optional(),
    address: singleLine().max(200, '地址最多 200 字').optional(),
    receptionDays: z.array(z.enum(WEEKDAYS)).max(7).optional(),
    receptionHours: receptionHours.optional(),
    regionIds: z.array(id).max(500).optional(),
  })
  .refine(nonEmpty, noChange)

export const deputyEditBody = z
  .strictObject({
    name: requiredLine(100, '姓名').optional(),
    level: z.enum(DEPUTY_LEVELS).optional(),
    stationIds: z.array(id).min(1).max(20).optional(),
    topics: z.array(z.string()).max(20).optional(),
    /** The duty dates at one station, replacing that station's only. */
    dutyDates: z.array(z.iso.date('日期格式应为 YYYY-MM-DD')).max(400).optional(),
    /** Whose duty dates `dutyDates` are; needed only when the editor looks after several of the deputy's stations. */
    stationId: id.optional(),
    /**
     * His duty dates at that station as the editor read them, required with `dutyDates`: it is saved only over those, else
     * 409 duty_day_changed and nothing is written (as the day's PUT /stations/:id/duty-days/:date saves over `seen`).
     */
    seenDutyDates: z.array(z.iso.date('日期格式应为 YYYY-MM-DD')).max(400).optional(),
    phone: z.string().max(30).nullable().optional(),
    /** false: left office (resigned, term ended, passed away), out of service; true: back in service. */
    active: z.boolean().optional(),
  })
  .refine(nonEmpty, noChange)
  .refine((b) => b.stationId === undefined || b.dutyDates !== undefined, {
    message: '联络站（stationId）只用于说明值班日期是哪个站的，请同时填写 dutyDates',
    path: ['stationId'],
  })
  .refine((b) => b.seenDutyDates === undefined || b.dutyDates !== undefined, {
    message: '原来的值班日期（seenDutyDates）只用于保存新的值班日期，请同时填写 dutyDates',
    path: ['seenDutyDates'],
  })
  // A list saved blind would undo unseen a day saved meanwhile on the calendar: the days as read are asked for always.
  .refine((b) => b.dutyDates === undefined || b.seenDutyDates !== undefined, {
    message: '保存值班日期时，请同时填写读取时的值班日期（seenDutyDates），以免覆盖别人刚保存的日期',
    path: ['seenDutyDates'],
  })

/** One day of a station's reception duty: the station and the day (YYYY-MM-DD). */
export const dutyDayParam = z.strictObject({ id, date: z.iso.date('日期格式应为 YYYY-MM-DD') })

/** Who sits that day after the save, and who sat as the clerk saw it (compare-and-set: a save made meanwhile is 409). */
export const dutyDayBody = z.strictObject({
  deputyIds: z.array(id).max(200),
  seen: z.array(id).max(200),
})

/** 暂停接收留言: the dates (both included, the business time zone's) and a kind; a few words for staff. */
export const deputyAwayBody = z.strictObject({
  from: z.iso.date('日期格式应为 YYYY-MM-DD'),
  until: z.iso.date('日期格式应为 YYYY-MM-DD'),
  reason: z.enum(AWAY_REASONS, '请选择原因：请假、外出学习或其他'),
  note: singleLine().max(30, '说明最多 30 字').nullable().optional(),
})

const unitCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(CODE_PATTERN, '代码只能包含字母、数字、_ -，最长 24 位'))

export const unitCreateBody = z.strictObject({
  code: unitCode,
  name: requiredLine(100, '单位名称'),
  kind: z.enum(UNIT_KINDS),
  regionId: id.nullable().default(null),
  contact: singleLine().max(100).default(''),
})

export const unitEditBody = z
  .strictObject({
    name: requiredLine(100, '单位名称').optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    regionId: id.nullable().optional(),
    contact: singleLine().max(100).optional(),
    active: z.boolean().optional(),
  })
  .refine(nonEmpty, noChange)

/** Roster spreadsheets saved as CSV, sent as text with their file names (the console decodes what Excel saved). */
export const sheetUploadBody = z.strictObject({
  sheets: z
    // `sheet`: the worksheet's tab name when the console read the sheet from a workbook.
    .array(z.strictObject({ name: z.string().trim().min(1).max(200), csv: z.string(), sheet: z.string().trim().min(1).max(200).optional() }))
    .min(1, '请选择文件')
    .max(10, '一次最多导入 10 个文件'),
})
/** A body of sheets, not an import file (whose lists are regions, stations, units, deputies, staff). */
export const isSheetUpload = (body: unknown) => typeof body === 'object' && body !== null && 'sheets' in body

export const templateParam = z.strictObject({ kind: z.enum(SHEET_KINDS) })
