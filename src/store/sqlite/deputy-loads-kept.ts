import type { Db } from './open.js'
import { placeholders } from './sql.js'

/** Deputies whose loads are kept at most; past it the map starts again (a province has 100k). */
const KEPT_AT_MOST = 20_000

/**
 * Each deputy's open cases (035's deputy_loads) for routing, kept in memory between messages.
 * A read of even one row costs a read transaction (the WAL's locks: several system calls, a
 * large part of a message's time under load); `total_changes()` costs none, and moves with
 * every row this connection writes, triggers' rows included. So the kept loads are dropped
 * whenever this instance has written anything (a case routed here counts at once), and reread.
 * Another instance's writes to the same file show here at this instance's next write: routing
 * uses loads as an estimate to spread work, and one write behind is close enough.
 */
export function keptDeputyLoads(db: Db): (deputyIds: string[]) => Record<string, number> {
  const writtenHere = db.prepare('SELECT total_changes()').pluck()
  const kept = new Map<string, number>()
  let keptAt = -1
  return (deputyIds) => {
    const loads: Record<string, number> = {}
    if (!deputyIds.length) return loads
    const written = writtenHere.get() as number
    // Inside a transaction what is read may yet be rolled back, which total_changes() never undoes.
    if (written !== keptAt || kept.size > KEPT_AT_MOST || db.inTransaction) {
      kept.clear()
      keptAt = db.inTransaction ? -1 : written
    }
    const unknown = deputyIds.filter((id) => !kept.has(id))
    if (unknown.length) {
      for (const id of unknown) kept.set(id, 0)
      const rows = db
        .prepare(`SELECT deputy_id, open_cases AS n FROM deputy_loads WHERE deputy_id IN (${placeholders(unknown.length)}) AND open_cases > 0`)
        .all(...unknown) as Array<{ deputy_id: string; n: number }>
      for (const r of rows) kept.set(r.deputy_id, r.n)
    }
    for (const id of deputyIds) {
      const n = kept.get(id)!
      if (n > 0) loads[id] = n
    }
    return loads
  }
}
