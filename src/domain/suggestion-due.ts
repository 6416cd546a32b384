import { addDays } from './business-calendar.js'
import { HANDLING_STATUSES, latestLeadAnswer, promisedBy, type SuggestionRecord } from './suggestion.js'

/** Whole days from one calendar date to another (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** A deadline as the unit and the office read it: "还有 12 天", "今天到期", "已超期 3 天". */
export function suggestionDueText(deadline: string, today: string): string {
  const left = daysBetween(today, deadline)
  if (left > 0) return `还有 ${left} 天`
  if (left === 0) return '今天到期'
  return `已超期 ${-left} 天`
}

/** The same day `months` later, clamped to the month's end (30 Nov + 3 months = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10)
}

export { addDays }

/** Days before the deadline on which units are reminded. */
export const REMINDER_DAYS = [15, 3]

/**
 * What the deadline job owes a suggestion today: the reminder whose day has come (the
 * tightest one only, so a suggestion given late does not get two at once; each is sent once,
 * by dedupe key) and whether it is overdue.
 */
export function deadlineNotices(deadline: string, today: string): { remind: number | null; daysLeft: number; overdue: boolean } {
  const left = daysBetween(today, deadline)
  const due = REMINDER_DAYS.filter((d) => left <= d && left >= 0)
  return { remind: due.length ? Math.min(...due) : null, daysLeft: left, overdue: left < 0 }
}

/**
 * How many days the lead unit's promise (正在解决或列入计划, promisedBy) is past its day while the suggestion waits for the
 * report that the work is done (`following`); 0 on the day itself, before it, without a day, or in any other status.
 */
export function promiseDaysLate(s: Pick<SuggestionRecord, 'status' | 'answers'>, today: string): number {
  const by = s.status === 'following' ? promisedBy(s) : null
  return by ? Math.max(0, daysBetween(by, today)) : 0
}

/**
 * The day an office counts a suggestion overdue from (its 已超期 and 只看已超期), or null when it is not: the deadline,
 * while a unit still owes the answer past it; or the promised day, while a promise waits past it for the unit's report
 * (promiseDaysLate, the rule that marks 承诺日期已过). The earlier the day, the longer it waits.
 */
export function overdueSince(s: Pick<SuggestionRecord, 'status' | 'answers' | 'assignment'>, today: string): string | null {
  if (s.assignment && HANDLING_STATUSES.includes(s.status) && s.assignment.deadline < today) return s.assignment.deadline
  return promiseDaysLate(s, today) ? promisedBy(s) : null
}

/** How the console's list and the office's notices say it: "承诺日期已过 3 天". */
export const promiseLateText = (days: number) => `承诺日期已过 ${days} 天`

/** How many times the office pressed the lead unit (催办) since its latest answer, the promise it now owes the report on. */
export function urgesSincePromise(s: Pick<SuggestionRecord, 'answers' | 'timeline'>): number {
  const since = latestLeadAnswer(s)?.at.getTime() ?? 0
  return s.timeline.filter((e) => e.action === 'urged' && e.at.getTime() >= since).length
}
