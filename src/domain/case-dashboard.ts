import { OPEN_STATUSES, type CaseStatus } from './case.js'
import { addDays, startOfLocalDate } from './business-calendar.js'
import { localDate } from './dates.js'
import type { DutyDay } from './duty-ahead.js'
import { shortOfficeName } from './office-name.js'
import { OFFICE_ROW_KEY, restOf, UNASSIGNED_ROW_KEY } from './rows-add-up.js'

/** The inbox filters that list exactly the cases behind a number (the console puts them in the URL). */
export type InboxFilters = Record<string, string>

export interface Figure {
  count: number
  filters: InboxFilters
}

export interface ResponsivenessBar {
  key: string
  name: string
  total: number
  open: number
  overdue: number
  /** Of the replies due or given, and the messages waiting past a deadline: given in time (null when none was due yet). */
  repliedInTimeShare: number | null
  filters: InboxFilters
  /**
   * A row of no station or deputy, so that the rows add up to the figures above them: the messages at the office
   * (上报, or no station covers the place) under 按联络站, those no deputy holds yet (还没交给代表) under 按代表.
   */
  kind?: 'office' | 'unassigned'
}

export interface CaseDashboard {
  today: {
    date: string
    new: Figure
    open: Figure
    /** 已经超期: waiting past the reply deadline (case-stats.ts waitingLate), the inbox's 只看已超期. */
    overdue: Figure
    /**
     * 未按时受理: not acknowledged by its deadline, the reply not yet due (case-stats.ts ackLate), the inbox's 只看未按时受理:
     * a figure of its own, never counted in 已经超期 (the badge on those messages says 未按时受理, not 已超期).
     */
    ackLate: Figure
    /** Waiting for the station's staff to give it to a deputy (待分派): the clerk's own queue. */
    unplaced: Figure
    /** The resident was not satisfied and asked for it to be handled again (重新办理). */
    reopened: Figure
    /**
     * 群众不满意: the inbox filter's own count (CaseFilter.unhappy: rated 1 or 2 this round, or reopened and not rated
     * again), and that filter, so that the card and the list it opens say the same number.
     */
    unhappy: Figure
    /**
     * Waiting at the office for someone to give it to a deputy: handed up (上报) by a station, or no station covers
     * its place. Only for those who may place such messages (an organizer of districts, the city, an admin).
     * `office`: whose office, short, as the card names it ("澜江区人大办", "各区人大办和市人大办").
     */
    atOffice?: Figure & { office: string }
  }
  satisfaction: Array<{ rating: number; label: string } & Figure>
  /**
   * Rated, then asked to be handled again (重新办理) and not rated since: the chart counts the current score, which a
   * reopen clears, while 统计分析 counts their last score; said under the chart so that the two agree.
   */
  reopenedAfterRating: Figure
  responsiveness: { district: ResponsivenessBar[]; station: ResponsivenessBar[]; deputy: ResponsivenessBar[] }
  /**
   * 按代表 shows the deputies slowest first (most overdue, then most open: deputyOrder) and only so many: how many of how
   * many, what the others hold (so that the rows and this add up to 正在办理 and 已经超期), how many of them hold an
   * overdue message (`overdueDeputies`, 0 unless more deputies are late than the rows fit), said under the table with
   * 查看全部 (统计分析 by deputy, 超期最多 first: `statsQuery`). Null when every deputy is shown.
   */
  deputiesLeftOut: {
    shown: number
    total: number
    open: number
    overdue: number
    overdueDeputies: number
    text: string
    statsQuery: Record<string, string>
  } | null
  weeks: Array<{ label: string; from: string; to: string } & Figure>
  /**
   * The messages merged into another (合并办理), said under 按代表: its rows count each problem once, as the message the
   * others joined (CaseRecord.mergedInto), while 每周收到的留言 counts every message received, so without this line the
   * two did not add up (review 37 § 10: 11 in the bars, 9 in the rows). Null when there are none.
   */
  mergedAside: { count: number; text: string } | null
  /** Only a station clerk's: the next days a deputy receives residents at her station (近期值班). */
  duty?: DutyDay[]
}

const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const iso = (d: Date) => d.toISOString()

/** Monday of the week a local date falls in (weeks as offices count them). */
function mondayOf(date: string) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

