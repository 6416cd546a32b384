/**
 * Whether a resident's new message says again what one of her own earlier messages said: she was not sure the first
 * went and sent it once more. Such a message is not made into a second case without asking her (sent-before.ts), or
 * two deputies end up working the same lamp and her list shows two lines that read the same.
 */

/**
 * A text as compared here: folded (NFKC: full-width letters and digits as ASCII), in lower case, without spaces,
 * punctuation, symbols or invisible characters. Digits and every word stay: 3号楼 is not 5号楼.
 */
export function messageWords(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cf}\s]/gu, '')
}

/**
 * Below this many characters (messageWords) a text found inside an earlier one is not taken as that one sent again:
 * "路灯坏了" may well be a new matter; only the very same words are.
 */
const INSIDE_AT_LEAST = 10

/**
 * Whether `again` adds nothing to `earlier`: the same words, or all of them inside it (in the chat she may have added
 * a line, "灯还没修好", before the first one went, then sends her first words alone the next day). A message that
 * says more than the earlier one is new: what she added is the point of it.
 */
export function saysAgain(again: string, earlier: string): boolean {
  const [a, e] = [messageWords(again), messageWords(earlier)]
  // Nothing but punctuation on both sides ("？？" and "！！") is not the same message.
  if (!a) return again.trim() === earlier.trim()
  return a === e || (a.length >= INSIDE_AT_LEAST && e.includes(a))
}
