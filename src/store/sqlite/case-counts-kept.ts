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
/** Where each figure sits in a row of the sums (the group's key first, at 0): looked up once, not per row. */
const COL = Object.fromEntries(SUMS.map((name, i) => [name, i + 1]))
const STATUS_COLS = CASE_STATUSES.map((status) => [status, COL[`n_${status}`]] as const)
const RATING_COLS = RATINGS.map((n) => [n, COL[`rated_${n}`]] as const)
/** A tally from a row of the sums (its figures at their positions in `COL`), before the figures of "now". */
function tallyOf(key: string | null, sum: number[]): CaseTally {
  const t = emptyTally(key)
  t.total = sum[COL.total]
  for (const [status, col] of STATUS_COLS) if (sum[col]) t.byStatus[status] = sum[col]
  for (const [n, col] of RATING_COLS) if (sum[col]) t.byRating[n] = sum[col]
  t.forwarded = sum[COL.forwarded]
  t.ackDue = sum[COL.ack_done]
  t.ackOk = sum[COL.ack_in_time]
  t.replyDue = sum[COL.reply_done]
  t.replyOk = sum[COL.reply_in_time]
  t.rated = sum[COL.rated]
  t.firstRatingSum = sum[COL.first_rating_sum]
  t.lastRatingSum = sum[COL.last_rating_sum]
  t.reopened = sum[COL.reopened_rated]
  return t
}

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
    async tally(filter: CaseFilter, { now, groupBy, topics, overall }: CaseTallyOptions): Promise<CaseTally[]> {
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
      // One row per group (grouped in SQL), read by fixed positions: an admin's 3,000 groups built without per-row arrays or names.
      const tallies = new Map<string | null, CaseTally>()
      // The overall figures too, when asked with the groups: every row of the scope's sums added up, the rows of no group included.
      const allSums = overall && groupBy ? new Array<number>(SUMS.length + 1).fill(0) : undefined
      for (const row of rows) {
        if (allSums) for (let col = 1; col < row.length; col++) allSums[col] += row[col] as number
        const key = row[0] || null
        // Cases with no group are in no group; a group whose cases all moved away or went is no group.
        if (groupBy && (!key || (row[COL.total] as number) <= 0)) continue
        tallies.set(key, tallyOf(key, row as number[]))
      }
      const whole = allSums && tallyOf(null, allSums)
      if (topics) {
        // Per topic, in the table's key order (topic first: no sorting), its rows' groups and counts as
        // two JSON arrays, added up per group here. An admin's: 15 rows instead of 45,000, and none of
        // the sort that grouping by group in SQL took (the cost of the whole figure before).
        const key = groupBy ? KEY_COLUMN[groupBy as KeptKey] : 'NULL'
        const byTopic = db
          .prepare(`SELECT topic, json_group_array(${key}), json_group_array(total) FROM case_topic_counts WHERE ${s.where} GROUP BY topic`)
          .raw()
          .all(...s.params) as Array<[string, string, string]>
        for (const [topic, keysJson, totalsJson] of byTopic) {
          const keys = JSON.parse(keysJson) as Array<string | null>
          const totals = JSON.parse(totalsJson) as number[]
          for (let i = 0; i < keys.length; i++) {
            const t = tallies.get(keys[i] || null)
            if (t) t.byTopic[topic] = (t.byTopic[topic] ?? 0) + totals[i]
          }
          if (whole) for (const total of totals) whole.byTopic[topic] = (whole.byTopic[topic] ?? 0) + total
        }
        // A topic counts in a group only with cases in it (its rows stay, at 0, when they moved away or went).
        for (const t of whole ? [whole, ...tallies.values()] : tallies.values())
          for (const topic in t.byTopic) if (!(t.byTopic[topic] > 0)) delete t.byTopic[topic]
      }
      // Per station, district and handling district in the index's own order (no sorting), folded here into the groups.
      const lateRows = late(filter, now, groupBy ? 'station_id, district_id, handling_district_id' : undefined) as LateRow[]
      for (const [station, district, handling, ackLate, replyLate, overdueOpen, overdueNext] of lateRows) {
        if (whole) {
          whole.ackDue += ackLate
          whole.replyDue += replyLate
          whole.overdueOpen += overdueOpen
          whole.overdueNext += overdueNext
        }
        const t = tallies.get(groupOf(station, district, handling))
        if (!t) continue
        t.ackDue += ackLate
        t.replyDue += replyLate
        t.overdueOpen += overdueOpen
        t.overdueNext += overdueNext
      }
      const groups = [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
      return whole ? [whole, ...groups] : groups
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
