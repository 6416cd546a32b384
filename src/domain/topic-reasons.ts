/** Why the topic model chose a topic, in words staff are shown. */

const MAX_REASONS = 5
/** Learned n-grams shown after the keywords. */
const MAX_GRAM_REASONS = 3

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

/** The winner's keywords, then the longest n-grams that most favoured it over the runner-up. */
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
    if (out.some((w) => w.includes(g) || g.includes(w))) continue
    out.push(g)
    shown++
  }
  return out
}
