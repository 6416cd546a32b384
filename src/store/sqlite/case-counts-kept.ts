import { CASE_STATUSES } from '../../domain/case.js'
import { emptyTally, type BarCounts, type CaseTally, type CaseTallyKey, type CaseTallyOptions } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { keptBusiest } from './case-busiest-kept.js'
import { ACK_LATE, OPEN_LATE, REPLY_LATE, WAITING_LATE, type KeptDeadlines } from './case-deadlines-kept.js'
import type { Db } from './open.js'

type KeptKey = 'station' | 'district' | 'handlingDistrict'
/**
 * The groupings the kept counts hold, from a station, place's district and handling district
 * ('' or null is none): each unfinished case's figures of "now" fold into its group here.
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

/** Whether the kept counts answer this tally: the caller's scope alone (none, stations, districts) and a grouping they keep. */
export function keptCountsServe(filter: CaseFilter, groupBy?: CaseTallyKey): boolean {
  const scopeOnly = Object.entries(filter).every(([name, value]) => value === undefined || name === 'stationIds' || name === 'districtIds')
  return scopeOnly && (groupBy === undefined || groupBy in GROUP_OF)
}

/**
 * Tallies of a scope (see `keptCountsServe`) from the counts the triggers of migration 036 keep,
 * plus what depends on "now" counted over the unfinished cases alone (kept in memory, `deadlines`):
 * the same figures as the live SQL in case-tally.ts, which answers every other filter.
 */
export function keptCaseCounts(db: Db, deadlines: KeptDeadlines) {
  const busiest = keptBusiest(db)
  const scope = (filter: CaseFilter) => {
    const { clauses, params } = filterClauses(filter)
    return { where: clauses.length ? clauses.join(' AND ') : '1', params }
  }

  return {
    async tally(filter: CaseFilter, { now, groupBy, topics, overall }: CaseTallyOptions): Promise<CaseTally[]> {
      const s = scope(filter)
      const groupOf = groupBy ? GROUP_OF[groupBy as KeptKey] : () => null
      // The overall figures too, when asked with the groups: every row of the scope's sums added up, the rows of no group included.
      const allSums = overall && groupBy ? new Array<number>(SUMS.length + 1).fill(0) : undefined
      // One row per group, read by fixed positions: an admin's 3,000 groups built without per-row arrays or names.
      const sumsOf = new Map<string | null, number[]>()
      if (!groupBy) {
        const row = db
          .prepare(`SELECT NULL, ${SUMS.map((c) => `coalesce(sum(${c}), 0)`).join(', ')} FROM case_counts WHERE ${s.where}`)
          .raw()
          .get(...s.params) as number[]
        sumsOf.set(null, row)
      } else {
        // A few thousand rows at most (an admin's), each added to its group here: SQL's sum per group of 3,000 stations cost
        // three times the reading of the rows (per group and column), grouped here as the figures of "now" below are.
        // As one JSON array: JSON.parse makes an admin's 80,000 numbers ~2.5x faster than the driver hands them over one by one.
        const rows = JSON.parse(
          db
            .prepare(`SELECT json_group_array(json_array(station_id, district_id, handling_district_id, ${SUMS.join(', ')})) FROM case_counts WHERE ${s.where}`)
            .pluck()
            .get(...s.params) as string,
        ) as Array<[string, string, string, ...number[]]>
        for (const row of rows) {
          if (allSums) for (let col = 1; col <= SUMS.length; col++) allSums[col] += row[col + 2] as number
          const key = groupOf(row[0] || null, row[1] || null, row[2] || null)
          // Cases with no group are in no group.
          if (!key) continue
          const sums = sumsOf.get(key) ?? sumsOf.set(key, new Array<number>(SUMS.length + 1).fill(0)).get(key)!
          for (let col = 1; col <= SUMS.length; col++) sums[col] += row[col + 2] as number
        }
      }
      const tallies = new Map<string | null, CaseTally>()
      for (const [key, sums] of sumsOf) {
        // A group whose cases all moved away or went is no group.
        if (groupBy && sums[COL.total] <= 0) continue
        tallies.set(key, tallyOf(key, sums))
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
      // The figures of "now" over the unfinished cases alone, kept in memory (see case-deadlines-kept.ts), per place, then per group.
      const { places, inScope, late } = deadlines.latePerPlace(filter, now.toISOString())
      for (let place = 0; place < places.length; place++) {
        const at4 = place * 4
        if (!inScope[place] || !(late[at4 + ACK_LATE] || late[at4 + REPLY_LATE] || late[at4 + WAITING_LATE] || late[at4 + OPEN_LATE])) continue
        const { station, district, handling } = places[place]
        for (const t of [whole, tallies.get(groupOf(station, district, handling))]) {
          if (!t) continue
          t.ackDue += late[at4 + ACK_LATE]
          t.replyDue += late[at4 + REPLY_LATE]
          t.overdueOpen += late[at4 + WAITING_LATE]
          t.overdueNext += late[at4 + OPEN_LATE]
        }
      }
      const groups = [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
      return whole ? [whole, ...groups] : groups
    },

    async busiestDeputies(filter: CaseFilter, { now, top }: { now: Date; top: number }): Promise<BarCounts[]> {
      // Only the busiest are wanted (at least `top`, and any tied with the last of them): their kept counts, kept between looks.
      const bars = busiest(filter, top)
      if (!bars.length) return []
      // The figures of "now" of the busiest alone.
      deadlines.addLateOfDeputies(filter, now.toISOString(), new Map(bars.map((b) => [b.key, b])))
      return bars.sort((a, b) => a.key.localeCompare(b.key))
    },
  }
}
