import type { CaseFilter } from '../ports.js'
import { ACKED, OPEN, WAITING } from './case-sql.js'
import type { Db } from './open.js'

/**
 * The cases whose figures depend on the time of asking, and the deadline each figure counts them
 * against (null when it does not count them), exactly as the partial index cases_unfinished
 * (migration 036) spells them: SQLite reads the index only for this very condition, and the
 * deadlines from it only for these very expressions. By caseStats' definitions (a live case is
 * neither withdrawn, rejected nor merged), as in case-tally.ts's live SQL.
 */
export const UNFINISHED = `(next_due_at IS NOT NULL OR status IN (${WAITING}) OR (replied_at IS NULL AND status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL))`
export const DEADLINES = {
  /** An acknowledgement due and not given. */
  ack: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND ${ACKED} IS NULL THEN ack_due_at END)`,
  /** A reply due and not given. */
  reply: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NULL THEN reply_due_at END)`,
  /** Waiting past the deadline that matters: the reply's once acknowledged. */
  waiting: `(CASE WHEN status IN (${WAITING}) AND merged_into IS NULL THEN CASE WHEN ${ACKED} IS NOT NULL THEN reply_due_at ELSE ack_due_at END END)`,
  /** Open past its next deadline (the inbox's overdue). */
  open: `(CASE WHEN status IN (${OPEN}) THEN next_due_at END)`,
}

/** One unfinished case as the figures of "now" see it: its places, and its deadlines as stored (ISO strings, compared as SQL compares them). */
export type UnfinishedCase = [
  station: string | null,
  district: string | null,
  handling: string | null,
  deputy: string | null,
  ack: string | null,
  reply: string | null,
  waiting: string | null,
  open: string | null,
]

// Past this many changes since the last look, the unfinished cases are read again whole rather than case by case.
const MAX_CHANGES = 20_000
const COLUMNS = `station_id, district_id, handling_district_id, deputy_id, ${DEADLINES.ack}, ${DEADLINES.reply}, ${DEADLINES.waiting}, ${DEADLINES.open}`

/**
 * The unfinished cases (~4% of a province's, ~41,000) kept in memory with their deadlines, brought up to date
 * from the case change log (migration 040) at each look: the figures of "now" of every report and the figures
 * mark count them here instead of walking the index of unfinished cases per figure and per request (~40 ms an
 * admin's, three times per dashboard), and a write costs nothing more. Read whole at the first look (a few
 * hundred ms on a province), again when changes were pruned from the log before they were seen.
 */
export function keptDeadlines(db: Db) {
  const lastSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM case_changes').pluck()
  const firstSeq = db.prepare('SELECT min(seq) FROM case_changes').pluck()
  // One JSON array: a province's 41,000 rows leave SQLite as one string, parsed faster than rows handed over one by one.
  const everyOne = db.prepare(`SELECT json_group_array(json_array(id, ${COLUMNS})) FROM cases INDEXED BY cases_unfinished WHERE ${UNFINISHED}`).pluck()
  // Each case changed since: as it is now (unfinished or not), or not at all (deleted).
  const changed = db
    .prepare(
      `SELECT changed.case_id, cases.id IS NOT NULL AND ${UNFINISHED}, ${COLUMNS}
      FROM (SELECT DISTINCT case_id FROM case_changes WHERE seq > ?) AS changed LEFT JOIN cases ON cases.id = changed.case_id`,
    )
    .raw()

  let kept: { seq: number; cases: Map<string, UnfinishedCase> } | null = null

  /** Brought up to date in one read transaction: the log's last change and the cases as of that change. */
  const current = db.transaction((): Map<string, UnfinishedCase> => {
    const seq = lastSeq.get() as number
    if (kept && seq === kept.seq) return kept.cases
    const first = firstSeq.get() as number | null
    // A log behind what was seen (another file), changes pruned unseen, or so many that reading all is cheaper.
    if (!kept || seq < kept.seq || seq - kept.seq > MAX_CHANGES || (first !== null && first > kept.seq + 1)) {
      const rows = JSON.parse(everyOne.get() as string) as Array<[string, ...UnfinishedCase]>
      kept = { seq, cases: new Map(rows.map(([id, ...c]) => [id, c])) }
      return kept.cases
    }
    for (const [id, unfinished, ...c] of changed.all(kept.seq) as Array<[string, number | null, ...UnfinishedCase]>) {
      if (unfinished) kept.cases.set(id, c as UnfinishedCase)
      else kept.cases.delete(id)
    }
    kept.seq = seq
    return kept.cases
  })

  return {
    /** The unfinished cases as they are now (a live view: read it before the next write). */
    current: (): Iterable<UnfinishedCase> => current().values(),
    /** The last case change and the unfinished cases as of that change (the same live view). */
    asOfLastChange(): { seq: number; cases: Iterable<UnfinishedCase> } {
      const cases = current().values()
      return { seq: kept!.seq, cases }
    },
    /** Whether an unfinished case is in a scope (stations, districts: a case's place's district or its handling one), as filterClauses selects it. */
    inScope(filter: CaseFilter): (c: UnfinishedCase) => boolean {
      const stations = filter.stationIds && new Set(filter.stationIds)
      const districts = filter.districtIds && new Set(filter.districtIds)
      return ([station, district, handling]) =>
        (!stations || (station !== null && stations.has(station))) &&
        (!districts || (district !== null && districts.has(district)) || (handling !== null && districts.has(handling)))
    },
  }
}

export type KeptDeadlines = ReturnType<typeof keptDeadlines>