/** A group's counts as the store tallies them (store/case-tally.ts): what a dashboard figure needs. */
export interface DashboardCounts {
  key: string | null
  total: number
  byStatus: Partial<Record<CaseStatus, number>>
  byRating: Record<number, number>
  /** Waiting past the reply deadline (超期: caseStats' overdueOpen, the inbox's 只看已超期). */
  overdueOpen: number
  /** 未按时受理: the acknowledgement's deadline passed, the reply's not (the inbox's 只看未按时受理). */
  ackLate: number
  replyDue: number
  replyOk: number
}

/** What one bar of the responsiveness charts reads of a group (a district, station or deputy). */
export interface BarCounts {
  key: string
  total: number
  /** Open: any status of OPEN_STATUSES. */
  open: number
  overdueOpen: number
  replyDue: number
  replyOk: number
}

/** The inbox's filters for the messages at an office, with no station (the dashboard's 区人大办 row and figure). */
export const AT_OFFICE_FILTERS: InboxFilters = { atOffice: 'true' }
/** The inbox's 只看群众不满意 (CaseFilters.unhappy): the dashboard's 群众不满意 card opens it. */
export const UNHAPPY_FILTERS: InboxFilters = { unhappy: 'true' }
/** A queue or a backlog is read by what is due first (the inbox's 最先到期在前): the longest overdue on top. */
const DUE_FIRST = { order: 'due' }

/** How many bars each chart shows: the groups with the most cases first, the deputies the slowest first (deputyOrder). */
export const BAR_LIMITS = { district: 20, station: 15, deputy: 15 } as const

/** The periods a dashboard counts new cases in: today so far, and the last `weeks` weeks (Monday to Monday). */
export function dashboardPeriods(now: Date, timeZone: string, weeks = 8) {
  const today = localDate(now, timeZone)
  const thisMonday = mondayOf(today)
  return {
    today,
    dayStart: startOfLocalDate(today, timeZone),
    dayEnd: startOfLocalDate(addDays(today, 1), timeZone),
    weeks: Array.from({ length: weeks }, (_, i) => {
      const monday = addDays(thisMonday, -7 * (weeks - 1 - i))
      return { monday, from: startOfLocalDate(monday, timeZone), to: startOfLocalDate(addDays(monday, 7), timeZone) }
    }),
  }
}

const openOf = (c: DashboardCounts) => OPEN_STATUSES.reduce((n, s) => n + (c.byStatus[s] ?? 0), 0)
/** A group's bar from its counts (none for the cases without a key). */
export const barOf = (c: DashboardCounts): BarCounts[] =>
  c.key === null ? [] : [{ key: c.key, total: c.total, open: openOf(c), overdueOpen: c.overdueOpen, replyDue: c.replyDue, replyOk: c.replyOk }]

/** 统计分析's query for every deputy, most overdue first: where 按代表's 查看全部 leads (the order of the rows here). */
const ALL_DEPUTIES_STATS: Record<string, string> = { groupBy: 'deputy', sort: 'overdue' }

/**
 * 按代表's order: who is sitting on overdue messages first (most overdue), then who holds most still open, then who
 * received most; by name among equals. Busiest first (by total alone) left out exactly the slow deputies, who take
 * fewer messages because they are slow to take them (review 38 § 1: 8 of 10 overdue messages were with deputies not shown).
 */
export function deputyOrder(a: Pick<ResponsivenessBar, 'overdue' | 'open' | 'total' | 'name'>, b: typeof a): number {
  return b.overdue - a.overdue || b.open - a.open || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN')
}

/** deputyOrder on the store's bars before they have names: among equals by key, so the same few are picked every time. */
const slowestFirst = (a: BarCounts, b: BarCounts) =>
  b.overdueOpen - a.overdueOpen || b.open - a.open || b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)

/**
 * The first `limit` of `items` in `order`, without sorting them all: an admin's scope has 100,000 deputies, of which
 * 15 are shown. Stable: among equals the earlier item comes first.
 */
function firstOf<T>(items: readonly T[], limit: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = []
  for (const item of items) {
    if (kept.length === limit && order(item, kept[limit - 1]!) >= 0) continue
    let at = kept.length
    while (at > 0 && order(item, kept[at - 1]!) < 0) at--
    kept.splice(at, 0, item)
    if (kept.length > limit) kept.pop()
  }
  return kept
}

