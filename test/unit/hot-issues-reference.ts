/**
 * The hot-issue grouping as it was before it was made fast (commit a4fa971), kept as the reference
 * the fast one must equal, answer for answer: pairwise bigram Dice over Sets of strings, each message
 * against every message of every earlier group of its place. Since review 33 its texts are compared
 * without the words that say only where (issueText), and a group is about the thing its messages name
 * (complaint-objects.ts): written here the plain way, as a list of groups each with its things.
 * Test-only; nothing in src imports it.
 */
import { maskForCaseWork } from '../../src/domain/pii-mask.js'
import type { HotIssue, HotIssueCase, HotIssueOptions } from '../../src/domain/hot-issues.js'
import { issueText } from '../../src/domain/similarity.js'
import { objectsNamed } from '../../src/domain/complaint-objects.js'

function bigrams(text: string): Set<string> {
  const chars = [...issueText(text)]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  if (chars.length === 1) out.add(chars[0])
  // A thing named counts as THING_WEIGHT pairs shared.
  for (const kind of thingsOf(text)) for (let w = 0; w < THING_WEIGHT; w++) out.add(`thing ${kind} ${w}`)
  return out
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return (2 * shared) / (a.size + b.size)
}

const DEFAULT_SIMILARITY = 0.22
const ACROSS_TOPICS = 0.4
const THING_WEIGHT = 4
const DESCRIPTION_LENGTH = 60

/**
 * 热度 = (messages + 2 × distinct residents) × (1 + (reopen share + overdue share) / 2) × (1 + (weeks − 1) / 4, weeks
 * counted up to 3), rounded to one decimal; when in the window residents wrote (growth) only breaks ties.
 */
function heatIndex(i: Pick<HotIssue, 'messages' | 'residents' | 'reopenShare' | 'overdueShare' | 'weeks'>): number {
  const raw = (i.messages + 2 * i.residents) * (1 + (i.reopenShare + i.overdueShare) / 2) * (1 + Math.min(2, i.weeks - 1) / 4)
  return Math.round(raw * 10) / 10
}

/** The issues of the window, hottest first (ties: more messages, then the earlier). */
export function referenceGroupHotIssues(cases: readonly HotIssueCase[], options: HotIssueOptions): HotIssue[] {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY
  const minMessages = options.minMessages ?? 2
  const inWindow = cases
    .filter((c) => c.createdAt >= options.from && c.createdAt < options.to)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
  const byPlace = new Map<string, Array<{ c: HotIssueCase; grams: Set<string> }>>()
  for (const c of inWindow) {
    const place = c.communityId ?? c.districtId ?? '-'
    const list = byPlace.get(place) ?? []
    list.push({ c, grams: bigrams(c.text) })
    byPlace.set(place, list)
  }
  const issues: HotIssue[] = []
  for (const members of byPlace.values()) {
    for (const group of cluster(members, threshold)) {
      if (group.length >= minMessages) issues.push(describe(group, options))
    }
  }
  return issues.sort(
    (a, b) =>
      b.index - a.index ||
      b.residents - a.residents ||
      b.messages - a.messages ||
      b.growth - a.growth ||
      a.firstAt.getTime() - b.firstAt.getTime() ||
      a.key.localeCompare(b.key),
  )
}

type Member = { c: HotIssueCase; grams: Set<string> }

/** The kinds of thing a text names, as a set of kinds (the code keeps them as bits). */
const thingsOf = (text: string) => new Set([...Array(31).keys()].filter((k) => objectsNamed(text) & (1 << k)))

/**
 * Single-link grouping in time order: a message joins the first group holding a message alike enough, of those
 * about a thing it names or about none yet (when both name things, one in common). The group is then about
 * the things both name, or the message's when it named none.
 */
function cluster(members: Member[], threshold: number): Member[][] {
  const groups: Array<{ things: Set<number>; members: Member[] }> = []
  for (const m of members) {
    const mine = thingsOf(m.c.text)
    const alike = (other: Member) => similarity(m.grams, other.grams) >= (other.c.topic === m.c.topic ? threshold : Math.max(threshold, ACROSS_TOPICS))
    const sameThing = (g: { things: Set<number> }) => !mine.size || !g.things.size || [...mine].some((k) => g.things.has(k))
    const home = groups.find((g) => sameThing(g) && g.members.some(alike))
    if (!home) groups.push({ things: mine, members: [m] })
    else {
      home.members.push(m)
      if (mine.size) home.things = home.things.size ? new Set([...home.things].filter((k) => mine.has(k))) : mine
    }
  }
  return groups.map((g) => g.members)
}

function describe(group: Member[], options: HotIssueOptions): HotIssue {
  const cases = group.map((m) => m.c)
  const mid = options.from.getTime() + (options.to.getTime() - options.from.getTime()) / 2
  const early = cases.filter((c) => c.createdAt.getTime() < mid).length
  const late = cases.length - early
  const growth = early === 0 ? Math.min(3, late) : Math.min(3, (late - early) / early)
  const share = (n: number) => Math.round((n / cases.length) * 1000) / 1000
  const partial = {
    messages: cases.length,
    residents: new Set(cases.map((c) => c.residentId)).size,
    growth: Math.round(growth * 100) / 100,
    // The weeks of the window (seven days from its start) with a message of it.
    weeks: new Set(cases.map((c) => Math.max(0, Math.floor((c.createdAt.getTime() - options.from.getTime()) / (7 * 24 * 3_600_000))))).size,
    reopenShare: share(cases.filter((c) => c.reopenCount > 0).length),
    overdueShare: share(cases.filter((c) => c.overdue).length),
  }
  return {
    key: cases[0].id,
    caseIds: cases.map((c) => c.id),
    mergedIds: cases.filter((c) => c.mergedInto).map((c) => c.id),
    placeId: cases[0].communityId ?? cases[0].districtId,
    districtId: cases[0].districtId,
    stationId: mostCommon(cases.map((c) => c.stationId)),
    topic: mostCommon(cases.map((c) => c.topic)) ?? cases[0].topic,
    firstAt: cases[0].createdAt,
    lastAt: cases[cases.length - 1].createdAt,
    ...partial,
    index: heatIndex(partial),
    description: cut(maskForCaseWork(typical(group).c.text)),
  }
}

/** The message most alike to the rest of its group. */
function typical(group: Member[]): Member {
  let best = group[0]
  let bestScore = -1
  for (const m of group) {
    const score = group.reduce((sum, o) => (o === m ? sum : sum + similarity(m.grams, o.grams)), 0)
    if (score > bestScore) [best, bestScore] = [m, score]
  }
  return best
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
