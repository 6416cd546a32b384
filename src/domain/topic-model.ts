/**
 * Topics learned from labelled messages: multinomial naive Bayes over character n-grams
 * (1–3, each counted once per message), with the keyword dictionaries kept as a prior
 * (config/topic-keywords.json: a keyword found adds to its topic's score). A second issue in
 * passing ("另外…") is read at a tenth of its weight, or less (topic-aside.ts). Pure: training
 * turns examples into counts, compiling turns counts into a classifier.
 *
 * Counts are additive, so an office's model is the corpus's counts plus the counts of its
 * staff's corrections; compiling it reuses the corpus's table and only overlays the
 * n-grams the corrections touched (a few hundred), so each office costs kilobytes.
 *
 * Hand-written rather than a library (wink-naive-bayes-text-classifier, natural): staff
 * are shown which n-grams decided, and offices add their counts to one shared table; the
 * libraries expose neither.
 */
import { GramIndex } from './gram-index.js'
import { asideGramWeight, asideStart, withAside } from './topic-aside.js'
import { reasons, type KnownGram } from './topic-reasons.js'
import { compileNormalizedKeywordScorer, fallbackTopic, normalizeText, type TopicMatch } from './topics.js'

export interface TopicExample {
  text: string
  topic: string
  /** How many messages this one counts for (a staff correction counts for several). Default 1. */
  weight?: number
}

/** What training learns: per n-gram, how many messages of each topic contain it. */
export interface TopicCounts {
  topics: readonly string[]
  grams: Map<string, Float64Array>
  /** Per topic: messages (weighted). */
  docs: Float64Array
  /** Per topic: the sum of its n-gram counts. */
  total: Float64Array
}

export interface TopicModelOptions {
  /** How much the dictionaries weigh against the learned n-grams (0: not at all). */
  keywordWeight: number
  /** Below this confidence, with no keyword of the winner found, the message is 其他. */
  minConfidence: number
}

export const DEFAULT_MODEL_OPTIONS: TopicModelOptions = { keywordWeight: 1, minConfidence: 0.2 }

/** Additive (Laplace) smoothing of n-gram counts. */
const ALPHA = 0.5
/** Sharpness of the confidence: scores (average log-likelihood per n-gram plus the keyword prior) differ by tenths to units. */
const CONFIDENCE_SCALE = 3

/** What splits a normalised message into runs of letters and digits. */
const RUN_BREAK = /[^\p{L}\p{N}]+/u

/**
 * The n-grams of a message: 1 to 3 characters within runs of letters and digits
 * (punctuation and spaces break runs), each once.
 */
export function textGrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const run of normalizeText(text).split(RUN_BREAK)) {
    for (let i = 0; i < run.length; i++) {
      out.add(run[i])
      if (i + 2 <= run.length) out.add(run.slice(i, i + 2))
      if (i + 3 <= run.length) out.add(run.slice(i, i + 3))
    }
  }
  return out
}

/** Counts the examples; those labelled with a topic outside the list are skipped. */
export function countTopics(examples: readonly TopicExample[], topics: readonly string[]): TopicCounts {
  const index = new Map(topics.map((t, i) => [t, i]))
  const grams = new Map<string, Float64Array>()
  const docs = new Float64Array(topics.length)
  const total = new Float64Array(topics.length)
  for (const example of examples) {
    const k = index.get(example.topic)
    if (k === undefined) continue
    const w = example.weight ?? 1
    docs[k] += w
    for (const g of textGrams(example.text)) {
      let row = grams.get(g)
      if (!row) grams.set(g, (row = new Float64Array(topics.length)))
      row[k] += w
      total[k] += w
    }
  }
  return { topics, grams, docs, total }
}

/**
 * Keeps the n-grams that say something about the topic: seen in at least `min` messages,
 * and with at least `minShare` of them (per topic, evened out by topic size) in one topic.
 * Place names, greetings and "望相关部门尽快处理" are spread over every topic: left in,
 * they decide by chance between topics that happen to share a street name.
 */
