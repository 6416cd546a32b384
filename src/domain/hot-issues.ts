/**
 * 热点问题: residents' messages about the same problem in the same place, grouped into one
 * issue with a 热度 index, so that 分析研判 sees "eleven families on 幸福路 write about the
 * same broken lift" instead of eleven unrelated cases.
 *
 * Grouping is by place first (the resident's community, else their district: a problem
 * is local), then by what is wrong: a message joins an issue about the thing it names (电梯,
 * 路灯 …, complaint-objects.ts; any issue when it names none) when it is alike enough to any
 * message already in it (bigram Dice of similarity.ts's issueText, which leaves out the words that
 * say only where: 光明社区, 3号楼; found through an index of bigrams, see hot-issue-clusters.ts).
 * Pure and deterministic: the same cases in any order give the same issues.
 */
import { BigramTable, groupMessages, mostTypical } from './hot-issue-clusters.js'
import { maskForCaseWork } from './pii-mask.js'

export interface HotIssueCase {
  id: string
  text: string
  residentId: string
  communityId: string | null
  districtId: string | null
  stationId: string | null
  topic: string
  createdAt: Date
  reopenCount: number
  /** Still open past its deadline now. */
  overdue: boolean
  /**
   * The message it was merged into (合并办理), null or absent when it stands on its own. A merged message is still a
   * resident who wrote: it counts in its issue (review 37), and its issue is the one of the message it went into.
   */
  mergedInto?: string | null
}

export interface HotIssue {
  /** The id of the issue's earliest message: stable while the issue grows. */
  key: string
  caseIds: string[]
  /** The community (or district) the messages come from. */
  placeId: string | null
  districtId: string | null
  /** The station handling most of them. */
  stationId: string | null
  topic: string
  messages: number
  residents: number
  /** Those of caseIds merged into another message (已合并办理): counted in messages and residents, handled with it. */
  mergedIds: string[]
  firstAt: Date
  lastAt: Date
  /**
   * Messages in the later half of the window against the earlier half, -1 … 3. Not in 热度: which half of the window
   * residents wrote in says nothing of how bad a problem is (review 38 § 2); it only breaks ties.
   */
  growth: number
  /**
   * In how many of the window's weeks (seven days from its start) residents wrote about it: 2 for a lift that broke
   * again two weeks later. A problem that keeps coming back weighs more in 热度.
   */
  weeks: number
  reopenShare: number
  overdueShare: number
  /** 热度: larger is hotter; see heatIndex. */
  index: number
  /** The most typical message, masked and cut short, as the issue's description. */
  description: string
}

export interface HotIssueOptions {
  /** How alike two messages must be to be the same problem. */
  threshold?: number
  /** The window the issues are taken from, for growth: [from, to). */
  from: Date
  to: Date
  /** Issues with fewer messages are not hot. */
  minMessages?: number
  /** Only the hottest this many are wanted (a list shows 50 of a province's thousands): only they are described. */
  limit?: number
  /** Texts already turned into bigrams by earlier calls (kept by the caller): they are not cleaned again. */
  bigrams?: BigramTable
}

/**
 * Residents describe one problem in very different words, so a low bar: about a quarter of
 * the character pairs in common (across topics the bar is higher, see hot-issue-clusters.ts).
 */
export const DEFAULT_SIMILARITY = 0.22
const DESCRIPTION_LENGTH = 60

/** A week of the window, for `weeks`. */
const WEEK_MS = 7 * 24 * 3_600_000
/** At most this many weeks beyond the first add to 热度 (each a quarter): a problem of many weeks counts half again. */
const WEEKS_COUNTED = 2

/**
 * 热度 = (messages + 2 × distinct residents) × (1 + (reopen share + overdue share) / 2) × (1 + (weeks − 1) / 4, weeks
 * counted up to 3), rounded to one decimal. How many people are affected comes first: distinct residents weigh double
 * (ten people outweigh one person writing ten times). How serious it is multiplies that, by at most 2: answers sent
 * back (reopened) or left overdue. How persistent, by at most 1.5: residents wrote about it in more than one week of
 * the window. When in the window they wrote does not count (growth): six families written on a Monday are not a
 * third as hot as the same six on a Friday (review 38 § 2).
 */
