import type { CaseStatus } from '../../domain/case.js'
import { emptyTally, type BarCounts, type HotIssueCase, type CaseMiddleTimes, type CaseTally, type CaseTallyKey, type CaseTallyOptions } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { ACKED, msBetween, OPEN, WAITING } from './case-sql.js'
import { caseFromRow } from './case-rows.js'
import { keptCaseCounts, keptCountsServe } from './case-counts-kept.js'
import { indexedMiddleTimes } from './case-middle-times.js'
import { caseFiguresMark } from './case-figures-mark.js'
import { keptDeadlines } from './case-deadlines-kept.js'
import { hotIssueWindows } from './hot-issue-window.js'
import { deputyRanking } from './case-deputy-ranking.js'
import { barOf } from '../../domain/case-dashboard.js'
import type { Db } from './open.js'

const KEY_SQL: Record<CaseTallyKey, string> = {
  station: 'station_id',
  district: 'district_id',
  handlingDistrict: 'coalesce(handling_district_id, district_id)',
  topic: 'topic',
  // A merged message counts for no deputy: it is counted once, as the message it joined (CaseRecord.mergedInto; migration 060).
  deputy: 'CASE WHEN merged_into IS NULL THEN deputy_id END',
  department: "json_extract(forwarded_to, '$.department')",
}

// caseStats' definitions, as SQL: a live case is neither withdrawn, rejected nor merged into another. Its rounds sent
// back for 重新办理 (sent_back_*, migration 078) count in 按时受理 and 按时答复 beside the round in progress.
const LIVE = "(status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL)"
const RATED = "(ratings <> '[]' OR rating IS NOT NULL)"
// A case rated before ratings were kept counts its current rating as first and latest.
const FIRST_RATING = "CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[0].rating') ELSE rating END"
const LAST_RATING = "CASE WHEN ratings <> '[]' THEN json_extract(ratings, '$[#-1].rating') ELSE rating END"
// 超期: `status IN (WAITING) AND reply_due_at < @now` below is waitingLate(c, now) of domain/case-stats.ts, and
// replyDue/replyOk are its replyInTime (the reply's deadline alone: a late acknowledgement is not a late reply);
// 未按时受理 (ackLate) is the next deadline passed and the reply's not: change them together.
const LATE = `status IN (${WAITING}) AND reply_due_at < @now`

interface CountRow {
  k: string | null
  status: CaseStatus
  topic?: string
  total: number
  forwarded: number
  ackDue: number
  ackOk: number
  replyDue: number
  replyOk: number
  rated: number
  firstSum: number | null
  lastSum: number | null
  reopened: number
  overdueOpen: number
  ackLate: number
  r1: number
  r2: number
  r3: number
  r4: number
  r5: number
}

