/** Why the topic model chose a topic, in words staff are shown. */

const MAX_REASONS = 5
/** Learned n-grams shown after the keywords. */
const MAX_GRAM_REASONS = 3

/**
 * Characters that carry grammar, not a subject: an n-gram that begins or ends with one is a piece
 * cut across words ("的人行", "申请了", "们这边"), which staff read as a broken word, not a reason.
 */
const FUNCTION_CHARS = new Set('的了在是着们吗呢吧啊呀也都很还和与及把被')
/** Besides those, what never ends a reason: a negation or a modal waits for the word it goes with ("钱退不", "两句就"). */
const NEVER_LAST = new Set('不可就')

/**
 * An n-gram of the message the model knows: `run.slice(start, end)`, cut out only when shown;
 * its numerators are `table[at + k]`, the office's own row or the corpus's.
 */
export interface KnownGram {
  run: string
  start: number
  end: number
  table: Float64Array
  at: number
}

/**
 * Whether an n-gram reads as a word of its own: two characters at least, no grammar at its edges,
 * and not the tail or head of a word already shown ("保局" beside "社保", "院护工" beside "医院").
 */
export function wholeWord(gram: string, shown: readonly string[] = []): boolean {
  if (gram.length < 2) return false
  if (FUNCTION_CHARS.has(gram[0]) || FUNCTION_CHARS.has(gram[gram.length - 1]) || NEVER_LAST.has(gram[gram.length - 1])) return false
  return !shown.some((w) => w.includes(gram) || gram.includes(w) || overlaps(w, gram) || overlaps(gram, w))
}

/** Whether the end of `a` is the start of `b` ("社保" and "保局"). */
function overlaps(a: string, b: string): boolean {
  for (let n = Math.min(a.length, b.length) - 1; n >= 1; n--) if (a.endsWith(b.slice(0, n))) return true
  return false
}

/** The winner's keywords, then the longest whole-word n-grams that most favoured it over the runner-up. */
export function reasons(grams: KnownGram[], best: number, second: number, keywords: readonly string[]): string[] {
  const out = [...new Set(keywords)]
  const ranked: Array<{ gram: KnownGram; lift: number }> = []
  for (const gram of grams) {
    if (gram.end - gram.start < 2) continue
    const lift = gram.table[gram.at + best] - (second >= 0 ? gram.table[gram.at + second] : 0)
    // Several times likelier under the winner: the n-grams a person would also call the reason.
    if (lift >= 2) ranked.push({ gram, lift })
  }
  ranked.sort((a, b) => b.lift - a.lift || b.gram.end - b.gram.start - (a.gram.end - a.gram.start))
  let shown = 0
  for (const { gram } of ranked) {
    if (out.length >= MAX_REASONS || shown >= MAX_GRAM_REASONS) break
    const g = gram.run.slice(gram.start, gram.end)
    if (!wholeWord(g, out)) continue
    out.push(g)
    shown++
  }
  // Whether there is a reason at all decides the topic (none: 其他), so which grams read as words must not:
  // with nothing else to show, the strongest piece is shown rather than the message moved to 其他.
  if (!out.length && ranked.length) out.push(ranked[0].gram.run.slice(ranked[0].gram.start, ranked[0].gram.end))
  return out
}
