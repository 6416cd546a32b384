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

/**
 * The words of a message (its normalised text), as a Chinese word segmenter reads them (ICU's dictionary, through
 * Intl.Segmenter): an n-gram shown as a reason must be whole words of it. The grammar rule of wholeWord alone let
 * through pieces cut across two words: 天晚上 (每天|晚上), 到十 (放到|十点), 区外 (社区|外), which a clerk reads as a
 * fault of the system, not a reason (review 37).
 */
export class MessageWords {
  private readonly starts = new Set<number>()
  private readonly ends = new Set<number>()
  /** Where each word of two characters or more starts, and its length (UTF-16 units, as indexOf counts). */
  private readonly long: Array<[at: number, length: number]> = []

  constructor(private readonly normalized: string) {
    for (const s of SEGMENTER.segment(normalized)) {
      this.starts.add(s.index)
      this.ends.add(s.index + s.segment.length)
      if (s.isWordLike && [...s.segment].length >= 2) this.long.push([s.index, s.segment.length])
    }
  }

  /**
   * Whether `gram` is whole words where the text has it: it starts and ends where words do, and holds a word of two
   * characters or more (快递柜 is 快递 and 柜; 到十, of 到 and 十 alone, reads as no word).
   */
  holds(gram: string): boolean {
    for (let at = this.normalized.indexOf(gram); at >= 0; at = this.normalized.indexOf(gram, at + 1)) {
      const end = at + gram.length
      if (this.starts.has(at) && this.ends.has(end) && this.long.some(([from, length]) => from >= at && from + length <= end)) return true
    }
    return false
  }
}
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' })

/**
 * A piece of the message widened to the words it cuts ("天晚上" in 每天晚上 → 每天晚上): what is shown when no n-gram
 * that decided is a word of its own, so that the reason is still whole words. At its first place in the text, as the
 * model met it; the piece itself when it is not found.
 */
export function wordsAround(normalized: string, piece: string): string {
  const at = normalized.indexOf(piece)
  if (at < 0) return piece
  let [from, to] = [at, at + piece.length]
  for (const s of SEGMENTER.segment(normalized)) {
    const end = s.index + s.segment.length
    if (end <= at || s.index >= at + piece.length) continue
    if (s.isWordLike) [from, to] = [Math.min(from, s.index), Math.max(to, end)]
  }
  return normalized.slice(from, to)
}

/**
 * The winner's keywords, then the longest whole-word n-grams that most favoured it over the runner-up: words of the
 * message (MessageWords of `normalized`, its text as the model read it), never pieces across two.
 */
export function reasons(grams: KnownGram[], best: number, second: number, keywords: readonly string[], normalized: string): string[] {
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
  // Segmented only when an n-gram may be shown (most messages have one): once per message.
  let words: MessageWords | null = null
  for (const { gram } of ranked) {
    if (out.length >= MAX_REASONS || shown >= MAX_GRAM_REASONS) break
    const g = gram.run.slice(gram.start, gram.end)
    if (!wholeWord(g, out)) continue
    if (!(words ??= new MessageWords(normalized)).holds(g)) continue
    out.push(g)
    shown++
  }
  // Whether there is a reason at all decides the topic (none: 其他), so which grams read as words must not:
  // with nothing else to show, the strongest piece is shown, widened to the words it cuts, rather than the message
  // moved to 其他.
  if (!out.length && ranked.length) out.push(wordsAround(normalized, ranked[0].gram.run.slice(ranked[0].gram.start, ranked[0].gram.end)))
  return out
}
