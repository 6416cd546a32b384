/**
 * The grouping behind 热点问题, fast enough for a province's month (some 40,000 messages in one
 * request). It gives exactly the groups of comparing every message with every earlier one of its
 * place by bigram Dice (similarity.ts): a message joins the first group, in the order groups were
 * started, holding a message alike enough; else it starts one. Instead of comparing pairs, it finds
 * a message's alike predecessors through an inverted index of bigrams, counting shared bigrams as
 * integers; messages whose cleaned texts are equal are one entry, alike to the same messages. Typed
 * arrays reused from place to place: a province has thousands of places with a few messages each.
 */
import { cleanText } from './similarity.js'

/**
 * Messages the classifier put under different topics must share far more to be the same problem:
 * at least this, or the threshold when it is higher.
 */
export const ACROSS_TOPICS = 0.4

/** Texts by number, as sorted distinct bigram ids: texts that clean alike get one number. */
export class BigramTable {
  private readonly byText = new Map<string, number>()
  private readonly byCleaned = new Map<string, number>()
  private readonly gramIds = new Map<number, number>()
  readonly grams: Int32Array[] = []

  textId(text: string): number {
    let id = this.byText.get(text)
    if (id !== undefined) return id
    const cleaned = cleanText(text)
    id = this.byCleaned.get(cleaned)
    if (id === undefined) {
      id = this.grams.push(this.intern(cleaned)) - 1
      this.byCleaned.set(cleaned, id)
    }
    this.byText.set(text, id)
    return id
  }

  /** How many texts it holds (a caller keeping one between calls starts afresh past a size). */
  get size() {
    return this.byText.size
  }

  /** How many distinct bigrams the texts so far hold. */
  get gramCount() {
    return this.gramIds.size
  }

  // Bigrams of the cleaned text (similarity.ts cleanText): pairs of code points (a lone one stands for itself),
  // keyed as numbers (a pair fits in 42 bits; a lone code point is negative so it never equals a pair).
  private intern(cleaned: string): Int32Array {
    const keys: number[] = []
    let previous = -1
    let count = 0
    for (let i = 0; i < cleaned.length; count++) {
      const cp = cleaned.codePointAt(i)!
      i += cp > 0xffff ? 2 : 1
      if (previous >= 0) keys.push(previous * 0x110000 + cp)
      previous = cp
    }
    if (count === 1) keys.push(-(previous + 1))
    const out = new Int32Array(keys.length)
    for (let k = 0; k < keys.length; k++) {
      let id = this.gramIds.get(keys[k])
      if (id === undefined) this.gramIds.set(keys[k], (id = this.gramIds.size))
      out[k] = id
    }
    out.sort()
    let distinct = 0
    for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[distinct++] = out[k]
    return out.slice(0, distinct)
  }
}

/** Bigram Dice, as similarity.ts computes it (the very same float). */
export function gramSimilarity(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) (shared++, i++, j++)
    else if (a[i] < b[j]) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}

export interface MessagesToGroup {
  /** Each message's text (a BigramTable number), topic and place (small integers), in time order. */
  texts: Int32Array
  topics: Int32Array
  places: Int32Array
  topicCount: number
  placeCount: number
}

/**
 * Each message's group. Groups are numbered place by place (places in the order of their first
 * message), and within a place in the order they were started.
 */
