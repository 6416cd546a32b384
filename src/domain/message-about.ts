import { localDate, dayText, monthDayText } from './dates.js'

/**
 * How a notice names the resident's own message: by the day she wrote it and what it was about,
 * then its number ("您12月3日反映的“小区路灯不亮…”（编号 20261203-0001）"). A number alone
 * ("您的留言 20261203-0001 …") tells an elderly resident with two messages nothing about which one
 * it is. Pure, no I/O.
 */

/** How many characters of her words a notice repeats before "…": enough to recognise them, never the whole. */
export const GIST_MAX = 12

/**
 * What shows nothing or makes text lie on screen: controls (line breaks included: the gist is one
 * line), bidi overrides and isolates, zero-width and other default-ignorable characters.
 */
const UNSEEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Default_Ignorable_Code_Point}]/gu
/** Punctuation that reads badly just before "…" or the closing quote ("小区路灯不亮，…"). */
const TRAILING_PUNCTUATION = /[\s，。、；：！？,.;:!?…"'“”‘’（(【\[-]+$/u

/** Where a clause ends: a gist cut there reads as a whole thought. */
const CLAUSE_ENDS = ['，', '。', '；', '！', '？', ',', ';', '!', '?']

/**
 * The first words of a message, on one line: line breaks and runs of spaces become one space,
 * invisible characters are dropped, and after `max` characters (counted as people see them, so an
 * emoji is not cut in half) it ends in "…", at a clause's end when one is near. Double quotation marks inside are dropped, so that the
 * notice's own quotes around the gist are the only ones. Empty when the text shows nothing.
 */
export function messageGist(text: string, max = GIST_MAX): string {
  const line = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(UNSEEN, '')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(line)
  if (chars.length <= max) return line.replace(TRAILING_PUNCTUATION, '')
  // At a clause's end when one ends in the second half ("小区的路灯坏了好久了…", not "…了，晚…").
  const head = chars.slice(0, max)
  const pause = Math.max(...CLAUSE_ENDS.map((p) => head.lastIndexOf(p)))
  const cut = (pause >= max / 2 ? head.slice(0, pause) : head).join('').replace(TRAILING_PUNCTUATION, '')
  return cut ? `${cut}…` : ''
}

/**
 * Her message as a notice names it: "您12月3日反映的“小区路灯不亮…”（编号 20261203-0001）", with the
 * year when it was written in another year than `now`'s ("您2025年12月3日反映的…"). A message whose
 * words show nothing (or were erased) is named by its day and number alone.
 */
export function yourMessage(c: { ticket: string; text: string; createdAt: Date }, timeZone: string, now: Date): string {
  const written = localDate(c.createdAt, timeZone)
  const day = written.slice(0, 4) === localDate(now, timeZone).slice(0, 4) ? monthDayText(written) : dayText(written)
  const gist = messageGist(c.text)
  return gist ? `您${day}反映的“${gist}”（编号 ${c.ticket}）` : `您${day}的留言（编号 ${c.ticket}）`
}