export function pruneRare(counts: TopicCounts, min: number, minShare = 0): TopicCounts {
  const grams = new Map<string, Float64Array>()
  const total = new Float64Array(counts.topics.length)
  const size = Array.from(counts.docs, (d) => Math.max(d, 1))
  for (const [g, row] of counts.grams) {
    let sum = 0
    let rateSum = 0
    let rateMax = 0
    row.forEach((c, k) => {
      sum += c
      rateSum += c / size[k]
      rateMax = Math.max(rateMax, c / size[k])
    })
    if (sum < min || rateMax < minShare * rateSum) continue
    grams.set(g, row)
    row.forEach((c, k) => (total[k] += c))
  }
  return { topics: counts.topics, grams, docs: counts.docs, total }
}

/**
 * Counts as flat tables: the n-grams in a list and their counts row by row in one array
 * (`counts[row * topics.length + k]`). What the cache file holds, and what compiling reads.
 */
export interface FlatCounts {
  topics: readonly string[]
  docs: ArrayLike<number>
  total: ArrayLike<number>
  grams: readonly string[]
  counts: ArrayLike<number>
}

export function flattenCounts(counts: TopicCounts): FlatCounts {
  const K = counts.topics.length
  const flat = new Float64Array(counts.grams.size * K)
  let row = 0
  for (const values of counts.grams.values()) flat.set(values, K * row++)
  return { topics: counts.topics, docs: counts.docs, total: counts.total, grams: [...counts.grams.keys()], counts: flat }
}

/**
 * The corpus's counts and log-probability numerators, computed once and shared by every
 * office's model. One table of all rows, not one array per n-gram: a corpus of ~25,000
 * n-grams is then built in milliseconds at start, not in a few hundred.
 */
export interface PreparedCounts {
  topics: readonly string[]
  docs: Float64Array
  total: Float64Array
  /** The n-grams, each one's row in the tables below its place here. */
  grams: readonly string[]
  /** The same n-grams, found by their characters (see gram-index.ts). */
  index: GramIndex
  counts: Float64Array
  logNum: Float64Array
}

export function prepareCounts(from: TopicCounts | FlatCounts): PreparedCounts {
  const flat = from.grams instanceof Map ? flattenCounts(from as TopicCounts) : (from as FlatCounts)
  const counts = Float64Array.from(flat.counts)
  const logNum = counts.map((c) => Math.log(c + ALPHA))
  const grams = flat.grams
  return { topics: flat.topics, docs: Float64Array.from(flat.docs), total: Float64Array.from(flat.total), grams, index: new GramIndex(grams), counts, logNum }
}

export interface TopicDecision extends TopicMatch {
  /** The winner's share of the probability, 0–1. */
  confidence: number
}

/**
 * A classifier from the corpus's counts, plus an office's own counts when given, with the
 * dictionaries as a prior. `matched` lists what decided: the winner's keywords found, then
 * the n-grams that most favoured it over the runner-up.
 */
