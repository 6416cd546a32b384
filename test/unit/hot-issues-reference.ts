/**
 * The hot-issue grouping as it was before it was made fast (commit a4fa971), kept verbatim as
 * the reference the fast one must equal, answer for answer: pairwise bigram Dice over Sets of
 * strings, each message against every message of every earlier group of its place.
 * Test-only; nothing in src imports it.
 */
import { maskPersonalData } from '../../src/domain/pii-mask.js'
import type { HotIssue, HotIssueCase, HotIssueOptions } from '../../src/domain/hot-issues.js'

function bigrams(text: string): Set<string> {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\p{P}\p{S}\s\d]/gu, ''),
  ]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  if (chars.length === 1) out.add(chars[0])
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
const DESCRIPTION_LENGTH = 60

/**
 * 热度 = (messages + 2 × distinct residents) × (1 + growth/2) × (1 + reopen share + overdue share),
 * rounded to one decimal. Distinct residents weigh double (ten people outweigh one person
 * writing ten times); a growing issue, one whose answers were rejected (reopened) or left
 * overdue, is hotter than a settled one of the same size.
 */
function heatIndex(i: Pick<HotIssue, 'messages' | 'residents' | 'growth' | 'reopenShare' | 'overdueShare'>): number {
  const growth = Math.max(-1, Math.min(3, i.growth))
  const raw = (i.messages + 2 * i.residents) * (1 + growth / 2) * (1 + i.reopenShare + i.overdueShare)
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
  return issues.sort((a, b) => b.index - a.index || b.messages - a.messages || a.firstAt.getTime() - b.firstAt.getTime() || a.key.localeCompare(b.key))
}

type Member = { c: HotIssueCase; grams: Set<string> }

/** Single-link grouping in time order: a message joins the first group holding a message alike enough. */
function cluster(members: Member[], threshold: number): Member[][] {
  const groups: Member[][] = []
  for (const m of members) {
    const alike = (other: Member) => similarity(m.grams, other.grams) >= (other.c.topic === m.c.topic ? threshold : Math.max(threshold, ACROSS_TOPICS))
    const home = groups.find((g) => g.some(alike))
    if (home) home.push(m)
    else groups.push([m])
  }
  return groups
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
    reopenShare: share(cases.filter((c) => c.reopenCount > 0).length),
    overdueShare: share(cases.filter((c) => c.overdue).length),
  }
  return {
    key: cases[0].id,
    caseIds: cases.map((c) => c.id),
    placeId: cases[0].communityId ?? cases[0].districtId,
    districtId: cases[0].districtId,
    stationId: mostCommon(cases.map((c) => c.stationId)),
    topic: mostCommon(cases.map((c) => c.topic)) ?? cases[0].topic,
    firstAt: cases[0].createdAt,
    lastAt: cases[cases.length - 1].createdAt,
    ...partial,
    index: heatIndex(partial),
    description: cut(maskPersonalData(typical(group).c.text)),
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
