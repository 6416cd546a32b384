/**
 * The grouping behind 热点问题, fast enough for a province's month (some 40,000 messages in one
 * request). It gives exactly the groups of comparing every message with every earlier one of its
 * place by bigram Dice (similarity.ts issueText: without the words that say only where): a message
 * joins the first group, in the order groups were started, that is about the same thing (see
 * groupMessages) and holds a message alike enough; else it starts one. Instead of comparing pairs, it
 * finds a message's alike predecessors through an inverted index of bigrams, counting shared bigrams
 * as integers; messages whose cleaned texts are equal are one entry, alike to the same messages. Typed
 * arrays reused from place to place: a province has thousands of places with a few messages each.
 */
import { objectsDisagree, objectsNamed } from './complaint-objects.js'
import { issueText } from './similarity.js'

/**
 * Messages the classifier put under different topics must share far more to be the same problem:
 * at least this, or the threshold when it is higher.
 */
export const ACROSS_TOPICS = 0.4

/**
 * A thing named by both messages (电梯, 路灯: complaint-objects.ts) counts as this many pairs of characters shared.
 * Residents say one broken lamp in words that share little (前的路灯坏了一个多月，晚上老人出门很不方便 and 路灯不亮，
 * 晚上路很黑: two pairs), while the thing itself says most of what the problem is. Counted into Dice as pairs are,
 * so a bar keeps its meaning (1 is still the same words about the same things).
 */
export const THING_WEIGHT = 4

/**
 * Texts by number, as sorted distinct bigram ids, with the things each names (complaint-objects.ts): texts that
 * clean alike (issueText) and name the same things get one number.
 */
export class BigramTable {
  private readonly byText = new Map<string, number>()
  private readonly byCleaned = new Map<string, number>()
  private readonly gramIds = new Map<number, number>()
  readonly grams: Int32Array[] = []
  /** The things each text names, as bits (complaint-objects.ts), by the text's number. */
  readonly objects: number[] = []

  textId(text: string): number {
    let id = this.byText.get(text)
    if (id !== undefined) return id
    const cleaned = issueText(text)
    const objects = objectsNamed(text)
    // A place's words taken out may take a thing's with them (公交12路 is a bus route): the things are read from the
    // whole text, and two texts cleaning alike are one entry only when they name the same things.
    const key = `${objects}:${cleaned}`
    id = this.byCleaned.get(key)
    if (id === undefined) {
      id = this.grams.push(this.intern(cleaned, objects)) - 1
      this.objects.push(objects)
      this.byCleaned.set(key, id)
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

  // Bigrams of the cleaned text (similarity.ts issueText): pairs of code points (a lone one stands for itself),
  // keyed as numbers (a pair fits in 42 bits; a lone code point is negative so it never equals a pair), and
  // THING_WEIGHT made-up ones per thing named (negative, below any code point).
  private intern(cleaned: string, objects: number): Int32Array {
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
    for (let kind = 0; kind < 31; kind++) if (objects & (1 << kind)) for (let w = 0; w < THING_WEIGHT; w++) keys.push(-(0x110001 + kind * THING_WEIGHT + w))
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
 *
 * A group is about a thing once one of its messages names one (电梯, 路灯: complaint-objects.ts), and about
 * fewer things as messages naming fewer join it (路灯和电梯都坏了, then 路灯不亮: 路灯). A message naming a thing
 * joins only a group about that thing or about none yet: however alike the words, a lift does not join the
 * street lights, not even through a message naming nothing that is alike to both (晚上很黑，坏了好几天).
 */
export function groupMessages(table: BigramTable, m: MessagesToGroup, threshold: number): { groupOf: Int32Array; groups: number } {
  const n = m.texts.length
  const acrossTopics = Math.max(threshold, ACROSS_TOPICS)
  // The messages place by place, each place's in time order (a counting sort).
  const start = new Int32Array(m.placeCount + 1)
  for (let i = 0; i < n; i++) start[m.places[i] + 1]++
  for (let p = 0; p < m.placeCount; p++) start[p + 1] += start[p]
  const order = new Int32Array(n)
  const fill = start.slice(0, m.placeCount)
  for (let i = 0; i < n; i++) order[fill[m.places[i]]++] = i

  const groupOf = new Int32Array(n)
  // The things each group is about (bits, 0: none yet).
  const groupObjects = new Int32Array(n)
  let groups = 0
  // A place's entries (distinct texts): the text, and the groups holding it, each with the topic of a message
  // that put it there (a linked list of (group, topic) in flat arrays: nearly always one).
  const entryOfText = new Int32Array(table.grams.length).fill(-1)
  const entryText = new Int32Array(n)
  const entryMembers = new Int32Array(n)
  const memberGroup = new Int32Array(n)
  const memberTopic = new Int32Array(n)
  const memberNext = new Int32Array(n)
  const shared = new Int32Array(n)
  const touched = new Int32Array(n)
  // The inverted index, bigram → entries, as linked lists in flat arrays.
  const head = new Int32Array(table.gramCount).fill(-1)
  let postings = 0
  let nodeEntry = new Int32Array(1024)
  let nodeNext = new Int32Array(1024)
  // With a threshold at or below 0 every message of a topic is alike to every other of that topic,
  // bigrams shared or not (across topics the bar never falls below ACROSS_TOPICS): the groups holding
  // a message of each topic, as linked lists (only then).
  const everyAlike = threshold <= 0
  const topicHead = new Int32Array(m.topicCount)
  const topicGroup = new Int32Array(everyAlike ? n : 0)
  const topicNext = new Int32Array(everyAlike ? n : 0)

  for (let p = 0; p < m.placeCount; p++) {
    let entries = 0
    let members = 0
    let topicNodes = 0
    postings = 0
    topicHead.fill(-1)
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k]
      const mine = table.grams[m.texts[i]]
      const objects = table.objects[m.texts[i]]
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
        if (alike < threshold) continue
        const anyTopic = alike >= acrossTopics
        for (let node = entryMembers[e]; node >= 0; node = memberNext[node]) {
          const g = memberGroup[node]
          if ((home < 0 || g < home) && (anyTopic || memberTopic[node] === topic) && !objectsDisagree(objects, groupObjects[g])) home = g
        }
      }
      if (everyAlike)
        for (let node = topicHead[topic]; node >= 0; node = topicNext[node]) {
          const g = topicGroup[node]
          if ((home < 0 || g < home) && !objectsDisagree(objects, groupObjects[g])) home = g
        }
      if (home < 0) groupObjects[(home = groups++)] = objects
      else if (objects !== 0) groupObjects[home] = groupObjects[home] === 0 ? objects : groupObjects[home] & objects
      groupOf[i] = home

      let e = entryOfText[m.texts[i]]
      if (e < 0) {
        e = entryOfText[m.texts[i]] = entries++
        entryText[e] = m.texts[i]
        entryMembers[e] = -1
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
      }
      let known = false
      for (let node = entryMembers[e]; node >= 0 && !known; node = memberNext[node]) known = memberGroup[node] === home && memberTopic[node] === topic
      if (!known) {
        memberGroup[members] = home
        memberTopic[members] = topic
        memberNext[members] = entryMembers[e]
        entryMembers[e] = members++
      }
      if (everyAlike) {
        let listed = false
        for (let node = topicHead[topic]; node >= 0 && !listed; node = topicNext[node]) listed = topicGroup[node] === home
        if (!listed) {
          topicGroup[topicNodes] = home
          topicNext[topicNodes] = topicHead[topic]
          topicHead[topic] = topicNodes++
        }
      }
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
