/**
 * The topic model's classifier as it was before it read n-grams through a character index
 * (kept verbatim as the oracle of topic-model-equivalence.test.ts): every n-gram of the
 * message as a string, each looked up in the corpus's map and the office's overlay. Where a second issue in passing
 * starts is a rule of reading, shared with the model (topic-aside.ts); its weighing is done here again.
 */
import {
  DEFAULT_MODEL_OPTIONS,
  textGrams,
  type PreparedCounts,
  type TopicCounts,
  type TopicDecision,
  type TopicModelOptions,
} from '../../src/domain/topic-model.js'
import { asideGramWeight, asideStart, withAside } from '../../src/domain/topic-aside.js'
import { compileKeywordScorer, fallbackTopic } from '../../src/domain/topics.js'
// Which n-grams read as words is a rule of what staff are shown, not of the lookup this oracle checks: shared.
import { MessageWords, wholeWord, wordsAround } from '../../src/domain/topic-reasons.js'
import { normalizeText } from '../../src/domain/topics.js'

const ALPHA = 0.5
const CONFIDENCE_SCALE = 3
const MAX_REASONS = 5
const MAX_GRAM_REASONS = 3

export function referenceTopicModel(
  base: PreparedCounts,
  extra: TopicCounts | null,
  keywords: Readonly<Record<string, readonly string[]>>,
  options: TopicModelOptions = DEFAULT_MODEL_OPTIONS,
): (text: string) => TopicDecision {
  const { topics, logNum } = base
  const rowOf = new Map<string, number>()
  base.grams.forEach((g, row) => rowOf.set(g, row))
  const K = topics.length
  const docs = base.docs.slice()
  const total = base.total.slice()
  const overlay = new Map<string, Float64Array>()
  let vocabulary = rowOf.size
  if (extra) {
    if (extra.topics.join() !== topics.join()) throw new Error('counts of different topic lists')
    extra.docs.forEach((d, k) => (docs[k] += d))
    extra.total.forEach((t, k) => (total[k] += t))
    for (const [g, row] of extra.grams) {
      const before = rowOf.get(g)
      if (before === undefined) vocabulary++
      overlay.set(
        g,
        row.map((c, k) => Math.log(c + (before === undefined ? 0 : base.counts[before * K + k]) + ALPHA)),
      )
    }
  }
  const allDocs = docs.reduce((a, b) => a + b, 0)
  const logPrior = Array.from(docs, (d) => Math.log((d + 1) / (allDocs + K)))
  const logDen = Array.from(total, (t) => Math.log(t + ALPHA * vocabulary))
  const keywordScores = compileKeywordScorer(keywords, topics)
  const other = fallbackTopic(topics)
  const otherIndex = topics.indexOf(other)

  return (text: string): TopicDecision => {
    const grams: KnownGram[] = []
    const normalized = normalizeText(text)
    const cut = asideStart(text, keywordScores)
    const parts = cut < normalized.length ? [normalized.slice(0, cut), normalized.slice(cut)] : [normalized]
    const seen = new Set<string>()
    parts.forEach((part, p) => {
      for (const g of textGrams(part)) {
        if (seen.has(g)) continue
        seen.add(g)
        const aside = p > 0
        const own = overlay.get(g)
        if (own) grams.push({ gram: g, table: own, at: 0, aside })
        else {
          const row = rowOf.get(g)
          if (row !== undefined) grams.push({ gram: g, table: logNum, at: row * K, aside })
        }
      }
    })
    const kw = parts.length > 1 ? withAside(keywordScores(parts[0]), keywordScores(parts[1]), cut) : keywordScores(text)
    const mainGrams = grams.filter((g) => !g.aside).length
    const asideWeight = asideGramWeight(mainGrams, grams.length - mainGrams)
    let n = 0
    const score = new Float64Array(K)
    for (const { table, at, aside } of grams) {
      const weight = aside ? asideWeight : 1
      n += weight
      for (let k = 0; k < K; k++) score[k] += weight * table[at + k]
    }
    for (let k = 0; k < K; k++) {
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
    const unsure = (confidence < options.minConfidence || !grams.length) && kw.scores[best] === 0
    const matched = best === otherIndex || unsure ? [] : reasons(grams, best, second, kw.matched[best], normalizeText(text))
    if (!matched.length) return { topic: other, matched: [], confidence: best === otherIndex ? confidence : 1 - confidence }
    return { topic: topics[best], matched, confidence }
  }
}

interface KnownGram {
  gram: string
  table: Float64Array
  at: number
  aside: boolean
}

function reasons(grams: KnownGram[], best: number, second: number, keywords: readonly string[], normalized: string): string[] {
  const out = [...new Set(keywords)]
  const ranked = grams
    .filter(({ gram }) => gram.length > 1)
    .map(({ gram, table, at }) => [gram, table[at + best] - (second >= 0 ? table[at + second] : 0)] as const)
    .filter(([, lift]) => lift >= 2)
    .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
  let shown = 0
  for (const [g] of ranked) {
    if (out.length >= MAX_REASONS || shown >= MAX_GRAM_REASONS) break
    if (!wholeWord(g, out) || !new MessageWords(normalized).holds(g)) continue
    out.push(g)
    shown++
  }
  if (!out.length && ranked.length) out.push(wordsAround(normalized, ranked[0][0]))
  return out
}
