import { CASE_STATUSES } from '../../domain/case.js'
import type { CaseCount } from '../ports.js'
import { filterClauses, scopeColumns } from './case-filter-sql.js'
import type { caseTextSearch } from './case-text-search.js'
import type { Db } from './open.js'
import { placeholders } from './sql.js'
import { limitSql } from './sql-limit.js'

/** The filters the kept counts per place (case_counts, migration 036) answer a count of: a scope and statuses. */
const KEPT_FILTERS: ReadonlySet<string> = new Set<keyof CaseCount>(['stationIds', 'districtIds', 'districtsOrStations', 'statuses'])

/**
 * Whether the kept counts answer this count: statuses within a scope, nothing else. Their n_<status> counts every
 * case of that status, merged ones too, as the list filtered by status shows them.
 */
function keptCountsAnswer(query: CaseCount): query is CaseCount & { statuses: NonNullable<CaseCount['statuses']> } {
  const only = Object.entries(query).every(([name, value]) => value === undefined || KEPT_FILTERS.has(name))
  return only && !!query.statuses?.length && query.statuses.every((s) => (CASE_STATUSES as readonly string[]).includes(s))
}

/**
 * A deputy's messages (a few hundred over a term) or a place's (a community, a street: within the scope it is
 * picked from) are fewer than a station's or a district's: read through their own index, the scope's columns are
 * only checked on them. Without statistics SQLite would walk the scope's index instead, every message of a
 * district (~54,000 at a province) looked up to find the few of that deputy or place.
 */
const narrowerThanScope = (query: CaseCount) => !!query.deputyId || !!query.regionIds?.length

/**
 * countUpTo of the SQLite adapter: how many cases search would list, counted no further than one past `bound`.
 * Statuses within a scope from the kept counts (no case read); otherwise search's filters without its order: each
 * scope column's index (or the text's, a deputy's, a place's) read up to the bound, the union of those few ids
 * counted. "SELECT 1" on one column reads the index alone where it covers the filters.
 */
export function caseCountUpTo(db: Db, textSearch: ReturnType<typeof caseTextSearch>) {
  return (query: CaseCount, bound: number): number => {
    if (keptCountsAnswer(query)) {
      // A scope's rows of the kept counts (a district's: a few dozen places), as filterClauses reads a scope.
      const { clauses, params } = filterClauses({
        stationIds: query.stationIds,
        districtIds: query.districtIds,
        districtsOrStations: query.districtsOrStations,
      })
      const sum = [...new Set(query.statuses)].map((s) => `n_${s}`).join(' + ')
      const n = db
        .prepare(`SELECT coalesce(sum(${sum}), 0) FROM case_counts ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`)
        .pluck()
        .get(...params) as number
      return Math.min(n, bound + 1)
    }
    const text = textSearch(query)
    const columns = scopeColumns(query)
    const cap = limitSql(bound + 1)
    const scopeUnindexed = narrowerThanScope(query)
    const parts = columns.map((column) => {
      const { clauses, params } = filterClauses(query, column, { scopeUnindexed })
      if (query.ids) clauses.push(query.ids.length ? `cases.id IN (${placeholders(query.ids.length)})` : '0') && params.push(...query.ids)
      const all = [...clauses, ...text.clauses]
      const sql = `SELECT ${columns.length === 1 ? '1' : 'cases.id'} FROM ${text.from} ${all.length ? `WHERE ${all.join(' AND ')}` : ''} ${cap}`
      return { sql, params: [...text.fromParams, ...params, ...text.params] }
    })
    const sql =
      parts.length === 1
        ? `SELECT count(*) FROM (${parts[0].sql})`
        : `SELECT count(*) FROM (SELECT id FROM (${parts.map((p) => `SELECT * FROM (${p.sql})`).join(' UNION ')}) ${cap})`
    return db
      .prepare(sql)
      .pluck()
      .get(...parts.flatMap((p) => p.params)) as number
  }
}
