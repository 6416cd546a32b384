import type { CaseRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { caseFromRow, eventFromRow } from './case-rows.js'
import type { Db } from './open.js'
import { placeholders } from './sql.js'
import { limitSql } from './sql-limit.js'

/**
 * A deputy's own hand-on steps (转交) read back: his 已转出 list (handedOnBy), and its first page for many deputies at
 * once (handedOnByEach, the assign dialog's 交回了留言 line). Spread into caseRepo.
 */
export function caseHandOns(db: Db): Pick<CaseRepo, 'handedOnBy' | 'handedOnByEach'> {
  // His latest hand-on step of a case (handedOnBy): prepared once, read once per line of his list.
  const handOnStep = db.prepare(
    `SELECT * FROM case_events WHERE case_id = ? AND actor_id = ? AND type = 'transferred' AND actor_role = 'deputy' ORDER BY seq DESC LIMIT 1`,
  )
  return {
    async handedOnBy(deputyId, page) {
      const after = decodeTimeCursor(page.cursor)
      // His hand-on steps on their partial index (migration 079: its WHERE terms written as they are there), the
      // latest per case; then those cases, unless the message is his again.
      const sql = `WITH mine AS (
          SELECT case_id, max(at) AS handed_at FROM case_events
          WHERE actor_id = ? AND type = 'transferred' AND actor_role = 'deputy'
          GROUP BY case_id
        )
        SELECT mine.handed_at, cases.* FROM mine JOIN cases ON cases.id = mine.case_id
        WHERE (cases.deputy_id IS NULL OR cases.deputy_id <> ?)${after ? ' AND (mine.handed_at < ? OR (mine.handed_at = ? AND cases.id < ?))' : ''}
        ORDER BY mine.handed_at DESC, cases.id DESC ${limitSql(page.limit + 1)}`
      const rows = db.prepare(sql).all(deputyId, deputyId, ...(after ? [after.key, after.key, after.id] : [])) as Array<Record<string, unknown>>
      const items = rows.map((r) => ({ case: caseFromRow(r), step: eventFromRow(handOnStep.get(r.id, deputyId)) }))
      return toPage(items, page.limit, (h) => timeCursorKey(h.step.at, h.case.id))
    },
    async handedOnByEach(deputyIds, since, limit) {
      if (!deputyIds.length || limit < 1) return []
      // handedOnBy's read for all of them in one statement: their hand-on steps since then on the same partial index
      // (its WHERE terms written as they are there), the latest per deputy and case, then each one's first `limit`
      // cases not his again, numbered in his list's order. The step comes along under step_* names (both tables have
      // an id and more).
      const sql = `WITH mine AS (
          SELECT actor_id AS handed_by, case_id, max(at) AS handed_at, max(seq) AS step_seq FROM case_events
          WHERE actor_id IN (${placeholders(deputyIds.length)}) AND type = 'transferred' AND actor_role = 'deputy' AND at >= ?
          GROUP BY actor_id, case_id
        ), listed AS (
          SELECT mine.*, row_number() OVER (PARTITION BY mine.handed_by ORDER BY mine.handed_at DESC, mine.case_id DESC) AS place
          FROM mine JOIN cases ON cases.id = mine.case_id
          WHERE cases.deputy_id IS NULL OR cases.deputy_id <> mine.handed_by
        )
        SELECT listed.handed_by, cases.*, e.id AS step_id, e.at AS step_at, e.type AS step_type, e.actor_role AS step_actor_role,
          e.actor_id AS step_actor_id, e.from_status AS step_from_status, e.to_status AS step_to_status, e.note AS step_note, e.data AS step_data
        FROM listed JOIN cases ON cases.id = listed.case_id JOIN case_events e ON e.case_id = listed.case_id AND e.seq = listed.step_seq
        WHERE listed.place <= ?
        ORDER BY listed.handed_by, listed.place`
      const rows = db.prepare(sql).all(...deputyIds, since.toISOString(), limit) as Array<Record<string, unknown>>
      return rows.map((r) => ({
        deputyId: r.handed_by as string,
        case: caseFromRow(r),
        step: eventFromRow({
          id: r.step_id,
          case_id: r.id,
          at: r.step_at,
          type: r.step_type,
          actor_role: r.step_actor_role,
          actor_id: r.step_actor_id,
          from_status: r.step_from_status,
          to_status: r.step_to_status,
          note: r.step_note,
          data: r.step_data,
        }),
      }))
    },
  }
}