/** Counting and medians in SQL (GROUP BY, window functions): the cases themselves never leave SQLite. */
export function caseTally(db: Db) {
  // The unfinished cases' deadlines, kept in memory for the figures of "now" and the figures mark alike.
  const deadlines = keptDeadlines(db)
  const kept = keptCaseCounts(db, deadlines)
  const where = (filter: CaseFilter, groupBy: CaseTallyKey | undefined, extra: string[] = []) => {
    // One deputy's cases (a page of the statistics by deputy: each deputy's whole figures) through the deputy's index,
    // the scope checked on them: left to itself SQLite read a station's every case (~10,000 at the busiest) per deputy.
    const { clauses, params } = filterClauses(filter, undefined, { scopeUnindexed: !!filter.deputyId })
    // Every case (an admin's figures): one pass over the table in its own order. Left to itself SQLite
    // walks the group's index to skip a sort, and looks each of a million rows up on its own.
    const table = clauses.length ? 'cases' : 'cases NOT INDEXED'
    if (groupBy) clauses.push(`${KEY_SQL[groupBy]} IS NOT NULL`)
    clauses.push(...extra)
    return { sql: `${table} ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''}`, params }
  }
  const keyOf = (groupBy: CaseTallyKey | undefined) => (groupBy ? KEY_SQL[groupBy] : 'NULL')

  // Both medians in one pass over the cases: the times are taken once, then ranked per group.
  const middles = (filter: CaseFilter, groupBy: CaseTallyKey | undefined) => {
    const w = where(filter, groupBy, [LIVE])
    const ranked = (column: string) =>
      `SELECT k, ${column} AS ms, row_number() OVER (PARTITION BY k ORDER BY ${column}) AS rn, count(*) OVER (PARTITION BY k) AS n FROM v WHERE ${column} IS NOT NULL`
    const rows = db
      .prepare(
        `WITH v AS MATERIALIZED (SELECT ${keyOf(groupBy)} AS k, ${msBetween(ACKED, 'created_at')} AS ack, ${msBetween('replied_at', 'created_at')} AS reply FROM ${w.sql}),
        a AS (${ranked('ack')}), r AS (${ranked('reply')})
        SELECT 'ack' AS kind, k, min(ms) AS lower, max(ms) AS upper FROM a WHERE rn IN ((n + 1) / 2, n / 2 + 1) GROUP BY k
        UNION ALL
        SELECT 'reply' AS kind, k, min(ms) AS lower, max(ms) AS upper FROM r WHERE rn IN ((n + 1) / 2, n / 2 + 1) GROUP BY k`,
      )
      .all(...w.params) as Array<{ kind: 'ack' | 'reply'; k: string | null; lower: number; upper: number }>
    const of = (kind: 'ack' | 'reply') => new Map(rows.filter((r) => r.kind === kind).map((r) => [r.k, { lower: r.lower, upper: r.upper }]))
    return { ack: of('ack'), reply: of('reply') }
  }

  const fromIndexes = indexedMiddleTimes(db)
  const hotWindows = hotIssueWindows(db)
  const figuresMark = caseFiguresMark(deadlines)
  const rankDeputies = deputyRanking(db, deadlines)

  const api = {
    async deputyBars(filter: CaseFilter, now: Date): Promise<BarCounts[]> {
      // Kept per deputy for a scope (migration 036); any other filter is counted from its cases.
      return rankDeputies(filter, now) ?? (await api.tally(filter, { now, groupBy: 'deputy' })).flatMap(barOf)
    },

    async tally(filter: CaseFilter, options: CaseTallyOptions): Promise<CaseTally[]> {
      // A scope's counts are kept by triggers (migration 036): read, not counted again from its cases.
      if (keptCountsServe(filter, options.groupBy)) return kept.tally(filter, options)
      if (options.overall && options.groupBy) {
        const each = { now: options.now, topics: options.topics }
        return [...(await api.tally(filter, each)), ...(await api.tally(filter, { ...each, groupBy: options.groupBy }))]
      }
      const { now, groupBy, topics } = options
      const w = where(filter, groupBy)
      const rows = db
        .prepare(
          `SELECT ${keyOf(groupBy)} AS k, status, count(*) AS total,
            total(forwarded_to IS NOT NULL) AS forwarded,
            total(${LIVE} AND (${ACKED} IS NOT NULL OR ack_due_at <= @now)) + total(CASE WHEN ${LIVE} THEN sent_back_rounds END) AS ackDue,
            total(${LIVE} AND ${ACKED} <= ack_due_at) + total(CASE WHEN ${LIVE} THEN sent_back_ack_in_time END) AS ackOk,
            total(${LIVE} AND (replied_at IS NOT NULL OR reply_due_at <= @now)) + total(CASE WHEN ${LIVE} THEN sent_back_rounds END) AS replyDue,
            total(${LIVE} AND replied_at <= reply_due_at) + total(CASE WHEN ${LIVE} THEN sent_back_reply_in_time END) AS replyOk,
            total(${LIVE} AND ${RATED}) AS rated,
            total(CASE WHEN ${LIVE} THEN ${FIRST_RATING} END) AS firstSum,
            total(CASE WHEN ${LIVE} THEN ${LAST_RATING} END) AS lastSum,
            total(${LIVE} AND ${RATED} AND reopen_count > 0) AS reopened,
            total(${LIVE} AND ${LATE}) AS overdueOpen,
            total(status IN (${OPEN}) AND next_due_at < @now AND reply_due_at >= @now) AS ackLate,
            total(rating = 1) AS r1, total(rating = 2) AS r2, total(rating = 3) AS r3, total(rating = 4) AS r4, total(rating = 5) AS r5
            ${topics ? ', topic' : ''}
          FROM ${w.sql} GROUP BY 1, 2${topics ? ', topic' : ''}`,
        )
        .all(...w.params, { now: now.toISOString() }) as CountRow[]
      const tallies = new Map<string | null, CaseTally>()
      const tallyOf = (k: string | null) => tallies.get(k) ?? tallies.set(k, emptyTally(k)).get(k)!
      if (!groupBy) tallyOf(null)
      for (const r of rows) {
        const t = tallyOf(r.k)
        t.total += r.total
        t.byStatus[r.status] = (t.byStatus[r.status] ?? 0) + r.total
        // By topic in the same pass: one more grouping column instead of a second read of the rows.
        if (r.topic !== undefined) t.byTopic[r.topic] = (t.byTopic[r.topic] ?? 0) + r.total
        t.forwarded += r.forwarded
        t.ackDue += r.ackDue
        t.ackOk += r.ackOk
        t.replyDue += r.replyDue
        t.replyOk += r.replyOk
        t.rated += r.rated
        t.firstRatingSum += r.firstSum ?? 0
        t.lastRatingSum += r.lastSum ?? 0
        t.reopened += r.reopened
        t.overdueOpen += r.overdueOpen
        t.ackLate += r.ackLate
        for (const n of [1, 2, 3, 4, 5] as const) if (r[`r${n}`]) t.byRating[n] = (t.byRating[n] ?? 0) + r[`r${n}`]
      }
      return [...tallies.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    },

    async mostOverdue(filter: CaseFilter, now: Date, limit: number) {
      const w = where(filter, undefined, [LIVE, LATE])
      return db
        .prepare(`SELECT * FROM ${w.sql} ORDER BY reply_due_at, id LIMIT ${Number(limit)}`)
        .all(...w.params, { now: now.toISOString() })
        .map(caseFromRow)
    },

    async listForHotIssues(filter: CaseFilter, now: Date): Promise<HotIssueCase[]> {
      // A window of dates (as hot issues always ask): kept in memory between requests, read again only where cases changed.
      const { createdFrom, createdTo } = filter
      // Not one place's (the 合并 dialog's issue of one message): a few dozen cases read straight off the community's
      // index, where keeping them would push a console list's window out of the few kept, one place after another.
      if (createdFrom && createdTo && !filter.hotIssuePlace) return hotWindows.list({ ...filter, createdFrom, createdTo }, now)
      // Merged messages too, as the kept windows read them (hot-issue-window.ts COUNTED).
      const w = where(filter, undefined, ["status <> 'rejected'"])
      // An admin's month is some 40,000 messages, all held at once. Overdue is worked out here, as the
      // tallies count it, so ten columns and one Date per message leave SQLite instead of fourteen and
      // five; and they leave as one JSON array, which JSON.parse turns into strings a third faster
      // than the driver hands over 400,000 values one by one.
      const json = db
        .prepare(
          `SELECT json_group_array(json_array(id, text, resident_id, community_id, district_id, station_id, topic, created_at, reopen_count,
            ${LATE}, merged_into) ORDER BY created_at, id) FROM ${w.sql}`,
        )
        .pluck()
        .get(...w.params, { now: now.toISOString() }) as string
      const rows = JSON.parse(json) as Array<
        [string, string, string, string | null, string | null, string | null, string, string, number, 0 | 1, string | null]
      >
      const out = new Array<HotIssueCase>(rows.length)
      for (let i = 0; i < rows.length; i++) {
        const [id, text, residentId, communityId, districtId, stationId, topic, createdAt, reopenCount, overdue, mergedInto] = rows[i]
        out[i] = {
          id,
          text,
          residentId,
          communityId,
          districtId,
          stationId,
          topic,
          createdAt: new Date(createdAt),
          reopenCount,
          overdue: overdue === 1,
          mergedInto,
        }
      }
      return out
    },

    async figuresMark(now: Date): Promise<string | null> {
      return figuresMark(now)
    },

    async middleTimes(filter: CaseFilter, groupBy?: CaseTallyKey): Promise<CaseMiddleTimes[]> {
      const indexed = fromIndexes(filter, groupBy)
      if (indexed) return indexed
      const { ack, reply } = middles(filter, groupBy)
      const keys = groupBy ? [...new Set([...ack.keys(), ...reply.keys()])] : [null]
      return keys.map((key) => ({ key, ack: ack.get(key) ?? null, reply: reply.get(key) ?? null })).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
    },
  }
  return api
}
