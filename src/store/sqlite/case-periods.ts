import type { CasePeriod } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import type { Db } from './open.js'

/** New cases per period (the dashboard's today and weeks) in one count over the creation-time indexes. */
export function casePeriods(db: Db) {
  return {
    async countByPeriod(filter: CaseFilter, periods: CasePeriod[]): Promise<number[]> {
      if (!periods.length) return []
      const { clauses, params } = filterClauses(filter)
      // One statement, one count per period, each a range of an index that holds the creation time
      // (by station, district or alone): the rows are stepped over, never read or tested.
      const where = [...clauses, 'created_at >= ?'].join(' AND ')
      const counts = periods.map((p) => `(SELECT count(*) FROM cases WHERE ${where}${p.to ? ' AND created_at < ?' : ''})`)
      const values = periods.flatMap((p) => [...params, p.from.toISOString(), ...(p.to ? [p.to.toISOString()] : [])])
      return db
        .prepare(`SELECT ${counts.join(', ')}`)
        .raw()
        .get(...values) as number[]
    },
  }
}
