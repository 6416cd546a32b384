import { addDays } from './business-calendar.js'
import { HANDLING_STATUSES, latestLeadAnswer, promisedBy, type SuggestionRecord, type SuggestionStatus } from './suggestion.js'

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
 * The rule of 已超期 as data, which both stores keep and query by (their `dueBy`, below): per status, the day whose passing
 * makes a suggestion overdue. While a unit still owes the answer (交办, 重新办理), the deadline; while a promise
 * (正在解决或列入计划) waits for the unit's report (`following`), the promised day (promisedBy, the rule that marks
 * 承诺日期已过). In any other status nothing is owed.
 */
export const OVERDUE_RULES: ReadonlyArray<{ statuses: readonly SuggestionStatus[]; day: 'deadline' | 'promisedBy' }> = [
  { statuses: HANDLING_STATUSES, day: 'deadline' },
  { statuses: ['following'], day: 'promisedBy' },
]

/** The statuses in which a suggestion can be overdue. */
export const OVERDUE_STATUSES: SuggestionStatus[] = OVERDUE_RULES.flatMap((r) => r.statuses)
/** Those in which being overdue is a promise late (承诺日期已过) rather than an answer. */
export const PROMISE_STATUSES: SuggestionStatus[] = OVERDUE_RULES.filter((r) => r.day === 'promisedBy').flatMap((r) => r.statuses)

/**
 * The day a suggestion counts overdue after (OVERDUE_RULES), whatever today is; null when nothing is owed by a day. Kept
 * beside the record by both stores, so the overdue list and the counts are asked of them by `dueBy < today`.
 */
export function dueBy(s: Pick<SuggestionRecord, 'status' | 'answers' | 'assignment'>): string | null {
  const rule = OVERDUE_RULES.find((r) => r.statuses.includes(s.status))
  if (!rule) return null
  return rule.day === 'deadline' ? (s.assignment?.deadline ?? null) : promisedBy(s)
}

/**
 * The day an office counts a suggestion overdue from (its 已超期 and 只看已超期), or null when it is not: its dueBy, once
 * past. The earlier the day, the longer it waits.
 */
export function overdueSince(s: Pick<SuggestionRecord, 'status' | 'answers' | 'assignment'>, today: string): string | null {
  const day = dueBy(s)
  return day !== null && day < today ? day : null
}

/** How the console's list and the office's notices say it: "承诺日期已过 3 天". */
export const promiseLateText = (days: number) => `承诺日期已过 ${days} 天`

/** How many times the office pressed the lead unit (催办) since its latest answer, the promise it now owes the report on. */
export function urgesSincePromise(s: Pick<SuggestionRecord, 'answers' | 'timeline'>): number {
  const since = latestLeadAnswer(s)?.at.getTime() ?? 0
  return s.timeline.filter((e) => e.action === 'urged' && e.at.getTime() >= since).length
}
