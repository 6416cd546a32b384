/**
 * How alike two residents' messages are, for linking reports of the same problem
 * (分析研判). Chinese has no spaces, so texts are compared as sets of character
 * bigrams (Dice coefficient), after dropping punctuation, spaces and digits.
 */
export function bigrams(text: string): Set<string> {
  return pairsOf(cleanText(text))
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
  return (2 * sharedCount(a, b)) / (a.size + b.size)
}

/**
 * Words a resident adds when she says the same thing again in her own way (我们小区门口的路灯坏了快一个月了
 * against 小区门口路灯坏了一个月): pronouns, particles and softening adverbs. They say nothing of the
 * problem, yet each one breaks two character pairs, so they are set aside before comparing.
 */
const FILLER = /我们|你们|他们|咱们|已经|[的了啊吧呢吗呀嘛哦很都也就还又快]/gu

/** The character pairs of what a message says, its filler words set aside (see FILLER). */
export function contentGrams(text: string): Set<string> {
  return pairsOf(cleanText(text).replace(FILLER, ''))
}

/**
 * A short message whose content is found almost whole in a longer one ("门口路灯坏了一个月" inside a
 * resident's long account of the same lamp) is the same complaint, however much more the other says:
 * Dice, which divides by both lengths, sinks with every sentence added. Only a message with at least
 * this many pairs is judged so: a few common words (小区门口) are found in anything.
 */
const CONTAINED_MIN_PAIRS = 5
const CONTAINED_SHARE = 0.8

/**
 * How alike two messages are, 0–1, as the 相似留言 of a case see it: the Dice of their content pairs, or,
 * when the shorter one (of enough pairs) is found almost whole in the other, that share.
 */
export function alikeness(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0
  const shared = sharedCount(a, b)
  const dice = (2 * shared) / (a.size + b.size)
  const shorter = Math.min(a.size, b.size)
  const contained = shorter >= CONTAINED_MIN_PAIRS ? shared / shorter : 0
  return contained >= CONTAINED_SHARE ? Math.max(dice, contained) : dice
}

/**
 * Candidates at least `threshold` alike (alikeness), most alike first. `gramsOf` may be a kept copy
 * of contentGrams, so that a page comparing many messages with the same candidates reads each once.
 */
export function mostSimilar<T extends { id: string; text: string }>(
  text: string,
  candidates: T[],
  threshold: number,
  gramsOf: (text: string) => Set<string> = contentGrams,
): Array<{ item: T; score: number }> {
  const mine = gramsOf(text)
  return candidates
    .map((item) => ({ item, score: alikeness(mine, gramsOf(item.text)) }))
    .filter((x) => x.score >= threshold)
    .sort((x, y) => y.score - x.score || x.item.id.localeCompare(y.item.id))
}

function pairsOf(cleaned: string): Set<string> {
  const chars = [...cleaned]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  if (chars.length === 1) out.add(chars[0])
  return out
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const g of a) if (b.has(g)) shared++
  return shared
}
