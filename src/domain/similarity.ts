/**
 * How alike two residents' messages are, for linking reports of the same problem
 * (分析研判). Chinese has no spaces, so texts are compared as sets of character
 * bigrams (Dice coefficient), after dropping punctuation, spaces and digits.
 */
export function bigrams(text: string): Set<string> {
  const chars = [...cleanText(text)]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  if (chars.length === 1) out.add(chars[0])
  return out
}

/** A text as it is compared: folded (NFKC), lower case, without punctuation, symbols, spaces and digits. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s\d]/gu, '')
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return (2 * shared) / (a.size + b.size)
}

/** Candidates at least `threshold` alike, most alike first. */
export function mostSimilar<T extends { id: string; text: string }>(text: string, candidates: T[], threshold: number): Array<{ item: T; score: number }> {
  const mine = bigrams(text)
  return candidates
    .map((item) => ({ item, score: similarity(mine, bigrams(item.text)) }))
    .filter((x) => x.score >= threshold)
    .sort((x, y) => y.score - x.score || x.item.id.localeCompare(y.item.id))
}
