import { businessYear, localDate, nextDate, zonedIso, zoneFormat } from '../../business-zone'

/**
 * Times as staff read them, always in the business time zone (the server's; Beijing time until it
 * has said), whatever the browser's own zone: "12月4日 9:30", as people write them, with the year
 * only when it is not this one; and the pickers' "2026-11-26T09:30" back to ISO 8601 with that
 * zone's offset.
 */
const fmt = () => zoneFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })

/** An instant's wall clock in the business zone, as numbers. */
function wall(iso: string) {
  const p = Object.fromEntries(
    fmt()
      .formatToParts(new Date(iso))
      .map((x) => [x.type, Number(x.value)]),
  )
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute }
}

const pad = (n: number) => String(n).padStart(2, '0')
type Wall = ReturnType<typeof wall>
const dayOf = (w: Wall, thisYear: number) => `${w.year === thisYear ? '' : `${w.year}年`}${w.month}月${w.day}日`
const clockOf = (w: Wall) => `${w.hour}:${pad(w.minute)}`

/** "12月4日 9:30" ("2027年1月5日 9:30" in another year), or "—" for nothing. */
export function when(iso: string | null | undefined, thisYear = businessYear()): string {
  if (!iso) return '—'
  const w = wall(iso)
  return `${dayOf(w, thisYear)} ${clockOf(w)}`
}

/** A calendar date as the server keeps it ("2027-03-04", a deadline) in words: "3月4日", "2027年3月4日" in another year. */
export function dateText(date: string | null | undefined, thisYear = businessYear()): string {
  if (!date) return '—'
  const [year, month, d] = date.split('-').map(Number)
  return `${year === thisYear ? '' : `${year}年`}${month}月${d}日`
}

/**
 * Picked days ("2026-12-07", "2026-12-13") as people say them: "12月7日至12月13日", one day alone ("12月7日"); both
 * with their year when one is not this year's ("2025年12月29日至2026年1月4日"), as the picker says them.
 */
export function dayRangeText(days: string[], thisYear = businessYear()): string {
  const [from, to] = days
  // Year 0 is nobody's: each date then says its own.
  const year = days.some((d) => d && Number(d.slice(0, 4)) !== thisYear) ? 0 : thisYear
  return from === to || !to ? dateText(from, year) : `${dateText(from, year)}至${dateText(to, year)}`
}

/**
 * What a date-range picker shows its days in (its value stays "2026-12-07"): "12月7日", as the rest of the page says a
 * date, with the year when one of them is not this year's.
 */
export const dayRangeFormat = (days: string[], thisYear = businessYear()) =>
  days.some((d) => d && Number(d.slice(0, 4)) !== thisYear) ? 'YYYY年M月D日' : 'M月D日'

/** "12月4日" ("2027年1月5日" in another year): the business day of an instant, or "—" for nothing. */
export function day(iso: string | null | undefined, thisYear = businessYear()): string {
  return iso ? dayOf(wall(iso), thisYear) : '—'
}

/**
 * From when to when, as people say it: "12月7日 9:30–11:30" within one day, else each end with its
 * own day ("12月7日 9:30", "12月8日 11:30"), for the page to join with 至. Each part is kept whole
 * on a line by whoever shows it (TimeSpan): a date broken after "12月" is hard to read.
 */
export function spanParts(from: string | null | undefined, to: string | null | undefined, thisYear = businessYear()): [string, string | null] {
  if (!from || !to) return [when(from, thisYear), to || from ? when(to, thisYear) : null]
  const [a, b] = [wall(from), wall(to)]
  if (a.year === b.year && a.month === b.month && a.day === b.day) return [`${dayOf(a, thisYear)} ${clockOf(a)}–${clockOf(b)}`, null]
  return [when(from, thisYear), when(to, thisYear)]
}

/** The same as one line: "12月7日 9:30–11:30", "12月7日 9:30 至 12月8日 11:30". */
export const span = (from: string | null | undefined, to: string | null | undefined, thisYear = businessYear()) =>
  spanParts(from, to, thisYear)
    .filter((p) => p !== null)
    .join(' 至 ')

