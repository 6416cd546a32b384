/**
 * A second issue in passing. Residents lead with what they write about and add another matter at the end
 * ("……电梯坏了一个月。另外物业的保安态度也很差"); read with the same weight, the aside's strong words (物业, 社保卡,
 * 广场舞) took the message to the aside's topic. The topic model reads the words from such a turn on at a fifth
 * of their weight: they still count when nothing else speaks, but no longer outvote the main issue.
 */
import type { KeywordScores } from './topics.js'

/** How much an n-gram or keyword of the aside counts against one of the main issue. Chosen with npm run topics:eval. */
export const ASIDE_WEIGHT = 0.2

/** A run of letters and digits, after punctuation (normalizeText drops spaces), that opens an aside. */
const ASIDE_OPENING = /(?<=[^\p{L}\p{N}])(?=另外|顺便|对了|还有|此外|再就是)/gu
const LETTERS = /[\p{L}\p{N}]/gu
/** Fewer letters than this before the turn are a greeting ("您好，还有个事"), not a main issue. */
const MIN_MAIN = 6

/**
 * Where the aside starts in a normalised message (see normalizeText): the first run after a break that opens
 * with 另外, 顺便, 对了, 还有, 此外 or 再就是, after a main issue of MIN_MAIN letters at least ("还有个事想问" and
 * "您好，还有个事" open with their subject); the text's length when there is none. Always at the start of a run, so
 * no n-gram spans the cut.
 */
export function asideStart(normalized: string): number {
  for (const m of normalized.matchAll(ASIDE_OPENING)) {
    const before = normalized.slice(0, m.index).match(LETTERS)?.length ?? 0
    if (before >= MIN_MAIN) return m.index
  }
  return normalized.length
}

/** The keywords of the main part and of the aside (which starts at `cut`), the aside's weighing ASIDE_WEIGHT; the main part's first. */
export function withAside(main: KeywordScores, aside: KeywordScores, cut: number): KeywordScores {
  return {
    scores: main.scores.map((s, k) => s + ASIDE_WEIGHT * aside.scores[k]),
    firstAt: main.firstAt.map((at, k) => (at < Infinity ? at : aside.firstAt[k] + cut)),
    matched: main.matched.map((m, k) => [...m, ...aside.matched[k]]),
  }
}
