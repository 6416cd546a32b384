import { oneLine } from './turn.js'

/**
 * Her words passed on with a score or a 重新办理: how much of them the backend takes, what is said of the part
 * that did not go, and how the chat quotes them back to her.
 */

/** The backend keeps at most this many characters of a rating's comment and a reopen's reason (bot schemas). */
export const REASON_MAX = 500

/** How much of what she types under the 重新办理 offer is kept to pass on or offer whole: a message's length. */
export const WORDS_KEPT_MAX = 2000

/** Her words on one line, at most `max` characters (thirty unless said), "…" when cut: how the chat quotes her back. */
export function excerptOf(text: string, max = 30): string {
  const chars = [...oneLine(text)]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

/** What of her words did not go ("不过这段话有 620 字，重新办理最多只能转 500 字，后面还有 120 字没有转过去。"). */
export function notPassedOn(whole: string, passed: string, limit: string): string {
  const total = [...whole].length
  const sent = [...passed].length
  return `不过这段话有 ${total} 字，${limit} ${sent} 字，后面还有 ${total - sent} 字没有转过去。`
}

/** At most `max` UTF-16 units (as the backend counts), never cutting a character in two. */
export function capped(text: string, max: number): string {
  let out = ''
  for (const c of text) {
    if (out.length + c.length > max) break
    out += c
  }
  return out
}