export function groupMessages(table: BigramTable, m: MessagesToGroup, threshold: number): { groupOf: Int32Array; groups: number } {
  const n = m.texts.length
  const T = m.topicCount
  const acrossTopics = Math.max(threshold, ACROSS_TOPICS)
  // The messages place by place, each place's in time order (a counting sort).
  const start = new Int32Array(m.placeCount + 1)
  for (let i = 0; i < n; i++) start[m.places[i] + 1]++
  for (let p = 0; p < m.placeCount; p++) start[p + 1] += start[p]
  const order = new Int32Array(n)
  const fill = start.slice(0, m.placeCount)
  for (let i = 0; i < n; i++) order[fill[m.places[i]]++] = i

  const groupOf = new Int32Array(n)
  let groups = 0
  // A place's entries (distinct texts): the text, the earliest group holding it, overall and per topic.
  const entryOfText = new Int32Array(table.grams.length).fill(-1)
  const entryText = new Int32Array(n)
  const entryFirstGroup = new Int32Array(n)
  const entryFirstGroupOfTopic = new Int32Array(n * T)
  const shared = new Int32Array(n)
  const touched = new Int32Array(n)
  // The inverted index, bigram → entries, as linked lists in flat arrays.
  const head = new Int32Array(table.gramCount).fill(-1)
  let postings = 0
  let nodeEntry = new Int32Array(1024)
  let nodeNext = new Int32Array(1024)
  // With a threshold at or below 0 every message of a topic is alike to every other of that topic,
  // bigrams shared or not (across topics the bar never falls below ACROSS_TOPICS).
  const firstGroupOfTopic = new Int32Array(T)

  for (let p = 0; p < m.placeCount; p++) {
    let entries = 0
    postings = 0
    firstGroupOfTopic.fill(-1)
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k]
      const mine = table.grams[m.texts[i]]
      const topic = m.topics[i]
      let home = -1
      let found = 0
      for (let b = 0; b < mine.length; b++)
        for (let node = head[mine[b]]; node >= 0; node = nodeNext[node]) {
          const e = nodeEntry[node]
          if (shared[e]++ === 0) touched[found++] = e
        }
      for (let t = 0; t < found; t++) {
        const e = touched[t]
        const alike = (2 * shared[e]) / (mine.length + table.grams[entryText[e]].length)
        shared[e] = 0
        const g = alike >= acrossTopics ? entryFirstGroup[e] : alike >= threshold ? entryFirstGroupOfTopic[e * T + topic] : -1
        if (g >= 0 && (home < 0 || g < home)) home = g
      }
      const g = threshold <= 0 ? firstGroupOfTopic[topic] : -1
      if (g >= 0 && (home < 0 || g < home)) home = g
      if (home < 0) home = groups++
      groupOf[i] = home

      let e = entryOfText[m.texts[i]]
      if (e < 0) {
        e = entryOfText[m.texts[i]] = entries++
        entryText[e] = m.texts[i]
        entryFirstGroup[e] = home
        entryFirstGroupOfTopic.fill(-1, e * T, e * T + T)
        if (postings + mine.length > nodeEntry.length) {
          const size = Math.max(2 * nodeEntry.length, postings + mine.length)
          nodeEntry = grown(nodeEntry, size)
          nodeNext = grown(nodeNext, size)
        }
        for (let b = 0; b < mine.length; b++) {
          nodeEntry[postings] = e
          nodeNext[postings] = head[mine[b]]
          head[mine[b]] = postings++
        }
      } else if (home < entryFirstGroup[e]) entryFirstGroup[e] = home
      const slot = e * T + topic
      if (entryFirstGroupOfTopic[slot] < 0 || home < entryFirstGroupOfTopic[slot]) entryFirstGroupOfTopic[slot] = home
      if (firstGroupOfTopic[topic] < 0 || home < firstGroupOfTopic[topic]) firstGroupOfTopic[topic] = home
    }
    // Clear what this place set, for the next.
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k]
      entryOfText[m.texts[i]] = -1
      const mine = table.grams[m.texts[i]]
      for (let b = 0; b < mine.length; b++) head[mine[b]] = -1
    }
  }
  return { groupOf, groups }
}

function grown(a: Int32Array, size: number) {
  const out = new Int32Array(size)
  out.set(a)
  return out
}

/**
 * The position (in `members`) of the message most alike to the rest of its group: the first of
 * the highest sums of Dice with every other member. Each sum is added up in the group's order as
 * before (floats: another order may round differently, and a near tie could then go the other
 * way); only the Dice of each pair of distinct texts is computed once.
 */
export function mostTypical(members: readonly Int32Array[]): number {
  const distinct = new Map<Int32Array, number>()
  const entry = members.map((g) => distinct.get(g) ?? distinct.set(g, distinct.size).get(g)!)
  const n = distinct.size
  const texts = [...distinct.keys()]
  const alike = new Float64Array(n * n)
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) alike[a * n + b] = alike[b * n + a] = gramSimilarity(texts[a], texts[b])
  let best = 0
  let bestScore = -1
  for (let m = 0; m < members.length; m++) {
    const row = entry[m] * n
    let score = 0
    for (let o = 0; o < members.length; o++) if (o !== m) score += alike[row + entry[o]]
    if (score > bestScore) [best, bestScore] = [m, score]
  }
  return best
}