export function heatIndex(i: Pick<HotIssue, 'messages' | 'residents' | 'reopenShare' | 'overdueShare' | 'weeks'>): number {
  const serious = 1 + (i.reopenShare + i.overdueShare) / 2
  const persistent = 1 + Math.min(WEEKS_COUNTED, Math.max(0, i.weeks - 1)) / 4
  const raw = (i.messages + 2 * i.residents) * serious * persistent
  return Math.round(raw * 10) / 10
}

/** Hottest first; ties: more residents, more messages, then the one growing, then the earlier (and by key). */
export function hotterFirst(a: HotIssue, b: HotIssue): number {
  return (
    b.index - a.index ||
    b.residents - a.residents ||
    b.messages - a.messages ||
    b.growth - a.growth ||
    a.firstAt.getTime() - b.firstAt.getTime() ||
    a.key.localeCompare(b.key)
  )
}

/** The issues of the window, hottest first (hotterFirst). */
export function groupHotIssues(cases: readonly HotIssueCase[], options: HotIssueOptions): HotIssue[] {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY
  const minMessages = options.minMessages ?? 2
  const [from, to] = [options.from.getTime(), options.to.getTime()]
  const inWindow = cases
    .filter((c) => c.createdAt.getTime() >= from && c.createdAt.getTime() < to)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  // Texts, topics and places as numbers, so that grouping a province's month allocates next to nothing.
  const table = options.bigrams ?? new BigramTable()
  const topicIds = new Map<string, number>()
  const placeIds = new Map<string, number>()
  const numbered = (ids: Map<string, number>, key: string) => ids.get(key) ?? ids.set(key, ids.size).get(key)!
  const n = inWindow.length
  const texts = new Int32Array(n)
  const topics = new Int32Array(n)
  const places = new Int32Array(n)
  for (let i = 0; i < n; i++) {
    const c = inWindow[i]
    texts[i] = table.textId(c.text)
    topics[i] = numbered(topicIds, c.topic)
    places[i] = numbered(placeIds, c.communityId ?? c.districtId ?? '-')
  }
  const { groupOf, groups } = groupMessages(table, { texts, topics, places, topicCount: topicIds.size, placeCount: placeIds.size }, threshold)
  withMergedTogether(inWindow, groupOf, groups)
  const sizes = new Int32Array(groups)
  for (let i = 0; i < n; i++) sizes[groupOf[i]]++
  const members = new Array<Member[] | undefined>(groups)
  for (let i = 0; i < n; i++) if (sizes[groupOf[i]] >= minMessages) (members[groupOf[i]] ??= []).push({ c: inWindow[i], grams: table.grams[texts[i]] })
  const issues: Array<{ issue: HotIssue; group: Member[] }> = []
  for (const group of members) if (group) issues.push({ issue: measure(group, options), group })
  issues.sort(({ issue: a }, { issue: b }) => hotterFirst(a, b))
  // The description (the most typical message of each, masked) is most of the cost of an issue: only for those shown.
  return issues.slice(0, options.limit ?? issues.length).map(({ issue, group }) => {
    issue.description = cut(maskForCaseWork(group[mostTypical(group.map((m) => m.grams))].c.text))
    return issue
  })
}

type Member = { c: HotIssueCase; grams: Int32Array }

/**
 * A merged message and the one it went into are one problem: staff said so when they merged them. Their groups
 * become one (the earlier-started group's number), whatever their words: an elderly resident's long account of the lift
 * and her neighbours' short messages merged into it stay one issue of three residents, and a fourth neighbour's
 * message alike to theirs joins it, instead of the issue vanishing with the merges (review 37).
 */
function withMergedTogether(cases: readonly HotIssueCase[], groupOf: Int32Array, groups: number): void {
  if (!cases.some((c) => c.mergedInto)) return
  const at = new Map(cases.map((c, i) => [c.id, i]))
  const parent = Int32Array.from({ length: groups }, (_, g) => g)
  const root = (g: number): number => (parent[g] === g ? g : (parent[g] = root(parent[g])))
  cases.forEach((c, i) => {
    const into = c.mergedInto ? at.get(c.mergedInto) : undefined
    if (into === undefined) return
    const [a, b] = [root(groupOf[i]), root(groupOf[into])]
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
  })
  for (let i = 0; i < groupOf.length; i++) groupOf[i] = root(groupOf[i])
}

