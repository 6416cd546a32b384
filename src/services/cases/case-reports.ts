import type { Clock } from '../../clock.js'
import { inTimeShare, statsFromCounts, type CaseCounts, type CaseStats } from '../../domain/case-stats.js'
import { emptyTally, type CaseMiddleTimes } from '../../store/case-tally.js'
import {
  barReader,
  RankedOrders,
  type RankedGroup,
  type StatsAnswer,
  type StatsGroup,
  type StatsGrouping,
  type StatsRest,
  type StatsSort,
} from '../../domain/stats-ranking.js'
import { OPEN_STATUSES } from '../../domain/case.js'
import { restOf } from '../../domain/rows-add-up.js'

export type { StatsAnswer, StatsGroup, StatsGrouping }
import type { CaseFilter, Store } from '../../store/ports.js'
import type { BarCounts } from '../../domain/case-dashboard.js'
import type { CaseFilters, CaseQueries } from './case-queries.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { KeptAnswers } from './kept-answers.js'
import { ForbiddenError } from '../../errors.js'

/** Which groups to answer: in the chosen order, `limit` of them from `offset`. */
export interface StatsPage {
  sort: StatsSort
  offset: number
  limit: number
}

export const STATS_PAGE_DEFAULT: StatsPage = { sort: 'total', offset: 0, limit: 20 }

// Answers kept between requests: at most this many (one per scope, filter and grouping, the last asked kept),
// and none whose whole figures are of more groups than this (an admin's 100,000 deputies' would be hundreds of MB):
// deputies are ranked by their few kept counts instead, and only the pages asked get their whole figures.
const KEPT_ANSWERS = 8
const KEPT_GROUPS = 5_000
// Pages of a ranking by counts whose whole figures were worked out, kept with it (the last asked kept).
const KEPT_PAGES = 32

/**
 * A group as ranked: its three measures from the store's counts, its whole figures worked out only once a page
 * shows it (an admin's 3,000 stations each got theirs at every first look after a change, for a page of 20).
 */
type Ranked = RankedGroup & { counts: CaseCounts; middle: GroupMiddle; stats?: CaseStats }
type GroupMiddle = Omit<CaseMiddleTimes, 'key'>

/**
 * A scope's groups ranked once and kept, with each order asked: every group by its counts and middle times, its whole
 * figures worked out when a page shows it (`whole`), or (deputies) every deputy's bar as the store keeps it, a page's
 * whole figures sought per deputy and kept with it.
 */
type Ranking =
  | { whole: true; overall: CaseStats; rest: StatsRest; groups: readonly Ranked[]; orders: RankedOrders<Ranked> }
  | {
      whole: false
      overall: CaseStats
      rest: StatsRest
      groups: readonly BarCounts[]
      orders: RankedOrders<BarCounts>
      name: (key: string) => string
      pages: Map<string, StatsGroup[]>
    }
type RankingByCounts = Extract<Ranking, { whole: false }>

/** A group's total, open and overdue counts, as the rows beside the figures show them. */
const countsOf = (s: CaseStats): StatsRest => ({
  total: s.total,
  open: OPEN_STATUSES.reduce((n, status) => n + s.byStatus[status], 0),
  overdueOpen: s.overdueOpen,
})
/** The same from the store's counts (a status it has none of is absent there), as statsFromCounts would give them. */
const countsOfTally = (c: CaseCounts): StatsRest => ({
  total: c.total,
  open: OPEN_STATUSES.reduce((n, status) => n + (c.byStatus[status] ?? 0), 0),
  overdueOpen: c.overdueOpen,
})

// A group's middle times when the store found none (its cases moved away while the page was read).
const NO_MIDDLE = { ack: null, reply: null }

/** Figures shared by every request that gets them kept: frozen, so that no reader changes them for the next. */
function frozen(s: CaseStats): CaseStats {
  return Object.freeze(Object.assign(s, { byStatus: Object.freeze(s.byStatus), byTopic: Object.freeze(s.byTopic) }))
}

