/**
 * The grouping behind 热点问题, fast enough for a province's month (tens of thousands of
 * messages in one request). It gives exactly the groups of comparing every message with every
 * earlier one by bigram Dice (similarity.ts): a message joins the first group, in the order
 * groups were started, holding a message alike enough; else it starts a group. Instead of
 * comparing pairs, it finds each message's alike predecessors through an inverted index of
 * bigrams, counting shared bigrams as integers; messages with the same cleaned text are one
 * entry, since they are alike to the same messages.
 */
import { cleanText } from './similarity.js'

/** Bigrams, interned as small integers: a text's are sorted and distinct. */
export class BigramTable {
  private readonly byText = new Map<string, Int32Array>()
  private readonly byCleaned = new Map<string, Int32Array>()
  private readonly ids = new Map<number, number>()

  /** The bigram ids of a text; texts that clean alike share one array (it is their identity below). */
  gramsOf(text: string): Int32Array {
    let grams = this.byText.get(text)
    if (grams) return grams
    const cleaned = cleanText(text)
    grams = this.byCleaned.get(cleaned)
    if (!grams) {
      grams = this.intern(cleaned)
      this.byCleaned.set(cleaned, grams)
    }
    this.byText.set(text, grams)
    return grams
  }

  // The same bigrams as similarity.ts `bigrams`: pairs of code points (a lone one stands for itself),
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
    keys.forEach((key, k) => {
      let id = this.ids.get(key)
      if (id === undefined) this.ids.set(key, (id = this.ids.size))
      out[k] = id
    })
    out.sort()
    let distinct = 0
    for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[distinct++] = out[k]
    return out.slice(0, distinct)
  }
}

/** How many ids two sorted, distinct id arrays share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) (shared++, i++, j++)
    else if (a[i] < b[j]) i++
    else j++
  }
  return shared
}

/** Bigram Dice, as similarity.ts computes it (the very same float). */
export function gramSimilarity(a: Int32Array, b: Int32Array): number {
  if (!a.length || !b.length) return 0
  return (2 * sharedCount(a, b)) / (a.length + b.length)
}

/**
 * Messages the classifier put under different topics must share far more to be the same problem:
 * at least this, or the threshold when it is higher.
 */
export const ACROSS_TOPICS = 0.4

/** One place's messages, in time order, as groups of their positions. */
export function clusterMessages(grams: readonly Int32Array[], topics: readonly string[], threshold: number): number[][] {
  const sameTopicBar = threshold
  const acrossTopicsBar = Math.max(threshold, ACROSS_TOPICS)
  const groups: number[][] = []
  // One entry per distinct text: its bigrams, and the earliest group holding it (overall and per topic).
  const entryOf = new Map<Int32Array, number>()
  const entryGrams: Int32Array[] = []
  const entryFirstGroup: number[] = []
  const entryFirstGroupByTopic: Array<Map<string, number>> = []
  const postings = new Map<number, number[]>()
  // With a threshold at or below 0 every message of a topic is alike to every other of that topic, bigrams
  // shared or not (across topics the bar is never below ACROSS_TOPICS).
  const firstGroupOfTopic = new Map<string, number>()
  const shared: number[] = []
  const touched: number[] = []
  for (let m = 0; m < grams.length; m++) {
    const mine = grams[m]
    const topic = topics[m]
    let home = Infinity
    for (let k = 0; k < mine.length; k++) {
      const list = postings.get(mine[k])
      if (list) for (const e of list) if (shared[e]++ === 0) touched.push(e)
    }
    for (const e of touched) {
      const alike = (2 * shared[e]) / (mine.length + entryGrams[e].length)
      shared[e] = 0
      if (alike >= acrossTopicsBar) home = Math.min(home, entryFirstGroup[e])
      else if (alike >= sameTopicBar) home = Math.min(home, entryFirstGroupByTopic[e].get(topic) ?? Infinity)
    }
    touched.length = 0
    if (sameTopicBar <= 0) home = Math.min(home, firstGroupOfTopic.get(topic) ?? Infinity)
    if (home === Infinity) groups.push([])
    const group = home === Infinity ? groups.length - 1 : home
    groups[group].push(m)

    let e = entryOf.get(mine)
    if (e === undefined) {
      e = entryGrams.length
      entryOf.set(mine, e)
      entryGrams.push(mine)
      entryFirstGroup.push(group)
      entryFirstGroupByTopic.push(new Map())
      shared.push(0)
      for (let k = 0; k < mine.length; k++) {
        const list = postings.get(mine[k])
        if (list) list.push(e)
        else postings.set(mine[k], [e])
      }
    } else entryFirstGroup[e] = Math.min(entryFirstGroup[e], group)
    const byTopic = entryFirstGroupByTopic[e]
    byTopic.set(topic, Math.min(byTopic.get(topic) ?? Infinity, group))
    firstGroupOfTopic.set(topic, Math.min(firstGroupOfTopic.get(topic) ?? Infinity, group))
  }
  return groups
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