/** An issue's figures, its description left empty. */
function measure(group: Member[], options: HotIssueOptions): HotIssue {
  // One pass, no callbacks: an admin's month has thousands of issues.
  const n = group.length
  const mid = options.from.getTime() + (options.to.getTime() - options.from.getTime()) / 2
  const caseIds = new Array<string>(n)
  const mergedIds: string[] = []
  const stations = new Array<string | null>(n)
  const topics = new Array<string>(n)
  const residents = new Set<string>()
  let early = 0
  let weekBits = 0
  let reopened = 0
  let overdue = 0
  for (let k = 0; k < n; k++) {
    const c = group[k].c
    caseIds[k] = c.id
    if (c.mergedInto) mergedIds.push(c.id)
    stations[k] = c.stationId
    topics[k] = c.topic
    residents.add(c.residentId)
    if (c.createdAt.getTime() < mid) early++
    // A window of a month has five weeks; one longer is counted in its first 31 weeks (more never adds to 热度).
    weekBits |= 1 << Math.min(30, Math.max(0, Math.floor((c.createdAt.getTime() - options.from.getTime()) / WEEK_MS)))
    if (c.reopenCount > 0) reopened++
    if (c.overdue) overdue++
  }
  const [first, last] = [group[0].c, group[n - 1].c]
  const late = n - early
  const growth = early === 0 ? Math.min(3, late) : Math.min(3, (late - early) / early)
  const partial = {
    messages: n,
    residents: residents.size,
    growth: Math.round(growth * 100) / 100,
    weeks: bitsSet(weekBits),
    reopenShare: shareOf(reopened, n),
    overdueShare: shareOf(overdue, n),
  }
  return {
    key: first.id,
    caseIds,
    mergedIds,
    placeId: first.communityId ?? first.districtId,
    districtId: first.districtId,
    stationId: mostCommon(stations),
    topic: mostCommon(topics) ?? first.topic,
    firstAt: first.createdAt,
    lastAt: last.createdAt,
    ...partial,
    index: heatIndex(partial),
    description: '',
  }
}

function bitsSet(bits: number): number {
  let n = 0
  for (let b = bits; b; b &= b - 1) n++
  return n
}

function shareOf(count: number, total: number): number {
  return Math.round((count / total) * 1000) / 1000
}

function mostCommon<T>(values: T[]): T | null {
  const counts = new Map<T, number>()
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: T | null = null
  let n = 0
  for (const [v, count] of counts) if (count > n) [best, n] = [v, count]
  return best
}

function cut(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > DESCRIPTION_LENGTH ? `${flat.slice(0, DESCRIPTION_LENGTH)}…` : flat
}

export interface SpikeRule {
  /** This many messages of one issue … */
  messages: number
  /** … within this many hours make a spike. */
  hours: number
}

export const DEFAULT_SPIKE: SpikeRule = { messages: 5, hours: 48 }

/**
 * The issues that spiked: at least `rule.messages` of their messages in the last `rule.hours`
 * before `now`, and none of their messages part of an issue already alerted (so an issue is
 * announced once, even when it grows or its earliest message changes).
 */
export function spikingIssues(
  issues: readonly HotIssue[],
  cases: readonly HotIssueCase[],
  rule: SpikeRule,
  now: Date,
  alertedCaseIds: ReadonlySet<string>,
): HotIssue[] {
  const since = now.getTime() - rule.hours * 3_600_000
  const createdAt = new Map(cases.map((c) => [c.id, c.createdAt.getTime()]))
  return issues.filter((i) => {
    if (i.caseIds.some((id) => alertedCaseIds.has(id))) return false
    const recent = i.caseIds.filter((id) => (createdAt.get(id) ?? 0) >= since && (createdAt.get(id) ?? 0) <= now.getTime()).length
    return recent >= rule.messages
  })
}
