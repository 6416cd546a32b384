/**
 * Whether a resident's new message says again what one of her own earlier messages said: she was not sure the first
 * went and sent it once more. Such a message is not made into a second case without asking her (sent-before.ts), or
 * two deputies end up working the same lamp and her list shows two lines that read the same.
 */

import type { CaseRecord } from './case.js'

/**
 * Where a message is about, as its record keeps it (CaseRecord): the place she gave (any level, null when none or
 * unknown), and its community and district (from that place, else from the station she wrote to); and the deputy or
 * station she chose to write to (`chosen`).
 */
export interface MessagePlace {
  regionId: string | null
  communityId: string | null
  districtId: string | null
  /**
   * Whom she chose, by a code scanned, typed or picked: "deputy:dp0002" or "station:st002"; null when she wrote by place.
   * A message to a chosen deputy keeps no community (nor does one to 张伟 in the same station): without it, "路灯坏了"
   * to 王芳 would be the same place as "路灯坏了" to 张伟 a week before, and her "不送了" would leave it unsent.
   */
  chosen: string | null
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
 * week later about another community, or written to another deputy or station, it is another lamp, and her "不用了" to
 * the question would leave it unsent.
 */
export function sameMessage(again: SaidMessage, earlier: SaidMessage): boolean {
  if (!saysAgain(again.text, earlier.text)) return false
  return messageWords(again.text).length >= INSIDE_AT_LEAST || samePlace(again, earlier)
}

/**
 * Every place field alike, an absent one only with an absent one; the deputy or station she chose too: another one, or
 * one against none, is another message. Two messages about no place at all (no place given, nobody chosen, no station
 * covering) are the same place: nothing tells them apart, her words are the very same, and she is only asked: "还要送"
 * sends it all the same. Left unasked, the double the question is for would go through.
 */
function samePlace(a: MessagePlace, b: MessagePlace): boolean {
  return a.regionId === b.regionId && a.communityId === b.communityId && a.districtId === b.districtId && a.chosen === b.chosen
}

/** Routing's reasons for a message written to a deputy she named, scanned or picked (domain/routing.ts). */
const TO_DEPUTY = new Set(['deputy_code', 'deputy_named', 'deputy_chosen'])
/** …to a station, or to a deputy who had left office (it went to his station's staff, as a draft to him now would). */
const TO_STATION = new Set(['station_code', 'station_named', 'station_chosen', 'deputy_left_office'])

/**
 * A message she sent, as compared here. Whom she chose is read from routing's reasons written with it, and the deputy
 * or station who has it now: one handed on since (转办) counts as written to its new holder, and is not asked about
 * as the same message to the first (she is asked at most once too seldom, never told her new one went to the old).
 */
export function saidIn(c: Pick<CaseRecord, 'text' | 'regionId' | 'communityId' | 'districtId' | 'routingReasons' | 'deputyId' | 'stationId'>): SaidMessage {
  const codes = c.routingReasons.map((r) => r.code)
  const chosen = codes.some((code) => TO_DEPUTY.has(code))
    ? `deputy:${c.deputyId ?? ''}`
    : codes.some((code) => TO_STATION.has(code))
      ? `station:${c.stationId ?? ''}`
      : null
  return { text: c.text, regionId: c.regionId, communityId: c.communityId, districtId: c.districtId, chosen }
}
