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
      // Only the span the periods cover is read, through an index that starts or ends with created_at.
      const from = Math.min(...periods.map((p) => p.from.getTime()))
      clauses.push('created_at >= ?')
      params.push(new Date(from).toISOString())
      if (periods.every((p) => p.to)) {
        clauses.push('created_at < ?')
        params.push(new Date(Math.max(...periods.map((p) => p.to!.getTime()))).toISOString())
      }
      const sums = periods.map((p, i) => (p.to ? `total(created_at >= ? AND created_at < ?) AS p${i}` : `total(created_at >= ?) AS p${i}`))
      const bounds = periods.flatMap((p) => (p.to ? [p.from.toISOString(), p.to.toISOString()] : [p.from.toISOString()]))
      const row = db.prepare(`SELECT ${sums.join(', ')} FROM cases WHERE ${clauses.join(' AND ')}`).get(...bounds, ...params) as Record<string, number>
      return periods.map((_, i) => row[`p${i}`])
    },
  }
}
