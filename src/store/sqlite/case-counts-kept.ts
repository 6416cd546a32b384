import { CASE_STATUSES, OPEN_STATUSES, WAITING_STATUSES } from '../../domain/case.js'
import { emptyTally, type BarCounts, type CaseTally, type CaseTallyKey, type CaseTallyOptions } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import type { Db } from './open.js'

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')
const WAITING = quoted(WAITING_STATUSES)
const OPEN = quoted(OPEN_STATUSES)
// caseStats' definitions, as in case-tally.ts's live SQL.
const LIVE = "(status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL)"
const ACKED = 'coalesce(acknowledged_at, replied_at)'
const DUE = `(CASE WHEN ${ACKED} IS NOT NULL THEN reply_due_at ELSE ack_due_at END)`
/**
 * The cases whose figures depend on the time of asking, exactly as the partial index
 * cases_unfinished (migration 036) names them: SQLite reads that index only for this very condition.
 */
const UNFINISHED = `(next_due_at IS NOT NULL OR status IN (${WAITING}) OR (replied_at IS NULL AND status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL))`

/** The groupings the kept tables hold, read from their columns ('' stands for none). */
const KEPT_KEY: Partial<Record<CaseTallyKey, string>> = {
  station: "nullif(station_id, '')",
  district: "nullif(district_id, '')",
  handlingDistrict: "coalesce(nullif(handling_district_id, ''), nullif(district_id, ''))",
}
/** The same groupings on the cases themselves (the unfinished ones, counted per request). */
const CASE_KEY: Record<'station' | 'district' | 'handlingDistrict' | 'deputy', string> = {
  station: 'station_id',
  district: 'district_id',
  handlingDistrict: 'coalesce(handling_district_id, district_id)',
  deputy: 'deputy_id',
}

const RATINGS = [1, 2, 3, 4, 5] as const
const SUMS = [
  'total',
  ...CASE_STATUSES.map((s) => `n_${s}`),
  ...RATINGS.map((n) => `rated_${n}`),
  'forwarded',
  'ack_done',
  'ack_in_time',
  'reply_done',
  'reply_in_time',
  'rated',
  'first_rating_sum',
  'last_rating_sum',
  'reopened_rated',
]
type KeptRow = Record<string, number> & { k: string | null }
interface LateRow {
  k: string | null
  ackLate: number
  replyLate: number
  overdueOpen: number
  overdueNext: number
}

/** Whether the kept counts answer this tally: the caller's scope alone (none, stations, districts) and a grouping they keep. */
export function keptCountsServe(filter: CaseFilter, groupBy?: CaseTallyKey): boolean {
  const scopeOnly = Object.entries(filter).every(([name, value]) => value === undefined || name === 'stationIds' || name === 'districtIds')
  return scopeOnly && (groupBy === undefined || KEPT_KEY[groupBy] !== undefined)
}

/**
 * Tallies of a scope (see `keptCountsServe`) from the counts the triggers of migration 036 keep,
 * plus what depends on "now" counted over the unfinished cases alone: the same figures as the
 * live SQL in case-tally.ts, which answers every other filter.
 */
