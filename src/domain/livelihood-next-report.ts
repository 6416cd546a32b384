/**
 * The line above a responsible unit's progress form: which quarter it reports next and by which day, so that its
 * clerk neither guesses the quarter nor reports the same one twice. Pure: the service passes the year, what the
 * unit has reported, the clock and the office's rule (config livelihood.reportGraceDays).
 */
import { dayText, dayTextFrom, localDate } from './dates.js'
import { lastOpenDate } from './due-date-text.js'
import { quarterStart, reportDue, type Quarter } from './livelihood.js'
import { offsetMs } from './zone-offset.js'

export interface NextReport {
  /** The first quarter of the year not yet reported; null once all four are. */
  quarter: Quarter | null
  /** "下次填报：第2季度进展，请在2027年7月15日前填报", in the console's words (超期 once its day has passed). */
  text: string
  /**
   * The quarters of the year not begun yet, each with its first day ("4月1日", with its year when not this year): the server refuses them
   * (quarterNotBegun), so the form says that day instead of offering a 填报 button that leads to a refusal.
   */
  notBegun: Array<{ quarter: Quarter; from: string }>
}

export function nextReport(year: number, reported: readonly Quarter[], now: Date, timeZone: string, graceDays: number): NextReport {
  const offset = offsetMs(now.getTime(), timeZone) / 60_000
  // Said with its year only when that is not this year (a 2027 quarter read in December 2026).
  const today = localDate(now, timeZone)
  const notBegun = ([1, 2, 3, 4] as Quarter[])
    .filter((q) => now < quarterStart(year, q, offset))
    .map((q) => ({ quarter: q, from: dayTextFrom(localDate(quarterStart(year, q, offset), timeZone), today) }))
  const quarter = ([1, 2, 3, 4] as Quarter[]).find((q) => !reported.includes(q))
  if (!quarter) return { quarter: null, text: '全年 4 个季度的进展都已填报', notBegun }
  // Due at the midnight that ends its last day: said as that day, as every deadline is.
  const due = reportDue(year, quarter, offset, graceDays)
  const lastDay = dayText(lastOpenDate(due, timeZone))
  const head = `下次填报：第${quarter}季度进展`
  if (now >= due) return { quarter, text: `${head}，已超期（应在${lastDay}前填报），请尽快填报`, notBegun }
  // A quarter not begun is refused by the server: the day it may be reported is said first.
  const opens = quarterStart(year, quarter, offset)
  const from = now < opens ? `，${dayText(localDate(opens, timeZone))}起可以填报` : ''
  return { quarter, text: `${head}${from}，请在${lastDay}前填报`, notBegun }
}
