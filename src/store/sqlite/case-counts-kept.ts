import { CASE_STATUSES } from '../../domain/case.js'
import { emptyTally, type BarCounts, type CaseTally, type CaseTallyKey, type CaseTallyOptions } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { ACKED, OPEN, WAITING } from './case-sql.js'
import type { Db } from './open.js'

/**
 * The cases whose figures depend on the time of asking, and the deadline each figure counts them
 * against (null when it does not count them), exactly as the partial index cases_unfinished
 * (migration 036) spells them: SQLite reads the index only for this very condition, and the
 * deadlines from it only for these very expressions. By caseStats' definitions (a live case is
 * neither withdrawn, rejected nor merged), as in case-tally.ts's live SQL.
 */
const UNFINISHED = `(next_due_at IS NOT NULL OR status IN (${WAITING}) OR (replied_at IS NULL AND status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL))`
const DEADLINES = {
  /** An acknowledgement due and not given. */
  ack: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND ${ACKED} IS NULL THEN ack_due_at END)`,
  /** A reply due and not given. */
  reply: `(CASE WHEN status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NULL THEN reply_due_at END)`,
  /** Waiting past the deadline that matters: the reply's once acknowledged. */
  waiting: `(CASE WHEN status IN (${WAITING}) AND merged_into IS NULL THEN CASE WHEN ${ACKED} IS NOT NULL THEN reply_due_at ELSE ack_due_at END END)`,
  /** Open past its next deadline (the inbox's overdue). */
  open: `(CASE WHEN status IN (${OPEN}) THEN next_due_at END)`,
}

type KeptKey = 'station' | 'district' | 'handlingDistrict'
/**
 * The groupings the kept counts hold, from a station, place's district and handling district
 * ('' or null is none): the unfinished cases' figures, read per those three in their index's
 * order, fold into a group here instead of being sorted by it in SQL.
 */
const GROUP_OF: Record<KeptKey, (station: string | null, district: string | null, handling: string | null) => string | null> = {
  station: (station) => station || null,
  district: (_station, district) => district || null,
  handlingDistrict: (_station, district, handling) => handling || district || null,
}
/** The same groupings on the kept tables' columns ('' for none). */
const KEY_COLUMN: Record<KeptKey, string> = {
  station: 'station_id',
  district: 'district_id',
  handlingDistrict: "coalesce(nullif(handling_district_id, ''), district_id)",
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
const at = Object.fromEntries(SUMS.map((name, i) => [name, i]))
type Place = [station: string | null, district: string | null, handling: string | null]
/** Per group: acknowledgements and replies due and not given, cases late now. */
type LateRow = [...Place, ackLate: number, replyLate: number, overdueOpen: number, overdueNext: number]

/** Whether the kept counts answer this tally: the caller's scope alone (none, stations, districts) and a grouping they keep. */
export function keptCountsServe(filter: CaseFilter, groupBy?: CaseTallyKey): boolean {
  const scopeOnly = Object.entries(filter).every(([name, value]) => value === undefined || name === 'stationIds' || name === 'districtIds')
  return scopeOnly && (groupBy === undefined || groupBy in GROUP_OF)
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

  /**
   * The figures of "now" over the unfinished cases alone: overall (one row), per station, district
   * and handling district (`group`), or per other columns.
   */
  const late = (filter: CaseFilter, now: Date, group?: string, extra = '1', extraParams: unknown[] = []) => {
    // An empty list of stations or districts matches nothing (and SQLite finds no plan through the index for "0").
    if (filter.stationIds?.length === 0 || filter.districtIds?.length === 0) return []
    const s = scope(filter)
    return db
      .prepare(
        `SELECT ${group ?? 'NULL, NULL, NULL'},
          total(${DEADLINES.ack} <= @now) AS ackLate,
          total(${DEADLINES.reply} <= @now) AS replyLate,
          total(${DEADLINES.waiting} < @now) AS overdueOpen,
          total(${DEADLINES.open} < @now) AS overdueNext
        FROM cases INDEXED BY cases_unfinished WHERE ${UNFINISHED} AND ${s.where} AND ${extra} ${group ? `GROUP BY ${group}` : ''}`,
      )
      .raw()
      .all(...s.params, ...extraParams, { now: now.toISOString() })
  }

  return {
    async tally(filter: CaseFilter, { now, groupBy, topics }: CaseTallyOptions): Promise<CaseTally[]> {
      const s = scope(filter)
      const groupOf = groupBy ? GROUP_OF[groupBy as KeptKey] : () => null
      // A few thousand rows at most (an admin's), grouped in SQL: by station in the table's own order.
      const rows = db
        .prepare(
          `SELECT ${groupBy ? KEY_COLUMN[groupBy as KeptKey] : 'NULL'}, ${SUMS.map((c) => `coalesce(sum(${c}), 0)`).join(', ')}
          FROM case_counts WHERE ${s.where} ${groupBy ? 'GROUP BY 1' : ''}`,
        )
        .raw()
        .all(...s.params) as Array<[string | null, ...number[]]>
      const sums = new Map<string | null, number[]>()
      for (const [k, ...sum] of rows) if (!groupBy || k) sums.set(k || null, sum)
      const tallies = new Map<string | null, CaseTally>()
      for (const [key, sum] of sums) {
        // A group whose cases all moved away or went is no group.
        if (groupBy && sum[at.total] <= 0) continue
        const t = emptyTally(key)
        t.total = sum[at.total]
        for (const status of CASE_STATUSES) if (sum[at[`n_${status}`]]) t.byStatus[status] = sum[at[`n_${status}`]]
        for (const n of RATINGS) if (sum[at[`rated_${n}`]]) t.byRating[n] = sum[at[`rated_${n}`]]
        t.forwarded = sum[at.forwarded]
        t.ackDue = sum[at.ack_done]
        t.ackOk = sum[at.ack_in_time]
        t.replyDue = sum[at.reply_done]
        t.replyOk = sum[at.reply_in_time]
        t.rated = sum[at.rated]
        t.firstRatingSum = sum[at.first_rating_sum]
        t.lastRatingSum = sum[at.last_rating_sum]
        t.reopened = sum[at.reopened_rated]
        tallies.set(key, t)
      }
      if (topics) {
        // One JSON object of counts per group: cheaper than handing out a row per group and topic (an admin's ~40,000).
        const key = groupBy ? KEY_COLUMN[groupBy as KeptKey] : 'NULL'
        const byTopic = db
          .prepare(
            `SELECT k, json_group_object(topic, n) FROM (
              SELECT ${key} AS k, topic, sum(total) AS n FROM case_topic_counts WHERE ${s.where} GROUP BY topic, 1 HAVING sum(total) > 0)
            GROUP BY k`,
          )
          .raw()
          .all(...s.params) as Array<[string | null, string]>
        for (const [k, counts] of byTopic) {
          const t = tallies.get(k || null)
          if (t) t.byTopic = JSON.parse(counts) as Record<string, number>
        }
      }
      // Per station, district and handling district in the index's own order (no sorting), folded here into the groups.
      const lateRows = late(filter, now, groupBy ? 'station_id, district_id, handling_district_id' : undefined) as LateRow[]
      for (const [station, district, handling, ackLate, replyLate, overdueOpen, overdueNext] of lateRows) {
        const t = tallies.get(groupOf(station, district, handling))
        if (!t) continue
        t.ackDue += ackLate
        t.replyDue += replyLate
        t.overdueOpen += overdueOpen
        t.overdueNext += overdueNext
      }
      return [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    },

    async busiestDeputies(filter: CaseFilter, { now, top }: { now: Date; top: number }): Promise<BarCounts[]> {
      const s = scope(filter)
      // Only the busiest are wanted: the least total among them, then their kept counts, then the figures of "now" for those alone.
      const least = db
        .prepare(`SELECT sum(total) AS n FROM case_deputy_counts WHERE ${s.where} GROUP BY deputy_id ORDER BY n DESC LIMIT 1 OFFSET ?`)
        .pluck()
        .get(...s.params, Math.max(top - 1, 0)) as number | undefined
      const bars = db
        .prepare(
          `SELECT deputy_id AS "key", sum(total) AS total, sum(open) AS open, 0 AS overdueOpen, sum(reply_done) AS replyDue, sum(reply_in_time) AS replyOk
          FROM case_deputy_counts WHERE ${s.where} GROUP BY deputy_id HAVING sum(total) >= ?`,
        )
        .all(...s.params, Math.max(least ?? 1, 1)) as BarCounts[]
      if (!bars.length) return []
      const byKey = new Map(bars.map((b) => [b.key, b]))
      const busiest = late(filter, now, 'deputy_id', 'deputy_id IN (SELECT value FROM json_each(?))', [JSON.stringify([...byKey.keys()])])
      for (const [deputyId, , replyLate, overdueOpen] of busiest as Array<[string, number, number, number]>) {
        const b = byKey.get(deputyId)
        if (!b) continue
        b.replyDue += replyLate
        b.overdueOpen = overdueOpen
      }
      return bars.sort((a, b) => a.key.localeCompare(b.key))
    },
  }
}
