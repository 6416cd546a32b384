/**
 * A LIMIT written into the SQL, never bound. SQLite (3.53, built with STAT4) plans with a bound
 * LIMIT's value, so binding one expires the statement and every run compiled it again (a resident's
 * case list on an empty table: ~27 µs a run bound, ~1.3 µs written in; a bound OFFSET costs nothing).
 * Page sizes are small integers clamped by the API and batch sizes come from settings, so each
 * shape has a handful of statements, each compiled once (the statement cache in open.ts keeps them).
 */
export function limitSql(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`LIMIT must be a whole number, not ${n}`)
  return `LIMIT ${n}`
}