/**
 * What 按代表 leaves out when it shows the slowest deputies only (deputyOrder): the scope's open and overdue messages
 * less the shown deputies' and the unassigned (未分派) ones', with a sentence: "按超期、在办的多少排列，列出前 15 位代表
 * （共 22 位代表有留言）。另外 7 位代表：在办 28 条，没有超期的留言。" When more deputies hold overdue messages than the
 * rows fit, it says how many more and that 查看全部代表 lists them. Null when every deputy with messages is shown.
 */
function deputiesLeftOut(
  whole: BarCounts,
  shown: ResponsivenessBar[],
  unassigned: BarCounts | null,
  total: number,
  overdueDeputies: number,
): CaseDashboard['deputiesLeftOut'] {
  if (total <= shown.length) return null
  const others = total - shown.length
  const rest = restOf({ open: whole.open, overdue: whole.overdueOpen }, [
    ...shown.map((b) => ({ open: b.open, overdue: b.overdue })),
    ...(unassigned ? [{ open: unassigned.open, overdue: unassigned.overdueOpen }] : []),
  ])
  const lateOthers = Math.max(0, overdueDeputies - shown.filter((b) => b.overdue > 0).length)
  const late = rest.overdue ? `超期 ${rest.overdue} 条（在 ${lateOthers} 位代表名下，点“查看全部代表”可以看到是谁）` : '没有超期的留言'
  const text = `按超期、在办的多少排列，列出前 ${shown.length} 位代表（共 ${total} 位代表有留言）。另外 ${others} 位代表：在办 ${rest.open} 条，${late}。`
  return { shown: shown.length, total, open: rest.open, overdue: rest.overdue, overdueDeputies: lateOthers, text, statsQuery: ALL_DEPUTIES_STATS }
}

/**
 * The organizers' dashboard from counts of the cases they may see: today's figures,
 * satisfaction, responsiveness per district, station and deputy, and new cases per week.
 * Every figure carries the inbox filters that list the very cases it counts.
 */