export function compileTopicModel(
  base: PreparedCounts,
  extra: TopicCounts | null,
  keywords: Readonly<Record<string, readonly string[]>>,
  options: TopicModelOptions = DEFAULT_MODEL_OPTIONS,
): (text: string) => TopicDecision {
  const { topics, index: baseIndex, logNum } = base
  const K = topics.length
  const docs = base.docs.slice()
  const total = base.total.slice()
  // The office's own n-grams: their numerators row by row, found through their own index.
  const overlayGrams: string[] = []
  let overlayNum = new Float64Array(0)
  let vocabulary = base.grams.length
  if (extra) {
    if (extra.topics.join() !== topics.join()) throw new Error('counts of different topic lists')
    extra.docs.forEach((d, k) => (docs[k] += d))
    extra.total.forEach((t, k) => (total[k] += t))
    overlayNum = new Float64Array(extra.grams.size * K)
    for (const [g, row] of extra.grams) {
      const before = baseIndex.find(g)
      if (before < 0) vocabulary++
      const at = overlayGrams.push(g) * K - K
      row.forEach((c, k) => (overlayNum[at + k] = Math.log(c + (before < 0 ? 0 : base.counts[before * K + k]) + ALPHA)))
    }
  }
  const overlayIndex = overlayGrams.length ? new GramIndex(overlayGrams) : null
  const allDocs = docs.reduce((a, b) => a + b, 0)
  const logPrior = Array.from(docs, (d) => Math.log((d + 1) / (allDocs + K)))
  const logDen = Array.from(total, (t) => Math.log(t + ALPHA * vocabulary))
  const keywordScores = compileNormalizedKeywordScorer(keywords, topics)
  const other = fallbackTopic(topics)
  const otherIndex = topics.indexOf(other)
  // Which rows this message has already counted (each n-gram counts once): stamped with the call's number, never cleared.
  const baseSeen = new Uint32Array(base.grams.length)
  const overlaySeen = new Uint32Array(overlayGrams.length)
  let stamp = 0

  return (text: string): TopicDecision => {
    if (++stamp === 0xffffffff) {
      baseSeen.fill(0)
      overlaySeen.fill(0)
      stamp = 1
    }
    const grams: KnownGram[] = []
    // The first `mainGrams` are the main issue's, the rest a second issue's in passing (topic-aside.ts).
    let mainGrams = 0
    // The n-grams of textGrams, in its order: at each character of a run, its 1-, 2- and 3-gram.
    const normalized = normalizeText(text)
    const cut = asideStart(text, keywordScores)
    const parts = cut < normalized.length ? [normalized.slice(0, cut), normalized.slice(cut)] : [normalized]
    for (let part = 0; part < parts.length; part++) {
      if (part) mainGrams = grams.length
      for (const run of parts[part].split(RUN_BREAK)) {
        for (let i = 0; i < run.length; i++) {
          const c1 = run.charCodeAt(i)
          const c2 = i + 1 < run.length ? run.charCodeAt(i + 1) : 0
          const c3 = i + 2 < run.length ? run.charCodeAt(i + 2) : 0
          for (let end = i + 1; end <= i + 3 && end <= run.length; end++) {
            const b = end === i + 1 ? 0 : c2
            const c = end === i + 3 ? c3 : 0
            // The office's counts of an n-gram replace the corpus's (they include them).
            const own = overlayIndex ? overlayIndex.rowOf(c1, b, c) : -1
            if (own >= 0) {
              if (overlaySeen[own] === stamp) continue
              overlaySeen[own] = stamp
              grams.push({ run, start: i, end, table: overlayNum, at: own * K })
              continue
            }
            const row = baseIndex.rowOf(c1, b, c)
            if (row < 0 || baseSeen[row] === stamp) continue
            baseSeen[row] = stamp
            grams.push({ run, start: i, end, table: logNum, at: row * K })
          }
        }
      }
    }
    if (parts.length === 1) mainGrams = grams.length
    const asideWeight = asideGramWeight(mainGrams, grams.length - mainGrams)
    const kw = parts.length > 1 ? withAside(keywordScores(parts[0]), keywordScores(parts[1]), cut) : keywordScores(normalized)
    // The n-grams' weight: their number when the message has no aside.
    let n = 0
    const score = new Float64Array(K)
    // Row by row: each n-gram's numbers sit together in memory.
    for (let g = 0; g < grams.length; g++) {
      const { table, at } = grams[g]
      const w = g < mainGrams ? 1 : asideWeight
      n += w
      for (let k = 0; k < K; k++) score[k] += w * table[at + k]
    }
    for (let k = 0; k < K; k++) {
      // Per n-gram, so that the prior weighs the same in a short message and a long one.
      score[k] = n ? (score[k] - n * logDen[k] + logPrior[k]) / n : logPrior[k]
      score[k] += options.keywordWeight * Math.log1p(kw.scores[k])
    }
    let best = 0
    let second = -1
    for (let k = 1; k < K; k++) {
      if (score[k] > score[best]) {
        second = best
        best = k
      } else if (second < 0 || score[k] > score[second]) second = k
    }
    let sum = 0
    for (let k = 0; k < K; k++) sum += Math.exp(CONFIDENCE_SCALE * (score[k] - score[best]))
    const confidence = 1 / sum
    // Nothing known in the text, or too little to go on, and no keyword of the winner: not worth a guess.
    const unsure = (confidence < options.minConfidence || !grams.length) && kw.scores[best] === 0
    const matched = best === otherIndex || unsure ? [] : reasons(grams, best, second, kw.matched[best], normalized)
    // No keyword and no n-gram several times likelier under the winner: a lean, not a reason
    // anyone could be shown ("找吴刚代表" leaning to 交通出行 on a single character).
    if (!matched.length) return { topic: other, matched: [], confidence: best === otherIndex ? confidence : 1 - confidence }
    return { topic: topics[best], matched, confidence }
  }
}
