/**
 * Whether a resident's new message says again what one of her own earlier messages said: she was not sure the first
 * went and sent it once more. Such a message is not made into a second case without asking her (sent-before.ts), or
 * two deputies end up working the same lamp and her list shows two lines that read the same.
 */

/**
 * Where a message is about, as its record keeps it for good (CaseRecord): the place she gave (any level, null when
 * none or unknown), and its community and district (from that place, else from the station she wrote to).
 */
export interface MessagePlace {
  regionId: string | null
  communityId: string | null
  districtId: string | null
}

/** A message as compared here: her words and where they are about. */
export interface SaidMessage extends MessagePlace {
  text: string
}

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
 * Below this many characters (messageWords) a text says too little to be one matter on its own: "路灯坏了" may well be
 * a new matter. Such a text is not taken as found inside an earlier one, and the very same words are the same
 * message only about the same place (sameMessage).
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

/**
 * Whether `again` is `earlier` sent once more. A text of some length names its matter itself ("建设路12号门口的路灯坏了"),
 * wherever it was sent: saysAgain alone. A short one ("路灯坏了") is the same message only about the same place too: a
 * week later about another community or to another station it is another lamp, and her "不用了" to the question would
 * leave it unsent.
 */
export function sameMessage(again: SaidMessage, earlier: SaidMessage): boolean {
  if (!saysAgain(again.text, earlier.text)) return false
  return messageWords(again.text).length >= INSIDE_AT_LEAST || samePlace(again, earlier)
}

/**
 * Every place field alike, an absent one only with an absent one. Two messages about no place at all (no place given,
 * no station named, none covering) are the same place: nothing tells them apart, her words are the very same, and she
 * is only asked: "还要送" sends it all the same. Left unasked, the double the question is for would go through.
 */
function samePlace(a: MessagePlace, b: MessagePlace): boolean {
  return a.regionId === b.regionId && a.communityId === b.communityId && a.districtId === b.districtId
}