export function keptCaseCounts(db: Db) {
  const scope = (filter: CaseFilter) => {
    const { clauses, params } = filterClauses(filter)
    return { where: clauses.length ? clauses.join(' AND ') : '1', params }
  }

  /** The figures of "now", per group: acknowledgements and replies due and not given, cases late. */
  const late = (filter: CaseFilter, key: string, now: Date, extra = '1', extraParams: unknown[] = []) => {
    // An empty list of stations or districts matches nothing (and SQLite finds no plan through the index for "0").
    if (filter.stationIds?.length === 0 || filter.districtIds?.length === 0) return []
    const s = scope(filter)
    return db
      .prepare(
        `SELECT ${key} AS k,
          total(${LIVE} AND ${ACKED} IS NULL AND ack_due_at <= @now) AS ackLate,
          total(${LIVE} AND replied_at IS NULL AND reply_due_at <= @now) AS replyLate,
          total(${LIVE} AND status IN (${WAITING}) AND ${DUE} < @now) AS overdueOpen,
          total(status IN (${OPEN}) AND next_due_at < @now) AS overdueNext
        FROM cases INDEXED BY cases_unfinished WHERE ${UNFINISHED} AND ${s.where} AND ${extra} GROUP BY 1`,
      )
      .all(...s.params, ...extraParams, { now: now.toISOString() }) as LateRow[]
  }

  return {
    async tally(filter: CaseFilter, { now, groupBy, topics }: CaseTallyOptions): Promise<CaseTally[]> {
      const s = scope(filter)
      const key = groupBy ? KEPT_KEY[groupBy]! : 'NULL'
      const rows = db
        .prepare(`SELECT ${key} AS k, ${SUMS.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM case_counts WHERE ${s.where} GROUP BY 1 HAVING sum(total) > 0`)
        .all(...s.params) as KeptRow[]
      const tallies = new Map<string | null, CaseTally>()
      if (!groupBy) tallies.set(null, emptyTally(null))
      for (const r of rows) {
        if (groupBy && r.k === null) continue
        const t = tallies.get(r.k) ?? tallies.set(r.k, emptyTally(r.k)).get(r.k)!
        t.total = r.total
        for (const status of CASE_STATUSES) if (r[`n_${status}`]) t.byStatus[status] = r[`n_${status}`]
        for (const n of RATINGS) if (r[`rated_${n}`]) t.byRating[n] = r[`rated_${n}`]
        t.forwarded = r.forwarded
        t.ackDue = r.ack_done
        t.ackOk = r.ack_in_time
        t.replyDue = r.reply_done
        t.replyOk = r.reply_in_time
        t.rated = r.rated
        t.firstRatingSum = r.first_rating_sum
        t.lastRatingSum = r.last_rating_sum
        t.reopened = r.reopened_rated
      }
      if (topics) {
        const byTopic = db
          .prepare(`SELECT ${key} AS k, topic, sum(total) AS n FROM case_topic_counts WHERE ${s.where} GROUP BY 1, 2 HAVING sum(total) > 0`)
          .all(...s.params) as Array<{ k: string | null; topic: string; n: number }>
        for (const r of byTopic) {
          const t = tallies.get(r.k)
          if (t) t.byTopic[r.topic] = r.n
        }
      }
      for (const r of late(filter, groupBy ? CASE_KEY[groupBy as keyof typeof CASE_KEY] : 'NULL', now)) {
        const t = tallies.get(r.k)
        if (!t) continue
        t.ackDue += r.ackLate
        t.replyDue += r.replyLate
        t.overdueOpen = r.overdueOpen
        t.overdueNext = r.overdueNext
      }
      return [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    },

    async busiestDeputies(filter: CaseFilter, { now, top }: { now: Date; top: number }): Promise<BarCounts[]> {
      const s = scope(filter)
      // Only the busiest are wanted: their kept counts, then the figures of "now" for those alone.
      const bars = db
        .prepare(
          `WITH d AS MATERIALIZED (
            SELECT deputy_id AS "key", sum(total) AS total, sum(open) AS open, sum(reply_done) AS replyDue, sum(reply_in_time) AS replyOk
            FROM case_deputy_counts WHERE ${s.where} GROUP BY deputy_id HAVING sum(total) > 0)
          SELECT "key", total, open, 0 AS overdueOpen, replyDue, replyOk FROM d
          WHERE total >= (SELECT coalesce(min(total), 0) FROM (SELECT total FROM d ORDER BY total DESC LIMIT @top))`,
        )
        .all(...s.params, { top }) as BarCounts[]
      if (!bars.length) return []
      const byKey = new Map(bars.map((b) => [b.key, b]))
      for (const r of late(filter, CASE_KEY.deputy, now, 'deputy_id IN (SELECT value FROM json_each(?))', [JSON.stringify([...byKey.keys()])])) {
        const b = byKey.get(r.k!)
        if (!b) continue
        b.replyDue += r.replyLate
        b.overdueOpen = r.overdueOpen
      }
      return bars.sort((a, b) => a.key.localeCompare(b.key))
    },
  }
}
