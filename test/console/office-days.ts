import { localDate } from '../../src/domain/dates.js'

/**
 * The day a create form offers as its end, `days` after `at` in the business zone: that day, or the
 * Monday after when it falls on a Saturday or Sunday (the console's officeCloseAfter), as "2026-12-18".
 */
export function officeDayAfter(at: number, days: number, timeZone: string): string {
  const date = localDate(new Date(at + days * 86_400_000), timeZone)
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  const ahead = weekday === 6 ? 2 : weekday === 0 ? 1 : 0
  return new Date(Date.parse(`${date}T12:00:00Z`) + ahead * 86_400_000).toISOString().slice(0, 10)
}