export function caseDashboard(
  periods: ReturnType<typeof dashboardPeriods>,
  counts: {
    all: DashboardCounts
    newToday: number
    /** New cases in each of `periods.weeks`. */
    weeks: number[]
    district: DashboardCounts[]
    station: DashboardCounts[]
    /** Every deputy's bar in the scope (the store's deputyBars; shared with later calls: read, never changed). */
    deputy: readonly BarCounts[]
    /** The messages no deputy holds (待分派): the 还没交给代表 row under the deputies. */
    unassigned?: DashboardCounts
    /** Whether the scope holds messages at an office (not a station clerk's, nor a street's stations): its figure and row. */
    offices?: boolean
    /** The inbox's 群众不满意 filter counted (CaseFilter.unhappy). */
    unhappy: number
    /** The messages merged into another (CaseFilter.merged), which 按代表 counts for nobody; absent: not counted. */
    merged?: number
    /**
     * A district office's: its district, whose handled messages `newToday` and `weeks` count (CaseFilter.handlingDistrictIds,
     * as its 分析周报 counts them: one transferred in is its, its resident's sent on to another district is not); their
     * inbox filter (handledIn) lists those very messages.
     */
    handledIn?: string
  },
  names: { district(id: string): string; station(id: string): string; deputy(id: string): string; office?: string },
): CaseDashboard {
  const bar = (g: BarCounts, name: string, filters: InboxFilters): ResponsivenessBar => ({
    key: g.key,
    name,
    total: g.total,
    open: g.open,
    overdue: g.overdueOpen,
    repliedInTimeShare: g.replyDue ? Math.round((g.replyOk / g.replyDue) * 1000) / 1000 : null,
    filters,
  })
  // Groups come in key order; sorting by size keeps that order among equals, as before.
  const bars = (groups: BarCounts[], name: (k: string) => string, filter: string, limit: number) =>
    groups
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((g) => bar(g, name(g.key), { [filter]: g.key }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, limit)

  // What no station holds: the scope's figures less every station's (before the chart keeps the biggest).
  const stationBars = counts.station.flatMap(barOf)
  const [whole] = barOf({ ...counts.all, key: OFFICE_ROW_KEY })
  const office = restOf(whole, stationBars)
  const atOffice = (counts.all.byStatus.submitted ?? 0) - counts.station.reduce((n, t) => n + (t.byStatus.submitted ?? 0), 0)
  const officeRow = counts.offices && office.total > 0 ? [{ ...bar(office, names.office ?? '人大办', AT_OFFICE_FILTERS), kind: 'office' as const }] : []
  const unassigned = counts.unassigned ? barOf({ ...counts.unassigned, key: UNASSIGNED_ROW_KEY })[0] : null
  const unassignedRow =
    unassigned && unassigned.total > 0 ? [{ ...bar(unassigned, '还没交给代表', { status: 'submitted', ...DUE_FIRST }), kind: 'unassigned' as const }] : []
  // The slowest first (deputyOrder), only the first few named and made into rows: an admin's scope has a province's deputies.
  const deputyBars = firstOf(counts.deputy, BAR_LIMITS.deputy, slowestFirst)
    .map((g) => bar(g, names.deputy(g.key), { deputyId: g.key }))
    .sort(deputyOrder)
  const overdueDeputies = counts.deputy.reduce((n, g) => n + (g.overdueOpen > 0 ? 1 : 0), 0)
  const handled: InboxFilters = counts.handledIn ? { handledIn: counts.handledIn } : {}

  return {
    today: {
      date: periods.today,
      // Both ends by the server's day: the inbox would fill a missing end from the PC's clock, which may be off.
      new: { count: counts.newToday, filters: { from: iso(periods.dayStart), to: iso(periods.dayEnd), ...handled } },
      open: { count: openOf(counts.all), filters: { open: 'true' } },
      overdue: { count: counts.all.overdueOpen, filters: { overdue: 'true', ...DUE_FIRST } },
      ackLate: { count: counts.all.ackLate, filters: { ackLate: 'true', ...DUE_FIRST } },
      unplaced: { count: counts.all.byStatus.submitted ?? 0, filters: { status: 'submitted', ...DUE_FIRST } },
      reopened: { count: counts.all.byStatus.reopened ?? 0, filters: { status: 'reopened' } },
      unhappy: { count: counts.unhappy, filters: UNHAPPY_FILTERS },
      ...(counts.offices
        ? {
            atOffice: {
              count: atOffice,
              filters: { ...AT_OFFICE_FILTERS, status: 'submitted', ...DUE_FIRST },
              office: shortOfficeName(names.office ?? '人大办'),
            },
          }
        : {}),
    },
    satisfaction: [5, 4, 3, 2, 1].map((rating) => ({
      rating,
      label: `${RATING_LABELS[rating]}（${rating} 分）`,
      count: counts.all.byRating[rating] ?? 0,
      filters: { rating: String(rating) },
    })),
    // The filter's cases less those rated 1 or 2 now: the ones reopened and not rated since (no filter of their own).
    reopenedAfterRating: {
      count: Math.max(0, counts.unhappy - (counts.all.byRating[1] ?? 0) - (counts.all.byRating[2] ?? 0)),
      filters: UNHAPPY_FILTERS,
    },
    responsiveness: {
      district: bars(counts.district.flatMap(barOf), names.district, 'districtId', BAR_LIMITS.district),
      // The office's row and the unassigned one after the biggest, always: without them the rows fall short of the figures.
      station: [...bars(stationBars, names.station, 'stationId', BAR_LIMITS.station), ...officeRow],
      deputy: [...deputyBars, ...unassignedRow],
    },
    deputiesLeftOut: deputiesLeftOut(whole, deputyBars, unassigned, counts.deputy.length, overdueDeputies),
    mergedAside: counts.merged
      ? {
          count: counts.merged,
          // One problem counted once, as the message kept: not added to that one's deputy, not counted for its own.
          text: `另有 ${counts.merged} 条已并入其他留言、随那条留言办理：同一个问题只算那一条，上面不再单列；“每周收到的留言”把它们也算在内。`,
        }
      : null,
    weeks: periods.weeks.map(({ monday, from, to }, i) => {
      const [, m, d] = monday.split('-').map(Number)
      return { label: `${m}月${d}日`, from: iso(from), to: iso(to), count: counts.weeks[i], filters: { from: iso(from), to: iso(to), ...handled } }
    }),
  }
}
