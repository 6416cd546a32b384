import type { BarCounts } from './case-dashboard.js'
import { inTimeShare, type CaseStats } from './case-stats.js'

/** How the statistics' groups are ordered: most messages, most overdue open, or the lowest on-time reply share first. */
export const STATS_SORTS = ['total', 'overdue', 'replied'] as const
export type StatsSort = (typeof STATS_SORTS)[number]

/** What a group is ranked by: its name and the three measures, as its CaseStats give them. */
export interface RankedGroup {
  key: string
  name: string
  total: number
  overdueOpen: number
  /** Rounded as CaseStats rounds it (3 digits), so ranking by bars or by whole figures gives one order. */
  repliedInTimeShare: number | null
}

/** Code-point order: stable and cheap for 100,000 names (a collator is ~20 times slower per comparison). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** How a ranking reads a group: its key, name and three measures (a RankedGroup's own fields, or a bar's). */
export interface GroupReader<T> {
  key(g: T): string
  name(g: T): string
  total(g: T): number
  overdueOpen(g: T): number
  repliedInTimeShare(g: T): number | null
}

/** A RankedGroup read as it is. */
const OWN_FIELDS: GroupReader<RankedGroup> = {
  key: (g) => g.key,
  name: (g) => g.name,
  total: (g) => g.total,
  overdueOpen: (g) => g.overdueOpen,
  repliedInTimeShare: (g) => g.repliedInTimeShare,
}
const ownFields = <T>() => OWN_FIELDS as unknown as GroupReader<T>

/**
 * A deputy's bar read as the ranking reads a group, their name looked up only on a tie: an admin's 100,000 bars are
 * ranked as the store keeps them, without a copy of each (~25 ms of allocation at every first look after a change).
 */
export function barReader(name: (key: string) => string): GroupReader<BarCounts> {
  return {
    key: (b) => b.key,
    name: (b) => name(b.key),
    total: (b) => b.total,
    overdueOpen: (b) => b.overdueOpen,
    repliedInTimeShare: (b) => inTimeShare(b.replyOk, b.replyDue),
  }
}

/**
 * The order the person chose, worst or biggest first; ties by name, then key, so a page always continues where
 * the one before ended. By the on-time reply share, a group with no reply due yet (share null) has nothing to
 * chase: it comes after every group with a share.
 */
function orderOf<T>(sort: StatsSort, read: GroupReader<T>): (a: T, b: T) => number {
  const share = (a: T, b: T) => {
    const x = read.repliedInTimeShare(a)
    const y = read.repliedInTimeShare(b)
    return x === y ? 0 : x === null ? 1 : y === null ? -1 : x - y
  }
  const measure: (a: T, b: T) => number =
    sort === 'total' ? (a, b) => read.total(b) - read.total(a) : sort === 'overdue' ? (a, b) => read.overdueOpen(b) - read.overdueOpen(a) : share
  return (a, b) => measure(a, b) || byText(read.name(a), read.name(b)) || byText(read.key(a), read.key(b))
}

/** The groups in the order the person chose (see orderOf). */
export function rankGroups<T>(groups: readonly T[], sort: StatsSort, read: GroupReader<T> = ownFields<T>()): T[] {
  return [...groups].sort(orderOf(sort, read))
}

/** The most firstRanked keeps while it passes over the groups (see below). */
export const FIRST_RANKED_MAX = 500

/**
 * The first `count` groups of rankGroups' order, without ordering the rest: an admin's first page is 20 of
 * 100,000 deputies, and one pass that keeps the best so far compares each deputy with the last kept, mostly
 * by its count alone, where a whole sort compares each ~17 times, their names on every tie.
 */
export function firstRanked<T>(groups: readonly T[], sort: StatsSort, count: number, read: GroupReader<T> = ownFields<T>()): T[] {
  // Each group that makes it in moves those after it: past a few hundred, a whole sort costs less.
  if (count > FIRST_RANKED_MAX) return rankGroups(groups, sort, read).slice(0, count)
  if (count <= 0) return []
  const order = orderOf(sort, read)
  const best: T[] = []
  for (const g of groups) {
    if (best.length === count && order(g, best[count - 1]) >= 0) continue
    // Where it goes among the kept: after every one it does not come before.
    let lo = 0
    let hi = best.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (order(g, best[mid]) < 0) hi = mid
      else lo = mid + 1
    }
    best.splice(lo, 0, g)
    if (best.length > count) best.pop()
  }
  return best
}

/**
 * A ranking's groups in each order asked, worked out as far as a page asked needs: the first pages from one pass
 * that keeps the best FIRST_RANKED_MAX (an admin's first look at 100,000 deputies after a change), a whole sort
 * only once a page past them is asked. Each order is kept for the pages that follow.
 */
export class RankedOrders<T> {
  private readonly orders = new Map<StatsSort, T[]>()

  constructor(
    readonly groups: readonly T[],
    private readonly read: GroupReader<T> = ownFields<T>(),
  ) {}

  /** The groups in the order asked, at least the first `end` of them (all of them when there are no more). */
  upTo(sort: StatsSort, end: number): T[] {
    const kept = this.orders.get(sort)
    if (kept && (kept.length >= end || kept.length === this.groups.length)) return kept
    const order = end <= FIRST_RANKED_MAX ? firstRanked(this.groups, sort, FIRST_RANKED_MAX, this.read) : rankGroups(this.groups, sort, this.read)
    this.orders.set(sort, order)
    return order
  }
}

export type StatsGrouping = 'station' | 'district' | 'topic' | 'deputy' | 'department'

export interface StatsGroup {
  key: string
  name: string
  stats: CaseStats
}

/** The statistics of a scope: overall, and one page of its groups in the chosen order, with how many groups there are in all. */
export interface StatsAnswer {
  overall: CaseStats
  groupBy: StatsGrouping
  sort: StatsSort
  groupCount: number
  groups: StatsGroup[]
  /** Where the next page starts, or null after the last. */
  nextOffset: number | null
  /**
   * The scope's messages in no group (the overall figures less every group's), so that the rows can be made to add
   * up to the totals: by station those at an office (上报), by deputy those no deputy holds (未分派, or ended before one did).
   */
  rest: StatsRest
}

/** Messages of a scope in none of its groups: how many, how many still open, how many waiting past a deadline. */
export interface StatsRest {
  total: number
  open: number
  overdueOpen: number
}