/** A picker's value ("2026-11-26 09:30" in the business zone) as ISO 8601 with its offset. */
export function toIso(local: string): string {
  const [date, time = '00:00'] = local.trim().split(/[ T]/)
  return zonedIso(date, time.slice(0, 5))
}

/**
 * A start field left empty as nothing to send: the server's clock then says when "now" is. The
 * browser's clock is never sent for "now": an office PC's may run ahead (residents would be told
 * 尚未开始) or behind.
 */
export const startOrNow = (local: string): string | undefined => (local.trim() ? toIso(local) : undefined)

/** An ISO time as a date-and-time field's value ("2026-11-26T09:30") in the business zone. */
export function toLocal(iso: string): string {
  const w = wall(iso)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/**
 * A date-and-time field's value at a wall-clock time on the business day `days` after today
 * ("2026-12-18T17:00"): a default end a person would choose, never the minute the form was opened.
 */
export const laterDayAt = (days: number, time: string, now = Date.now()) => `${localDate(now + days * 86_400_000)}T${time}`

/**
 * An office day's hours. A clerk who picks only a day means one of them: 9:00 for a start, 17:00
 * for an end or a deadline, never midnight (which the spoken line read as 凌晨0:00).
 */
export const OFFICE_OPENS = '09:00'
export const OFFICE_CLOSES = '17:00'

/** The day of the week of a calendar date ("2026-12-05"): 0 for Sunday … 6 for Saturday. */
const weekdayOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/**
 * The date itself on a weekday; the Monday after on a Saturday or Sunday, when the office is
 * closed. (Public holidays and the Saturdays worked in their place are the server's business
 * calendar's, which the console does not read for a default.)
 */
export function weekdayOnOrAfter(date: string): string {
  let day = date
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day = nextDate(day)
  return day
}

/**
 * The close of the office day `days` after today ("2026-12-18T17:00"), or of the Monday after
 * when that day is a Saturday or Sunday (an end the office is not there for): what the create
 * forms offer as an end (a survey's, a quiz's, a campaign's), the same way in each.
 */
export const officeCloseAfter = (days: number, now = Date.now()) => `${weekdayOnOrAfter(localDate(now + days * 86_400_000))}T${OFFICE_CLOSES}`

const WEEKDAYS = '日一二三四五六'

/**
 * A date-and-time field's value ("2026-12-07T09:30", business time) said as every other time of the
 * console says it ("12月7日 9:30", `when`), with the day of the week that helps pick a meeting day:
 * "12月7日（星期一）9:30", "12月21日（星期一）17:00", with the year when it is not this one. Not
 * 下午5:00 beside a field that reads 17:00. The field itself is drawn in the browser's language (an
 * English system shows 12/07/2026, 09:30 AM); this line never is.
 */
export function spokenLocal(local: string, thisYear = businessYear()): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!m) return ''
  const [year, month, day, hour, minute] = m.slice(1).map(Number)
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  return `${year === thisYear ? '' : `${year}年`}${month}月${day}日（星期${weekday}）${hour}:${pad(minute)}`
}

/**
 * The date filters' quick choices, as local dates of the business zone ("2026-11-28"): one click
 * for the spans clerks ask for most, where the calendar alone opens on this month and the next
 * and last month's days are a page back.
 */
export function recentDayRanges(now = Date.now()): Record<string, [string, string]> {
  const today = localDate(now)
  const back = (days: number) => localDate(now - days * 86_400_000)
  const lastOfPreviousMonth = back(Number(today.slice(8)))
  return {
    // A clerk's first look of the morning: what came in today.
    今天: [today, today],
    最近7天: [back(6), today],
    最近30天: [back(29), today],
    本月: [`${today.slice(0, 8)}01`, today],
    上个月: [`${lastOfPreviousMonth.slice(0, 8)}01`, lastOfPreviousMonth],
  }
}
