import type { DeputyLevel, ReceptionHours, Staff, StaffRole, Weekday } from './directory.js'
import { parseReceptionHours } from './reception-days.js'
import { DUTY_EXAMPLE, EXAMPLE_ACTIVATION_CODE, NO_DUTY, NONE_WORD, WHOLE_CITY } from './directory-sheet-specs.js'
import { trimCell } from './sheet-cells.js'

/**
 * How a roster sheet's cells are read (directory-sheets.ts): the words an office writes for a
 * kind, a level, a role or a weekday; dates as Excel saves them; the 值班日期 and 负责地区 cells.
 */

const words = (table: Record<string, string[]>) => new Map(Object.entries(table).flatMap(([code, ws]) => [code, ...ws].map((w) => [w.toLowerCase(), code])))
export const REGION_KIND_WORDS = words({
  district: ['区县', '区', '县', '县区', '市辖区'],
  street: ['街道乡镇', '街道', '乡镇', '乡', '镇'],
  community: ['社区村', '社区', '村', '居委会', '村委会'],
  grid: ['网格'],
})
export const STATION_KIND_WORDS = words({
  community: ['社区', '社区联络站'],
  industrial_park: ['园区', '工业园区', '园区联络站'],
  scenic_area: ['景区', '景区联络站'],
  township: ['乡镇', '乡镇联络站'],
  sector: ['行业', '行业联络站'],
  other: ['其他'],
})
export const LEVEL_WORDS = words({
  national: ['全国'],
  provincial: ['省', '省级'],
  city: ['市', '市级'],
  county: ['县区', '县', '区', '县级', '区级', '县（区）', '县(区)', '区县'],
  township: ['乡镇', '乡', '镇', '乡镇级'],
})
export const ROLE_WORDS = words({
  station_staff: ['联络站工作人员', '联络站'],
  organizer: ['人大办工作人员', '人大办', '组织者'],
  admin: ['系统管理员', '管理员'],
})
const WEEKDAY_WORDS = words({
  mon: ['周一', '星期一', '礼拜一', '一'],
  tue: ['周二', '星期二', '礼拜二', '二'],
  wed: ['周三', '星期三', '礼拜三', '三'],
  thu: ['周四', '星期四', '礼拜四', '四'],
  fri: ['周五', '星期五', '礼拜五', '五'],
  sat: ['周六', '星期六', '礼拜六', '六'],
  sun: ['周日', '星期日', '星期天', '礼拜天', '周天', '日', '天'],
})

export const splitList = (cell: string) =>
  cell
    .split(/[、,，;；|\n]+/)
    .map(trimCell)
    .filter(Boolean)
export const compact = (s: string) => s.replace(/\s+/g, '')
/** "市人大代表", "市级", "市" → city. */
export const levelOf = (cell: string) =>
  LEVEL_WORDS.get(
    compact(cell)
      .toLowerCase()
      .replace(/(人大代表|人大|代表)$/, ''),
  ) as DeputyLevel | undefined
/** What Excel writes for a long number it shows in scientific notation: the digits are lost. */
export const SCIENTIFIC = /^\d+(\.\d+)?E\+\d+$/i

/**
 * A date as Excel saves it: 2026-12-01, 2026/12/1 (a cell Excel took for a date), 2026.12.1,
 * 2026年12月1日 → "2026-12-01"; null when it is none of these.
 */
export function sheetDate(cell: string): string | null {
  const m = FULL_DATE.exec(cell.trim())
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null
}
const FULL_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
/** 12月3日, 12月3号, 12/3: a day of the roster written without its year. */
const MONTH_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[/／]\s*(\d{1,2}))$/

