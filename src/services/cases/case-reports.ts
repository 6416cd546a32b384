import type { Clock } from '../../clock.js'
import { statsFromCounts, type CaseStats } from '../../domain/case-stats.js'
import type { Store } from '../../store/ports.js'
import type { CaseFilters, CaseQueries } from './case-queries.js'
import type { DirectoryCache, PreparedDirectory } from '../directory/directory-cache.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { KeptAnswers } from './kept-answers.js'

export type StatsGrouping = 'station' | 'district' | 'topic' | 'deputy' | 'department'

/** The statistics of a scope: overall and per group, in key order. */
export interface StatsAnswer {
  overall: CaseStats
  groupBy: StatsGrouping
  groups: Array<{ key: string; name: string; stats: CaseStats }>
}

// Answers kept between requests: at most this many (one per scope, filter and grouping, the last asked kept),
// and none of more groups than this (an admin's 100,000 deputies would hold hundreds of MB for one answer).
const KEPT_ANSWERS = 8
const KEPT_GROUPS = 5_000

/** An answer shared by every request that gets it kept: frozen, so that no reader changes it for the next. */
function frozen(answer: StatsAnswer): StatsAnswer {
  const stats = (s: CaseStats) => Object.freeze(Object.assign(s, { byStatus: Object.freeze(s.byStatus), byTopic: Object.freeze(s.byTopic) }))
  stats(answer.overall)
  for (const g of answer.groups) Object.freeze(Object.assign(g, { stats: stats(g.stats) }))
  Object.freeze(answer.groups)
  return Object.freeze(answer)
}

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

  private readonly kept = new KeptAnswers<StatsAnswer>(KEPT_ANSWERS)

  /**
   * The figures of the cases the caller may see. The same question asked again while no case was written, no deadline
   * passed and the directory was not reloaded gets the answer kept from before (the store's `figuresMark`): an admin's
   * by station is 3,000 groups, counted, sought and written out anew otherwise.
   */
  async stats(staff: StaffPrincipal, groupBy: StatsGrouping, filters: CaseFilters): Promise<StatsAnswer> {
    const filter = await this.queries.scopedFilter(staff, filters)
    const now = this.clock.now()
    // The mark before the figures: a case written while they are read leaves them under an older mark (which never
    // comes again, a case change only moves it on), never under a newer one.
    const mark = await this.store.cases.figuresMark(now)
    const prepared = await this.directory.prepared()
    const question = `${groupBy} ${JSON.stringify(filter)}`
    const kept = this.kept.get(question, mark, prepared)
    if (kept) return kept
    // Counted and the middle times found in the store: the cases in scope (a province's million) never leave it.
    // The overall figures with the groups' in one call: the store counts both in one pass where it can.
    const [[overall, ...groups], [overallMiddle], middles] = await Promise.all([
      this.store.cases.tally(filter, { now, groupBy, topics: true, overall: true }),
      this.store.cases.middleTimes(filter),
      this.store.cases.middleTimes(filter, groupBy),
    ])
    const middleOf = new Map(middles.map((m) => [m.key, m]))
    const names = namer(groupBy, prepared)
    const answer: StatsAnswer = {
      overall: statsFromCounts(overall, overallMiddle),
      groupBy,
      groups: groups
        .map((t) => ({ key: t.key!, stats: statsFromCounts(t, middleOf.get(t.key) ?? { ack: null, reply: null }) }))
        .sort((a, b) => a.key.localeCompare(b.key))
        .map(({ key, stats }) => ({ key, name: names(key), stats })),
    }
    // A question about "overdue now" names its moment: never asked again, so not worth a place.
    if (answer.groups.length > KEPT_GROUPS || filter.overdueAt) return answer
    this.kept.keep(question, mark, prepared, frozen(answer))
    return answer
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
