import { CASE_STATUSES } from '../../domain/case.js'
import { emptyTally, type CaseTally, type CaseTallyKey, type CaseTallyOptions } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { keptPlaceCounts } from './case-place-counts-kept.js'
import { ACK_LATE, NOT_ACKED_IN_TIME, REPLY_LATE, WAITING_LATE, type KeptDeadlines } from './case-deadlines-kept.js'
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

/** The filters that name a caller's scope: the kept counts have their columns. */
const SCOPE_FILTERS: ReadonlySet<string> = new Set<keyof CaseFilter>(['stationIds', 'districtIds', 'districtsOrStations'])

/** Whether the kept counts answer this tally: the caller's scope alone (none, stations, districts, both) and a grouping they keep. */
export function keptCountsServe(filter: CaseFilter, groupBy?: CaseTallyKey): boolean {
  const scopeOnly = Object.entries(filter).every(([name, value]) => value === undefined || SCOPE_FILTERS.has(name))
  return scopeOnly && (groupBy === undefined || groupBy in GROUP_OF)
}

/**
 * Tallies of a scope (see `keptCountsServe`) from the counts the triggers of migration 036 keep,
 * plus what depends on "now" counted over the unfinished cases alone (kept in memory, `deadlines`):
 * the same figures as the live SQL in case-tally.ts, which answers every other filter.
 */
export function keptCaseCounts(db: Db, deadlines: KeptDeadlines) {
  const placeCounts = keptPlaceCounts(db, SUMS)
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
      }
      // By station or district: every place's counts of the scope, kept between looks (read again only where a change
      // touched), each added to its group here. An admin's 3,000 places: SQL's sum per group cost three times the reading.
      const kept = groupBy ? placeCounts(filter) : null
      if (kept) {
        for (const row of kept.rows.values()) {
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
        // Added up in a Map per tally, then written into its byTopic once: an admin's ~45,000 rows of places' topics,
        // added twice each to objects keyed by a topic's words, were most of the tally's time at a first look after a change.
        const byTopicOf = new Map<CaseTally, Map<string, number>>()
        const add = (t: CaseTally | null | undefined, topic: string, total: number) => {
          if (!t) return
          const sums = byTopicOf.get(t) ?? byTopicOf.set(t, new Map()).get(t)!
          sums.set(topic, (sums.get(topic) ?? 0) + total)
        }
        if (kept) {
          // Each place's messages per topic, kept with its counts, added to its group.
          for (const [key, byTopic] of kept.topics) {
            const row = kept.rows.get(key)
            const group = row ? tallies.get(groupOf(row[0] || null, row[1] || null, row[2] || null)) : undefined
            for (const [topic, total] of byTopic) {
              add(group, topic, total)
              add(whole, topic, total)
            }
          }
        } else {
          const byTopic = db
            .prepare(`SELECT topic, sum(total) FROM case_topic_counts WHERE ${s.where} GROUP BY topic`)
            .raw()
            .all(...s.params) as Array<[string, number]>
          for (const [topic, total] of byTopic) add(tallies.get(null), topic, total)
        }
        // A topic counts in a group only with cases in it (its rows stay, at 0, when they moved away or went).
        for (const [t, sums] of byTopicOf) for (const [topic, total] of sums) if (total > 0) t.byTopic[topic] = total
      }
      // The figures of "now" over the unfinished cases alone, kept in memory (see case-deadlines-kept.ts), per place, then per group.
      const { places, inScope, late } = deadlines.latePerPlace(filter, now.toISOString())
      for (let place = 0; place < places.length; place++) {
        const at4 = place * 4
        if (!inScope[place] || !(late[at4 + ACK_LATE] || late[at4 + REPLY_LATE] || late[at4 + WAITING_LATE] || late[at4 + NOT_ACKED_IN_TIME])) continue
        const { station, district, handling } = places[place]
        for (const t of [whole, tallies.get(groupOf(station, district, handling))]) {
          if (!t) continue
          t.ackDue += late[at4 + ACK_LATE]
          t.replyDue += late[at4 + REPLY_LATE]
          t.overdueOpen += late[at4 + WAITING_LATE]
          t.ackLate += late[at4 + NOT_ACKED_IN_TIME]
        }
      }
      const groups = [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
      return whole ? [whole, ...groups] : groups
    },
  }
}