/** "2026-12-03" for a day the calendar has; null for 2月30日 or 13月1日. */
function isoDate(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Why a month and day read as numbers is no day of the calendar, in words a clerk checks against her paper. */
const noSuchDay = (written: string, mo: number, d: number) =>
  mo < 1 || mo > 12 ? `日期“${written}”不对：没有 ${mo} 月，请核对` : `日期“${written}”不对：${mo} 月没有 ${d} 日，请核对`

/**
 * A 值班日期 as a clerk writes it: a full date (sheetDate), or a month and day without a year
 * (12月3日, 12/3) read as the first such day from YEARLESS_LOOKBACK_DAYS before `today` (the import
 * day, as the business time zone dates it): a roster for this month imported mid-month keeps its
 * first days this year (12月3日 imported on 12月5日 is this 12月3日, not a year ahead), while a day
 * further back is the next one, so 1月5日 written in December is next January's, and 2月29日 the next
 * leap year's. `yearless` says no year was supplied. Without `today` (nothing to count from) a day
 * without its year is not read.
 */
/** How far back a 值班日期 without its year may lie and still be the recent one: about two months. */
export const YEARLESS_LOOKBACK_DAYS = 60

export function dutyDate(word: string, today?: string): { date: string; yearless: boolean } | { problem: string } {
  const written = word.trim()
  const unread = { problem: `日期“${written}”看不懂，请写成 2026-12-01 这样` }
  const full = FULL_DATE.exec(written)
  if (full) {
    const [mo, d] = [Number(full[2]), Number(full[3])]
    const date = isoDate(Number(full[1]), mo, d)
    return date ? { date, yearless: false } : { problem: noSuchDay(written, mo, d) }
  }
  const md = MONTH_DAY.exec(written)
  if (!md || !today) return unread
  const [mo, d] = [Number(md[1]), Number(md[2] ?? md[3])]
  const earliest = new Date(Date.parse(`${today}T00:00:00Z`) - YEARLESS_LOOKBACK_DAYS * 86_400_000).toISOString().slice(0, 10)
  // From last year (a December day imported in January); eight years hold a leap year whichever year it is now (2100 is no leap year, 2104 is).
  for (let y = Number(today.slice(0, 4)) - 1; y <= Number(today.slice(0, 4)) + 8; y++) {
    const date = isoDate(y, mo, d)
    if (date && date >= earliest) return { date, yearless: true }
  }
  return { problem: noSuchDay(written, mo, d) }
}

/**
 * An optional cell of a deputy's row (电话, 关注领域), read as 值班日期 is: for a deputy the system already has, a
 * blank cell (or the column left out) keeps what is stored, since a clerk sending her list again for one change
 * reads blank as "leave alone", and “无” clears it; for a new deputy, blank and 无 alike mean none. `keep`: leave
 * the stored value; else `text`, the cell to read ('' for none).
 */
export function keptUnlessWritten(cell: string | undefined, stored: boolean): { keep: true } | { text: string } {
  const text = trimCell(cell ?? '')
  if (!text) return stored ? { keep: true } : { text: '' }
  return compact(text) === NONE_WORD ? { text: '' } : { text }
}

/** The template prints its example code: whoever has seen the template could activate the account with it. */
export function exampleCodeRefused(code: string, problem: (message: string) => void): string {
  if (code.toUpperCase() === EXAMPLE_ACTIVATION_CODE) problem('激活码不能用模板里的示例，请另设一个')
  return code
}

/**
 * The 负责地区 cell. Blank means the whole city to the rest of the system, so for an organizer the
 * sheet must say 全市 in words: a column left out or a cell left empty must not widen what they see.
 * A column left out keeps an organizer's stored regions.
 */
export function staffRegions(
  role: StaffRole,
  old: Staff | undefined,
  hasColumn: boolean,
  cellText: string,
  lookup: (token: string) => string[],
  problem: (message: string) => void,
): string[] {
  // An organizer made from another role has no stored regions of their own to keep.
  if (!hasColumn && old && (role !== 'organizer' || old.role === 'organizer')) return old.regionIds
  const tokens = splitList(cellText)
  const wholeCity = tokens.filter((t) => compact(t) === WHOLE_CITY).length
  if (wholeCity && tokens.length > wholeCity) problem(`“${WHOLE_CITY}”已包含所有地区，请只填“${WHOLE_CITY}”，或只填具体的地区`)
  if (wholeCity) return []
  if (!tokens.length && role === 'organizer') problem(`人大办工作人员请填写负责的地区；负责全市的，请填“${WHOLE_CITY}”`)
  return tokens.flatMap(lookup)
}

/**
 * The 值班日期 cell: plain dates for a deputy of one station; for a deputy of several, each
 * station's dates after its name, segments divided by “；” (or a new line in the cell). A station
 * named replaces that station's days only (“东风路联络站：无” clears them); the deputy's other
 * stations keep theirs (`kept`), as each station's staff keep them in the console.
 */
export function dutyOf(
  cellText: string,
  stationIds: string[],
  kept: Record<string, string[]>,
  station: (name: string) => string | undefined,
  problem: (message: string) => void,
  { today, yearless = () => {} }: { today?: string; yearless?: (written: string, date: string) => void } = {},
) {
  const dates = (text: string) =>
    splitWords(text).flatMap((w) => {
      const read = dutyDate(w, today)
      if ('problem' in read) return (problem(read.problem), [])
      if (read.yearless) yearless(w, read.date)
      return [read.date]
    })
  const segments = cellText
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  const plain: string[] = []
  const byStation: Record<string, string[]> = {}
  let named = 0
  for (const segment of segments) {
    const m = /^([^:：]+)[:：](.*)$/s.exec(segment)
    if (!m) {
      plain.push(...dates(segment))
      continue
    }
    named++
    const name = trimCell(m[1])
    const id = station(name)
    const text = trimCell(m[2])
    if (id && !stationIds.includes(id)) problem(`“${name}”不是这位代表的所属联络站`)
    // Nothing after the name: whether to keep or clear that station's days is not said, so it is asked.
    else if (id && !text) problem(`“${name}：”后面没有写日期。要取消在这个联络站的值班，请写“${name}：${NO_DUTY}”；不改动的，请删去这一段`)
    else if (id && compact(text) === NO_DUTY) byStation[id] = []
    else if (id) (byStation[id] ??= []).push(...dates(text))
  }
  if (named && plain.length) problem(`有的日期前写了联络站，有的没有，请每一段都写明联络站，${DUTY_EXAMPLE}`)
  else if (named) return { dutyByStation: Object.fromEntries(Object.entries({ ...kept, ...byStation }).filter(([, days]) => days.length)) }
  else if (plain.length && stationIds.length > 1) problem(`这位代表属于 ${stationIds.length} 个联络站，请在日期前写明是哪个联络站，${DUTY_EXAMPLE}`)
  else if (plain.length) return { dutyDates: plain }
  return {}
}

export const splitWords = (cell: string) => splitList(cell).flatMap((s) => s.split(/\s+/).filter(Boolean))

export function readWeekday(word: string, at: (heading: string, message: string) => void): Weekday[] {
  const day = WEEKDAY_WORDS.get(word.toLowerCase()) as Weekday | undefined
  if (!day) at('接待日', `“${word}”不是星期几，请写成“周一”到“周日”`)
  return day ? [day] : []
}

/** The 接待时间 cell, "8:30-11:30" (or 8:30至11:30, 8：30～11：30): null when blank; a problem when it is no range of the day. */
export function readReceptionHours(cell: string, at: (heading: string, message: string) => void): ReceptionHours | null {
  const read = parseReceptionHours(cell)
  if (read.ok) return read.hours
  at('接待时间', read.problem)
  return null
}

/** The station's hours as a record holds them: only when it has some (as both stores read them), so a re-import compares alike. */
export const hoursField = (hours: ReceptionHours | null | undefined) => (hours ? { receptionHours: hours } : {})
