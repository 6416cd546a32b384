import type { CaseRecord } from '../../domain/case.js'
import type { CaseRepo } from '../ports.js'
import { filterClauses, matchesNone } from './case-filter-sql.js'
import { caseFromRow } from './case-rows.js'
import type { Db } from './open.js'

/**
 * The reads of a span of time (the weekly report's week) in a scope: the cases answered or closed in it, the answers
 * given in it and sent back since (重新办理), the cases rated in it. Each through its own time index, never the scope's
 * years of cases. Spread into caseRepo.
 */
export function caseWeekReads(db: Db): Pick<CaseRepo, 'listAnsweredIn' | 'listAnswersSentBackIn' | 'listRatedIn'> {
  return {
    async listAnsweredIn(filter, from, to) {
      // An empty list (of stations, districts, places) matches nothing: SQLite finds no plan through the index for "0".
      if (matchesNone(filter)) return []
      const { clauses, params } = filterClauses(filter)
      const scope = clauses.map((c) => ` AND ${c}`).join('')
      // Each time through its own index (migration 072): a week's answers, not the scope's years of cases. The closed
      // through two: those not anonymised (the retention job's index, 041) and those anonymised since.
      const within = (index: string, column: 'replied_at' | 'closed_at', also: string) =>
        db
          .prepare(`SELECT * FROM cases INDEXED BY ${index} WHERE ${also} AND ${column} >= ? AND ${column} < ?${scope}`)
          .all(from.toISOString(), to.toISOString(), ...params)
          .map(caseFromRow)
      const found = new Map<string, CaseRecord>()
      for (const c of [
        ...within('cases_replied_at', 'replied_at', 'replied_at IS NOT NULL'),
        ...within('cases_closed_retention', 'closed_at', 'closed_at IS NOT NULL AND anonymised_at IS NULL'),
        ...within('cases_closed_anonymised', 'closed_at', 'anonymised_at IS NOT NULL'),
      ])
        found.set(c.id, c)
      return [...found.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    },
    async listAnswersSentBackIn(filter, from, to) {
      if (matchesNone(filter)) return []
      const { clauses, params } = filterClauses(filter)
      const scope = clauses.map((c) => ` AND ${c}`).join('')
      // The span's answer steps through their own index (migration 081), the latest per case, then each case by its id
      // (CROSS JOIN keeps that order); kept when the case's own answer is not one of the span's (the reopen cleared it,
      // or it was answered again after): its answer of the span was sent back.
      const rows = db
        .prepare(
          `SELECT answered.at AS answered_at, cases.* FROM (
             SELECT case_id, max(at) AS at FROM case_events INDEXED BY case_events_replied WHERE type = 'replied' AND at >= ? AND at < ? GROUP BY case_id
           ) AS answered
           CROSS JOIN cases ON cases.id = answered.case_id
           WHERE (cases.replied_at IS NULL OR cases.replied_at < ? OR cases.replied_at >= ?)${scope}
           ORDER BY cases.created_at, cases.id`,
        )
        .all(from.toISOString(), to.toISOString(), from.toISOString(), to.toISOString(), ...params) as Array<Record<string, unknown>>
      return rows.map((r) => ({ case: caseFromRow(r), answeredAt: new Date(r.answered_at as string) }))
    },
    async listRatedIn(filter, from, to) {
      if (matchesNone(filter)) return []
      const { clauses, params } = filterClauses(filter)
      const scope = clauses.map((c) => ` AND ${c}`).join('')
      // The week's rating events through their own index (migration 076), then each one's case by id (CROSS JOIN keeps
      // that order): a week's ratings, never the scope's years of cases. The case's rated_at is not it: a reopen clears it.
      return db
        .prepare(
          `SELECT cases.* FROM (SELECT DISTINCT case_id FROM case_events INDEXED BY case_events_rated WHERE type = 'rated' AND at >= ? AND at < ?) AS rated
           CROSS JOIN cases ON cases.id = rated.case_id WHERE 1${scope}
           ORDER BY cases.created_at, cases.id`,
        )
        .all(from.toISOString(), to.toISOString(), ...params)
        .map(caseFromRow)
    },
  }
}