const ranked = (key: string, name: string, counts: CaseCounts, middle: GroupMiddle): Ranked => ({
  key,
  name,
  total: counts.total,
  overdueOpen: counts.overdueOpen,
  // As statsFromCounts rounds it, so that the order is the one of the whole figures.
  repliedInTimeShare: inTimeShare(counts.replyOk, counts.replyDue),
  counts,
  middle,
})

/** A ranked group's whole figures: worked out the first time a page shows it, then kept with the ranking. */
const statsOf = (g: Ranked): CaseStats => (g.stats ??= frozen(statsFromCounts(g.counts, g.middle)))

/**
 * Statistics for organizers and responsiveness for 述职评议: per station, district,
 * deputy or department, over any period, within what the caller may see.
 */
export class CaseReports {
  constructor(
    private readonly store: Pick<Store, 'cases'>,
    private readonly queries: CaseQueries,
    private readonly directory: DirectoryCache,
    private readonly clock: Clock,
  ) {}

  private readonly kept = new KeptAnswers<Ranking>(KEPT_ANSWERS)

  /**
   * The figures of the cases the caller may see, a page of groups at a time in the order asked. The same question
   * asked again while no case was written, no deadline passed and the directory was not reloaded is answered from the
   * ranking kept from before (the store's `figuresMark`): an admin's by station is 3,000 groups, counted, sought and
   * sorted anew otherwise.
   */
  async stats(
    staff: StaffPrincipal,
    groupBy: StatsGrouping,
    filters: CaseFilters,
    page: StatsPage = STATS_PAGE_DEFAULT,
  ): Promise<StatsAnswer & { atOfficeName: string | null }> {
    // Another station's figures, narrowed to hers, would read as "none there": refused, as its deputies are.
    if (staff.role === 'station_staff' && filters.stationId && !staff.stationIds.includes(filters.stationId))
      throw new ForbiddenError('只能查看本站的留言统计', 'forbidden', [{ path: 'query.stationId', message: '不是您所在的联络站' }])
    const filter = await this.queries.scopedFilter(staff, filters)
    const now = this.clock.now()
    // The mark before the figures: a case written while they are read leaves them under an older mark (which never
    // comes again, a case change only moves it on), never under a newer one.
    const mark = await this.store.cases.figuresMark(now)
    const prepared = await this.directory.prepared()
    const question = `${groupBy} ${JSON.stringify(filter)}`
    let ranking = this.kept.get(question, mark, prepared)
    if (!ranking) {
      ranking = groupBy === 'deputy' ? await this.rankDeputies(filter, now, prepared) : await this.rankWhole(filter, groupBy, now, prepared)
      // A question about "overdue now" names its moment: never asked again, so not worth a place.
      if (!filter.overdueAt && (!ranking.whole || ranking.groups.length <= KEPT_GROUPS)) this.kept.keep(question, mark, prepared, ranking)
    }
    const count = ranking.groups.length
    const end = Math.min(page.offset + page.limit, count)
    const pageKey = `${page.sort} ${page.offset} ${page.limit}`
    return {
      overall: ranking.overall,
      groupBy,
      sort: page.sort,
      groupCount: count,
      groups: ranking.whole
        ? ranking.orders
            .upTo(page.sort, end)
            .slice(page.offset, end)
            .map((g) => ({ key: g.key, name: g.name, stats: statsOf(g) }))
        : await this.pageOf(ranking, ranking.orders.upTo(page.sort, end).slice(page.offset, end), pageKey, filter, now),
      nextOffset: end < count ? end : null,
      rest: ranking.rest,
      // Whose office holds the messages no station does (the line under 按联络站), short as the inbox names it; null
      // when she sees none.
      atOfficeName: await this.queries.officesSeenBy(staff),
    }
  }

