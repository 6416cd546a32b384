import type { MiddleValues } from '../../domain/case-stats.js'
import type { CaseMiddleTimes, CaseTallyKey } from '../case-tally.js'
import type { CaseFilter } from '../ports.js'
import { filterClauses } from './case-filter-sql.js'
import { msBetween } from './case-sql.js'
import { caseTimeHistograms } from './case-time-histograms.js'
import type { Db } from './open.js'

type Kind = 'ack' | 'reply'
type Place = 'station' | 'district'

/**
 * The indexed times of migration 037. The expressions and conditions are those of its indexes,
 * character for character: SQLite reads an index on an expression only for the very same text.
 */
const TIMES: Record<Kind, { ms: string; where: string; index: Record<Place | 'all', string> }> = {
  ack: {
    ms: msBetween('coalesce(acknowledged_at, replied_at)', 'created_at'),
    where: "status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND coalesce(acknowledged_at, replied_at) IS NOT NULL",
    index: { all: 'cases_ack_ms', station: 'cases_station_ack_ms', district: 'cases_district_ack_ms' },
  },
  reply: {
    ms: msBetween('replied_at', 'created_at'),
    where: "status NOT IN ('withdrawn', 'rejected') AND merged_into IS NULL AND replied_at IS NOT NULL",
    index: { all: 'cases_reply_ms', station: 'cases_station_reply_ms', district: 'cases_district_reply_ms' },
  },
}
// Cases handed over to another district for handling (migration 037's cases_handed_in, the same text).
const HANDED_IN = 'handling_district_id IS NOT NULL AND handling_district_id IS NOT district_id'
// Beyond this many handed-in cases, a district's middle is left to the general path.
const HANDED_IN_READ_OUT = 5000
const COLUMN: Record<Place, 'station_id' | 'district_id'> = { station: 'station_id', district: 'district_id' }

/** One row of case_time_counts: how many indexed times one kind has for one station, district and handling district ('' for none). */
interface CountRow {
  kind: Kind
  station_id: string
  district_id: string
  handling_district_id: string
  n: number
}

/** Where a group's times are read: every case's index, or one station's or district's. */
interface At {
  place: Place | 'all'
  value: string | null
}

/**
 * The middle times read off the indexes of migration 037 for the shapes the console asks most
 * (every case, a district's, a station's; overall, per station or per district): a count from
 * case_time_counts, then per group one index seek past half its entries. Null for any other
 * filter or grouping, which the general path (window functions over the cases) answers.
 */
