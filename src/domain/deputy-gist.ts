import { messageGist } from './message-about.js'
import { maskPhoneAndIdNumbers, openMaskAt } from './pii-mask.js'

/**
 * The first words of a resident's message as a notice to a deputy repeats them, so that "留言 0001" says
 * which one without opening it: the residents' gist rule (messageGist: one line, cut at a clause's end
 * when one is near, marked "…"), on the text with phone and ID numbers masked (（已隐去）: a chat
 * notice is forwarded and read over shoulders; the number itself is for "电话 0001", read and audited),
 * and never cut inside a number, a latin word or a mask ("我的电话1…" would read as a whole number).
 * Empty when the text shows nothing. Pure, no I/O.
 */

/** Enough characters of her words for a deputy to recognise the message among his. */
export const DEPUTY_GIST_MAX = 20

const WORD_CHAR = /[0-9A-Za-z]/

export function deputyGist(text: string, max = DEPUTY_GIST_MAX): string {
  return firstWords(text, max, maskPhoneAndIdNumbers)
}

/**
 * The first `max` characters of her words as a deputy's lists show them (cut as they always were, no "…"), phone and
 * ID numbers masked as in deputyGist, and never cut inside a mask ("（已隐" would leave the reader guessing).
 */
export function deputyExcerpt(text: string, max: number): string {
  const kept = Array.from(maskPhoneAndIdNumbers(text)).slice(0, max)
  const open = openMaskAt(kept)
  return (open >= 0 ? kept.slice(0, open) : kept).join('')
}

/**
 * Her first words as a line of his 我的待办 shows them, under the message's number: phone and ID numbers masked as in
 * deputyExcerpt, cut at a clause's end near `max` or else after the last whole word, never inside a number or a mask,
 * and marked "…" when there is more (messageGist with whole words). A line that stops mid-word with no mark ("城管说归
 * 街道，街") reads as her whole message.
 */
export function deputyLine(text: string, max: number): string {
  return messageGist(maskPhoneAndIdNumbers(text), max, { wholeWords: true })
}

/**
 * The one rule for quoting a message's first words, whoever reads them: masked by `mask` (a deputy's
 * notice hides phone and ID numbers; the resident's own card hides more, maskPersonalData), one line
 * cut at `max` (messageGist), and never cut inside a number, a latin word or a mask （…已隐去）.
 */
export function firstWords(text: string, max: number, mask: (text: string) => string): string {
  return firstWordsOfMasked(mask(text), max)
}

/** firstWords of a text already masked: for a caller that cuts the same words at two widths and masks them once. */
export function firstWordsOfMasked(masked: string, max: number): string {
  const gist = messageGist(masked, max)
  if (!gist.endsWith('…')) return gist
  // The same line uncut, to see what follows the cut.
  const line = messageGist(masked, Number.MAX_SAFE_INTEGER)
  let kept = Array.from(gist.slice(0, -1))
  const next = Array.from(line)[kept.length]
  // Inside a run of digits or latin letters: back to before it starts.
  if (next !== undefined && WORD_CHAR.test(next)) while (kept.length && WORD_CHAR.test(kept[kept.length - 1])) kept.pop()
  // Inside a mask ("（已隐…"): back to before it.
  const open = openMaskAt(kept)
  if (open >= 0) kept = kept.slice(0, open)
  const cut = kept.join('').replace(/[\s，。、；：！？,.;:!?"'“”‘’（(【[-]+$/u, '')
  return cut ? `${cut}…` : ''
}
