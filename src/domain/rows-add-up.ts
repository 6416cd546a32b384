/**
 * Rows that add up to the figures above them: a breakdown by station, or by deputy, leaves out the messages no
 * station or deputy holds, so each such table gets a row (or a line) for the rest. One way to count that rest, and
 * one key for the office's row, for the dashboard, the statistics and the weekly report alike.
 */

/**
 * The key of the row of messages at an office (上报 by a station, or of a place no station covers). No id of the
 * directory can take it (ids start with a letter or a digit); the weekly report, with one row per office, adds the
 * office's district (officeRowKey).
 */
export const OFFICE_ROW_KEY = '*office'

/** The key of the row of messages no deputy holds yet (未分派). */
export const UNASSIGNED_ROW_KEY = '*unassigned'

/** The row key of one office: its district's id, or 'city' for the city's office. */
export const officeRowKey = (officeId: string) => `${OFFICE_ROW_KEY}:${officeId}`

/** Whether a row is an office's, and of which (null for any other row). */
export const officeOfRow = (key: string): string | null => (key.startsWith(`${OFFICE_ROW_KEY}:`) ? key.slice(OFFICE_ROW_KEY.length + 1) : null)

type Counts<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T]

/**
 * The whole less every group, field by field: what no group holds. Every number of `whole` is counted down (a
 * total, the open, the overdue, the replies due and in time…); its other fields (a key) are kept as they are.
 */
export function restOf<T extends object>(whole: T, groups: Iterable<Pick<T, Counts<T>>>): T {
  const rest = { ...whole } as Record<string, unknown>
  const fields = Object.keys(rest).filter((f) => typeof rest[f] === 'number')
  // Field by field over each group, with no copy of it: an admin's ranking of deputies passes 100,000 of them.
  for (const g of groups) for (const f of fields) rest[f] = (rest[f] as number) - ((g as Record<string, unknown>)[f] as number)
  return rest as T
}
