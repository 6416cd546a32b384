import { localDate, dayText, monthDayText } from './dates.js'
import { openMaskAt } from './pii-mask.js'

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

/** How far past `max` a clause may run and still be quoted whole ("我家楼下那个路灯坏了快一个月了…", not "…坏了快一…"). */
const CLAUSE_REACH = 4

/** Where words end in Chinese (a dictionary of words, built into the runtime): a gist is never cut inside one. */
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' })

/**
 * The first words of a message, on one line: line breaks and runs of spaces become one space,
 * invisible characters are dropped, and after `max` characters (counted as people see them, so an
 * emoji is not cut in half) it ends in "…", at a clause's end when one is near. Double quotation marks inside are dropped, so that the
 * notice's own quotes around the gist are the only ones. Empty when the text shows nothing.
 * `wholeWords`: where nothing bounds the length (her own notices in the chat, not a card's field), a clause running a
 * few characters past `max` is quoted whole (a message ending there too: whole, never cut), and otherwise the cut falls after the last whole word that fits, never
 * inside one ("我家楼下那个路灯坏了快一个月了…", not "…坏了快一…").
 */
export function messageGist(text: string, max = GIST_MAX, { wholeWords = false }: { wholeWords?: boolean } = {}): string {
  const line = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(UNSEEN, '')
    .replace(/[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(line)
  // Where a clause running a few characters past `max` is quoted whole, so is a message that ends there: its end is a
  // clause's end too ("建设路12号门口的路灯坏了", not "…路灯坏…" while "…坏了。" was whole).
  if (chars.length <= (wholeWords ? max + CLAUSE_REACH : max)) return line.replace(TRAILING_PUNCTUATION, '')
  const cut = chars
    .slice(0, cutAt(line, chars, max, wholeWords))
    .join('')
    .replace(TRAILING_PUNCTUATION, '')
  if (!cut) return ''
  // The clause that ran past `max` was the whole message ("路灯坏了快一个月了。"): said whole, no "…".
  return cut === line.replace(TRAILING_PUNCTUATION, '') ? cut : `${cut}…`
}

/** How many characters of the line a gist keeps: up to a clause's end near `max`; with `wholeWords`, else up to a word's end. */
function cutAt(line: string, chars: string[], max: number, wholeWords: boolean): number {
  // At a clause's end when one ends in the second half ("小区的路灯坏了好久了…", not "…了，晚…").
  const head = chars.slice(0, max)
  const pause = Math.max(...CLAUSE_ENDS.map((p) => head.lastIndexOf(p)))
  if (pause >= max / 2) return pause
  if (!wholeWords) return max
  // Or just past it: a clause a few characters longer is read whole.
  const past = chars.slice(max, max + CLAUSE_REACH + 1).findIndex((c) => CLAUSE_ENDS.includes(c))
  if (past >= 0) return max + past
  // Else after the last whole word that fits, when that keeps at least half; a run of one "word" (digits, latin
  // letters, emoji) longer than that is cut at `max` as before.
  let end = 0
  let best = 0
  for (const { segment } of WORDS.segment(line)) {
    end += Array.from(segment).length
    if (end > max) break
    best = end
  }
  let at = best >= max / 2 ? best : max
  // A number or latin word the cut leaves bare ("住建设路12…" of "12号楼") reads as all there is: before it, while half stays.
  const run = at < chars.length ? /[0-9A-Za-z]+$/.exec(chars.slice(0, at).join('')) : null
  if (run && at - run[0].length >= max / 2) at -= run[0].length
  // Never inside a mask of her personal data ("住建设路（门牌…"): before it.
  const open = openMaskAt(chars.slice(0, at))
  return open >= 0 ? open : at
}

/**
 * Her message as a notice names it: "您12月3日反映的“小区路灯不亮…”（编号 20261203-0001）", with the
 * year when it was written in another year than `now`'s ("您2025年12月3日反映的…"). A message whose
 * words show nothing (or were erased) is named by its day and number alone.
 */
export function yourMessage(c: { ticket: string; text: string; createdAt: Date }, timeZone: string, now: Date): string {
  const written = localDate(c.createdAt, timeZone)
  const day = written.slice(0, 4) === localDate(now, timeZone).slice(0, 4) ? monthDayText(written) : dayText(written)
  const gist = messageGist(c.text, GIST_MAX, { wholeWords: true })
  return gist ? `您${day}反映的“${gist}”（编号 ${c.ticket}）` : `您${day}的留言（编号 ${c.ticket}）`
}