  /** Every group's whole figures, counted and the middle times found in the store: the cases in scope (a province's million) never leave it. */
  private async rankWhole(filter: CaseFilter, groupBy: StatsGrouping, now: Date, prepared: PreparedDirectory): Promise<Ranking> {
    // The overall figures with the groups' in one call: the store counts both in one pass where it can.
    const [[overall, ...groups], [overallMiddle], middles] = await Promise.all([
      this.store.cases.tally(filter, { now, groupBy, topics: true, overall: true }),
      this.store.cases.middleTimes(filter),
      this.store.cases.middleTimes(filter, groupBy),
    ])
    const middleOf = new Map(middles.map((m) => [m.key, m]))
    const names = namer(groupBy, prepared)
    const ranks = groups.map((t) => ranked(t.key!, names(t.key!), t, middleOf.get(t.key) ?? NO_MIDDLE))
    const whole = frozen(statsFromCounts(overall, overallMiddle))
    const rest = restOf(
      countsOf(whole),
      groups.map((t) => countsOfTally(t)),
    )
    return { whole: true, overall: whole, rest, groups: ranks, orders: new RankedOrders(ranks) }
  }

  /**
   * Deputies ranked by the few counts the store keeps per deputy (an admin's are 100,000: their whole figures took
   * ~35 s of CPU and 55 MB of JSON); a page's whole figures are then sought per deputy, its cases through their index.
   */
  private async rankDeputies(filter: CaseFilter, now: Date, prepared: PreparedDirectory): Promise<RankingByCounts> {
    const [bars, [overall], [overallMiddle]] = await Promise.all([
      this.store.cases.deputyBars(filter, now),
      this.store.cases.tally(filter, { now, topics: true }),
      this.store.cases.middleTimes(filter),
    ])
    const name = namer('deputy', prepared)
    const whole = frozen(statsFromCounts(overall ?? emptyTally(null), overallMiddle ?? NO_MIDDLE))
    return {
      whole: false,
      overall: whole,
      // Every deputy's bar is here (the page's whole figures are sought later): what none of them holds, from their counts.
      rest: restOf(countsOf(whole), bars),
      groups: bars,
      orders: new RankedOrders(bars, barReader(name)),
      name,
      pages: new Map(),
    }
  }

  /** A page's deputies with their whole figures: those kept with the ranking, or sought per deputy and kept with it. */
  private async pageOf(ranking: RankingByCounts, bars: readonly BarCounts[], pageKey: string, filter: CaseFilter, now: Date): Promise<StatsGroup[]> {
    const kept = ranking.pages.get(pageKey)
    if (kept) return kept
    const page = await Promise.all(
      bars.map(async ({ key }) => {
        const one = { ...filter, deputyId: key }
        const [[counts], [middle]] = await Promise.all([
          this.store.cases.tally(one, { now, groupBy: 'deputy', topics: true }),
          this.store.cases.middleTimes(one, 'deputy'),
        ])
        return { key, name: ranking.name(key), stats: frozen(statsFromCounts(counts ?? emptyTally(key), middle ?? NO_MIDDLE)) }
      }),
    )
    // A Map iterates in insertion order, so the first key is the least recent.
    ranking.pages.set(pageKey, page)
    if (ranking.pages.size > KEPT_PAGES) ranking.pages.delete(ranking.pages.keys().next().value!)
    return page
  }
}

/** A group's name, from the directory's stations, districts or deputies (a topic or department is its own name). */
function namer(groupBy: StatsGrouping, prepared: PreparedDirectory): (key: string) => string {
  switch (groupBy) {
    case 'station':
      return (key) => prepared.stations.get(key)?.name ?? key
    case 'district':
      return (key) => prepared.regions.get(key)?.name ?? key
    case 'deputy':
      return (key) => prepared.deputies.get(key)?.name ?? key
    default:
      return (key) => key
  }
}