export function indexedMiddleTimes(db: Db) {
  /** The statement seeking the times at a place, narrowed by the filter's clauses when given. */
  const seekSql = (kind: Kind, place: Place | 'all', filter: CaseFilter | null, limit: 1 | 2, from: boolean) => {
    const t = TIMES[kind]
    const clauses = [t.where]
    if (place !== 'all') clauses.push(`${COLUMN[place]} = ?`)
    if (from) clauses.push(`${t.ms} >= ?`)
    const f = filter ? filterClauses(filter) : { clauses: [], params: [] }
    clauses.push(...f.clauses)
    // The limit is written in the SQL, never bound: SQLite plans with a bound LIMIT's value, so
    // each new binding recompiled the statement (~8x the cost of a seek; most of a province's 6,000).
    const sql = `SELECT ${t.ms} FROM cases INDEXED BY ${t.index[place]} WHERE ${clauses.join(' AND ')} ORDER BY ${t.ms} LIMIT ${limit} OFFSET ?`
    return { statement: db.prepare(sql).pluck(), params: f.params }
  }
  // Per station of a province: thousands of seeks, each statement found once, its SQL never rebuilt.
  const unfiltered = new Map<string, ReturnType<typeof seekSql>>()
  const histograms = caseTimeHistograms(db)
  // The middles found per place, with the version of the place's counts they were found at.
  const found = new Map<string, { version: number; n: number; middle: MiddleValues }>()
  // Every station's version, read at once when a read seeks in every station (an admin's, by station).
  let stationVersions: Record<Kind, Map<string, number>> | null = null
  /** The version of every case's times' counts or of one station's (migration 039); a district has none. */
  const versionAt = (kind: Kind, at: At) => {
    if (at.place === 'all') return histograms.of(kind, '')?.version ?? null
    if (at.place === 'station') return stationVersions ? (stationVersions[kind].get(at.value!) ?? null) : (histograms.of(kind, at.value!)?.version ?? null)
    return null
  }

  /** The two middle values of the n times at a place; the filter, when given, keeps only the cases in scope. */
  const seek = (kind: Kind, at: At, n: number, filter: CaseFilter | null): MiddleValues | null => {
    if (n <= 0) return null
    // An odd count has one middle value: one row, without building a list (a tenth of a province's seeks' time).
    const limit = n % 2 ? 1 : 2
    const rank = Math.floor((n - 1) / 2)
    // Unfiltered, from the lower edge of the bucket holding the middle: steps over that bucket's
    // values only, not half the place's. A place's middle found before stands while its version does.
    const version = filter ? null : versionAt(kind, at)
    const memoKey = `${kind} ${at.place} ${at.value}`
    const memo = version !== null ? found.get(memoKey) : undefined
    if (memo && memo.version === version && memo.n === n) return { ...memo.middle }
    // (Counts that disagree with n, or changed since the version was read, would be a fault: the whole way then.)
    const counted = version !== null ? histograms.of(kind, at.value ?? '') : null
    const start = (counted?.version === version && histograms.rankAt(counted, rank, n)) || { from: null, offset: rank }
    const from = start.from !== null
    const key = `${kind} ${at.place} ${limit} ${from}`
    const { statement, params } = filter
      ? seekSql(kind, at.place, filter, limit, false)
      : (unfiltered.get(key) ?? unfiltered.set(key, seekSql(kind, at.place, null, limit, from)).get(key)!)
    const place = at.place === 'all' ? [] : [at.value]
    const args = [...place, ...(from ? [start.from] : []), ...params, start.offset]
    const [lower, upper = lower] = limit === 1 ? [statement.get(...args) as number] : (statement.all(...args) as number[])
    if (version !== null) found.set(memoKey, { version, n, middle: { lower, upper } })
    return { lower, upper }
  }

  /**
   * The middle of a district's own cases (all of them, in its index) and the few handed over to it
   * from other districts (read out): of the district's sorted times A, the first s = ⌊(n−1)/2⌋ − m
   * all come before the middle whatever the m others are, so the middle is found among A[s…] and those m.
   */
  const withHandedIn = (kind: Kind, districtId: string, n: number, m: number): MiddleValues | null => {
    const t = TIMES[kind]
    const lower = Math.floor((n - 1) / 2)
    const upper = Math.floor(n / 2)
    const skipped = Math.max(0, lower - m)
    const own = db
      .prepare(`SELECT ${t.ms} FROM cases INDEXED BY ${t.index.district} WHERE ${t.where} AND district_id = ? ORDER BY ${t.ms} LIMIT ? OFFSET ?`)
      .pluck()
      .all(districtId, upper - skipped + 1, skipped) as number[]
    const handedIn = db
      .prepare(`SELECT ${t.ms} FROM cases INDEXED BY cases_handed_in WHERE handling_district_id = ? AND ${HANDED_IN} AND ${t.where}`)
      .pluck()
      .all(districtId) as number[]
    const merged = [...own, ...handedIn].sort((a, b) => a - b)
    return { lower: merged[lower - skipped], upper: merged[upper - skipped] }
  }

  const read = (filter: CaseFilter, groupBy?: CaseTallyKey): CaseMiddleTimes[] | null => {
    if (groupBy !== undefined && groupBy !== 'station' && groupBy !== 'district') return null
    const { stationIds, districtIds, ...rest } = filter
    if (Object.values(rest).some((v) => v !== undefined)) return null
    const scoped = stationIds !== undefined || districtIds !== undefined
    stationVersions = !scoped && groupBy === 'station' ? { ack: histograms.versionsOfStations('ack'), reply: histograms.versionsOfStations('reply') } : null
    // The counts table has the scope's columns under the cases' names: the same clauses select its rows.
    const scope = filterClauses({ stationIds, districtIds })
    // As one JSON array of objects: an admin's 6,000 rows are parsed ~1.7x faster than the driver makes them one by one.
    const rows = JSON.parse(
      db
        .prepare(
          `SELECT json_group_array(json_object('kind', kind, 'station_id', station_id, 'district_id', district_id, 'handling_district_id', handling_district_id, 'n', n))
          FROM case_time_counts WHERE n > 0${scope.clauses.map((c) => ` AND ${c}`).join('')}`,
        )
        .pluck()
        .get(...scope.params) as string,
    ) as CountRow[]

    // Every count of the stations and districts the scope touches, in scope or not: a place whose
    // cases are all in scope is read without the filter (the seek then never leaves the index).
    const totals = new Map<string, number>()
    if (scoped && rows.length) {
      const ids = (place: Place) => JSON.stringify([...new Set(rows.map((r) => r[COLUMN[place]]))])
      const all = db
        .prepare(
          'SELECT kind, station_id, district_id, n FROM case_time_counts WHERE station_id IN (SELECT value FROM json_each(?)) OR district_id IN (SELECT value FROM json_each(?))',
        )
        .all(ids('station'), ids('district')) as CountRow[]
      for (const r of all)
        for (const place of ['station', 'district'] as const) {
          const k = `${r.kind} ${place} ${r[COLUMN[place]]}`
          totals.set(k, (totals.get(k) ?? 0) + r.n)
        }
    }

    /** A group's middle: at its own place (a station's, a district's, every case's), or at the one place holding all its cases. */
    const middle = (kind: Kind, group: CountRow[], own: At): MiddleValues | null | undefined => {
      const n = group.reduce((sum, r) => sum + r.n, 0)
      if (!scoped || n === 0) return seek(kind, own, n, null)
      const single = (['station', 'district'] as const).flatMap((place) => {
        const values = new Set(group.map((r) => r[COLUMN[place]]))
        const [value] = values
        return values.size === 1 && value !== '' ? [{ place, value }] : []
      })
      const whole = single.find((at) => totals.get(`${kind} ${at.place} ${at.value}`) === n)
      if (whole) return seek(kind, whole, n, null)
      if (own.place !== 'all') return seek(kind, own, n, filter)
      if (single.length) return seek(kind, single[0], n, filter)
      // A district's organizer, with cases of other districts handed over to theirs for handling.
      if (districtIds?.length === 1 && stationIds === undefined) {
        const handedIn = group.filter((r) => r.district_id !== districtIds[0]).reduce((sum, r) => sum + r.n, 0)
        if (handedIn <= HANDED_IN_READ_OUT) return withHandedIn(kind, districtIds[0], n, handedIn)
      }
      return undefined
    }

    const byKind = (kind: Kind) => rows.filter((r) => r.kind === kind)
    if (groupBy) {
      const column = COLUMN[groupBy]
      const groups = new Map<string, { ack: CountRow[]; reply: CountRow[] }>()
      for (const r of rows) {
        if (r[column] === '') continue
        const g = groups.get(r[column]) ?? groups.set(r[column], { ack: [], reply: [] }).get(r[column])!
        g[r.kind].push(r)
      }
      return [...groups.keys()]
        .sort((a, b) => a.localeCompare(b))
        .map((key) => {
          const own = { place: groupBy, value: key }
          return { key, ack: middle('ack', groups.get(key)!.ack, own)!, reply: middle('reply', groups.get(key)!.reply, own)! }
        })
    }
    const everyCase = { place: 'all' as const, value: null }
    const ack = middle('ack', byKind('ack'), everyCase)
    const reply = middle('reply', byKind('reply'), everyCase)
    return ack === undefined || reply === undefined ? null : [{ key: null, ack, reply }]
  }

  // One read transaction: the counts and the indexes seen at the same instant (and one read lock
  // taken for the thousands of seeks of a province's stations, not one per seek).
  return db.transaction(read)
}
