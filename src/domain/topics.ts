/**
 * Classifies a resident's message into one topic of the configured list by keyword
 * dictionaries (config/topic-keywords.json). It runs on every message, so the
 * dictionaries are compiled once into a first-character index.
 */

export const OTHER_TOPIC = '其他'

export interface TopicMatch {
  topic: string
  /** The keywords of that topic found in the text, as configured, in order of appearance. */
  matched: string[]
  /** A learned model's share of the probability for the topic (0–1); absent for the dictionaries alone. */
  confidence?: number
}

export type TopicClassifier = (text: string) => TopicMatch

interface Entry {
  /** The keyword as configured, for the `matched` list. */
  keyword: string
  /** The keyword normalised like the text, for matching. */
  needle: string
  topicIndex: number
  weight: number
}

/**
 * Residents type on phones with full-width punctuation and digits, random spaces and
 * mixed-case Latin ("ＥＴＣ", "wifi"); matching ignores all of that.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toLowerCase()
    .replace(/\s+/g, '')
}

/**
 * A longer keyword is far more specific ("加装电梯" against "电梯"), so weight grows
 * faster than length: one four-character match outweighs three two-character ones.
 * A keyword marked with a leading "~" names who is affected, where or the thing (~老人, ~楼下, ~蹦床), not what is wrong
 * ("~老人": "晚上老人出门看不清路，路灯坏了" is about the streetlight); it weighs 1, so
 * it decides the topic only when nothing else matched.
 */
export const WEAK_MARK = '~'
const weightOf = (needle: string, weak: boolean) => (weak ? 1 : needle.length * needle.length)

/** The topic nothing matched: '其他' when configured, else the last topic of the list. */
export function fallbackTopic(topics: readonly string[]): string {
  return topics.includes(OTHER_TOPIC) || topics.length === 0 ? OTHER_TOPIC : topics[topics.length - 1]
}

/**
 * Compiles the dictionaries for the given topic list. Keywords of topics outside the
 * list are ignored; a keyword listed under two topics counts for the earlier one (a
 * configuration slip; the keyword file's test forbids it).
 * The result is pure and safe to share.
 */
export interface KeywordScores {
  /** Per topic, in list order: the sum of the weights of its keywords found. */
  scores: number[]
  /** Per topic: where it was first named in the normalised text (Infinity when never). */
  firstAt: number[]
  /** Per topic: its keywords found, as configured, in order of appearance. */
  matched: string[][]
}

/**
 * Compiles the dictionaries for the given topic list into a scorer of every topic.
 * Keywords of topics outside the list are ignored; a keyword listed under two topics
 * counts for the earlier one (a configuration slip; the keyword file's test forbids it).
 * The result is pure and safe to share.
 */
export function compileKeywordScorer(keywords: Readonly<Record<string, readonly string[]>>, topics: readonly string[]): (text: string) => KeywordScores {
  const scoreNormalized = compileNormalizedKeywordScorer(keywords, topics)
  return (text) => scoreNormalized(normalizeText(text))
}

/** The same scorer for a text already through normalizeText (the topic model normalises each message once for both). */
export function compileNormalizedKeywordScorer(
  keywords: Readonly<Record<string, readonly string[]>>,
  topics: readonly string[],
): (normalized: string) => KeywordScores {
  const byFirstChar = new Map<number, Entry[]>()
  const seen = new Set<string>()
  topics.forEach((topic, topicIndex) => {
    for (const configured of keywords[topic] ?? []) {
      const weak = configured.startsWith(WEAK_MARK)
      const keyword = weak ? configured.slice(WEAK_MARK.length) : configured
      const needle = normalizeText(keyword)
      if (!needle || seen.has(needle)) continue
      seen.add(needle)
      const code = needle.charCodeAt(0)
      const list = byFirstChar.get(code) ?? []
      list.push({ keyword, needle, topicIndex, weight: weightOf(needle, weak) })
      byFirstChar.set(code, list)
    }
  })
  // Longest first, so that at each position the most specific keyword is tried first.
  for (const list of byFirstChar.values()) list.sort((a, b) => b.needle.length - a.needle.length)

  return (t: string): KeywordScores => {
    const scores = new Array<number>(topics.length).fill(0)
    const firstAt = new Array<number>(topics.length).fill(Infinity)
    const matched = topics.map((): string[] => [])
    const counted = new Set<Entry>()
    // End of the furthest match so far: a keyword inside a longer match ("社区" in
    // "社区医院") is part of that match, not a second opinion.
    let coveredUntil = 0
    for (let i = 0; i < t.length; i++) {
      const candidates = byFirstChar.get(t.charCodeAt(i))
      if (!candidates) continue
      for (const entry of candidates) {
        const end = i + entry.needle.length
        if (end <= coveredUntil || !t.startsWith(entry.needle, i)) continue
        coveredUntil = end
        if (counted.has(entry)) continue
        counted.add(entry)
        scores[entry.topicIndex] += entry.weight
        firstAt[entry.topicIndex] = Math.min(firstAt[entry.topicIndex], i)
        matched[entry.topicIndex].push(entry.keyword)
      }
    }
    return { scores, firstAt, matched }
  }
}

/** Classifies by the dictionaries alone: the highest score wins (see compileKeywordScorer). */
export function compileTopicClassifier(keywords: Readonly<Record<string, readonly string[]>>, topics: readonly string[]): TopicClassifier {
  const score = compileKeywordScorer(keywords, topics)
  const other = fallbackTopic(topics)
  return (text: string): TopicMatch => {
    const { scores, firstAt, matched } = score(text)
    // A tie goes to the topic the resident named first (people lead with the problem),
    // never to whichever topic happens to come first in the configured list.
    let best = -1
    for (let k = 0; k < scores.length; k++) {
      if (scores[k] > 0 && (best < 0 || scores[k] > scores[best] || (scores[k] === scores[best] && firstAt[k] < firstAt[best]))) best = k
    }
    if (best < 0) return { topic: other, matched: [] }
    return { topic: topics[best], matched: matched[best] }
  }
}

/** Compiled classifiers by dictionary object, so that callers passing config each time compile once. */
const compiled = new WeakMap<object, { topics: readonly string[]; classify: TopicClassifier }>()

/** Compiles on first use for a given dictionary object and topic list, then reuses it. */
export function topicClassifierFor(keywords: Readonly<Record<string, readonly string[]>>, topics: readonly string[]): TopicClassifier {
  const cached = compiled.get(keywords)
  if (cached && sameList(cached.topics, topics)) return cached.classify
  const classify = compileTopicClassifier(keywords, topics)
  compiled.set(keywords, { topics, classify })
  return classify
}

export function classifyTopic(text: string, keywords: Readonly<Record<string, readonly string[]>>, topics: readonly string[]): TopicMatch {
  return topicClassifierFor(keywords, topics)(text)
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]))
}
