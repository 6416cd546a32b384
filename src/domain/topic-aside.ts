/**
 * A second issue in passing. Residents lead with what they write about and add another matter at the end
 * ("……电梯坏了一个月。另外物业的保安态度也很差"); read with the same weight, the aside's strong words (物业, 社保卡,
 * 广场舞) took the message to the aside's topic. The topic model reads the words from such a turn on at a tenth
 * of their weight, and a long aside after a short main issue at less: they still count when nothing else speaks,
 * but no longer outvote the main issue.
 */
import { normalizeText, type KeywordScores } from './topics.js'

/**
 * How much an n-gram or keyword of the aside counts against one of the main issue. Chosen with npm run topics:eval
 * (held out: 0.2 77.1%, 0.1 77.4%, 0.05 77.6%, two messages apart). Read at 0.2 however long the aside was,
 * "物业 不管 物业费照收" after "小区门口 路灯坏了" took a streetlight to 物业管理.
 */
export const ASIDE_WEIGHT = 0.1

/**
 * The weight of each of the aside's n-grams the model knows, given how many of the main issue's it knows: ASIDE_WEIGHT,
 * less when the aside has more of them, so that the aside as a whole never weighs more than ASIDE_WEIGHT of the main
 * issue. A short main issue ("路灯坏了", three known n-grams) is what residents write most plainly; a long aside
 * after it must not outvote it by its length.
 */
export function asideGramWeight(mainGrams: number, asideGrams: number): number {
  return mainGrams > 0 && asideGrams > mainGrams ? (ASIDE_WEIGHT * mainGrams) / asideGrams : ASIDE_WEIGHT
}

/**
 * A run of letters and digits, after punctuation or a space, that opens an aside. Read in the text as typed:
 * normalizeText drops spaces, and residents who type without punctuation mark their turns with spaces only
 * ("小区门口 路灯坏了 另外 物业 不管").
 */
const ASIDE_OPENING = /(?<=[^\p{L}\p{N}])(?=另外|顺便|对了|还有|此外|再就是)/gu
const LETTERS = /[\p{L}\p{N}]/gu
/** Fewer letters than this before the turn are a greeting ("您好，还有个事"), not a main issue, unless they name a matter. */
const MIN_MAIN = 6

/**
 * Where the aside of a message starts, as an index into normalizeText(text): the first run after punctuation or a
 * space that opens with 另外, 顺便, 对了, 还有, 此外 or 再就是, after a main issue: MIN_MAIN letters at least, or fewer
 * that name a matter of the dictionaries (`keywordScores` given: "路灯不亮了 另外 物业 不管" leads with the
 * streetlight in five letters). A greeting names none ("您好，还有个事想问", "代表您好 另外…" open with their subject),
 * nor does nothing at all ("另外物业不管" is a main issue). The normalised text's length when there is no aside.
 * The model reads the two parts apart, so no n-gram spans the cut.
 */
export function asideStart(text: string, keywordScores?: (normalized: string) => KeywordScores): number {
  for (const m of text.matchAll(ASIDE_OPENING)) {
    // normalizeText maps character by character, so the prefix's normal form is where the cut falls in the whole's.
    const before = normalizeText(text.slice(0, m.index))
    const letters = before.match(LETTERS)?.length ?? 0
    if (letters >= MIN_MAIN || (letters > 0 && keywordScores && namesAMatter(keywordScores(before)))) return before.length
  }
  return normalizeText(text).length
}

/**
 * Whether a keyword of what is wrong was found: any topic scoring above a weak keyword's 1 (~老人 names who, not what;
 * the shortest keyword of what weighs 4).
 */
function namesAMatter(kw: KeywordScores): boolean {
  return kw.scores.some((s) => s > 1)
}

/** The keywords of the main part and of the aside (which starts at `cut`), the aside's weighing ASIDE_WEIGHT; the main part's first. */
export function withAside(main: KeywordScores, aside: KeywordScores, cut: number): KeywordScores {
  return {
    scores: main.scores.map((s, k) => s + ASIDE_WEIGHT * aside.scores[k]),
    firstAt: main.firstAt.map((at, k) => (at < Infinity ? at : aside.firstAt[k] + cut)),
    matched: main.matched.map((m, k) => [...m, ...aside.matched[k]]),
  }
}
