/** Long texts made WeChat-sized: cut into messages at sentence ends, or shortened to an excerpt for lists. */
import { normalise } from './typed-text.js'

/** WeChat takes longer texts, but long bubbles are hard to read on an old phone; we cut well below. */
export const MESSAGE_LIMIT = 1500

const SENTENCE_END = /[。！？!?；;…\n]/

/**
 * Cuts a long text into messages of at most `limit` characters, at sentence ends where
 * possible (then at a comma, then anywhere), never inside a character.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  const chars = [...text.trim()]
  if (chars.length <= limit) return chars.length ? [chars.join('')] : []
  const parts: string[] = []
  let start = 0
  while (chars.length - start > limit) {
    const window = chars.slice(start, start + limit)
    let cut = lastIndex(window, (c) => SENTENCE_END.test(c))
    if (cut < limit / 2)
      cut = Math.max(
        cut,
        lastIndex(window, (c) => /[，,、 ]/.test(c)),
      )
    const end = cut >= limit / 3 ? cut + 1 : limit
    parts.push(
      chars
        .slice(start, start + end)
        .join('')
        .trim(),
    )
    start += end
  }
  const tail = chars.slice(start).join('').trim()
  if (tail) parts.push(tail)
  return parts.filter(Boolean)
}

function lastIndex<T>(items: T[], test: (item: T) => boolean) {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i
  return -1
}

/** A short excerpt for lists: first line, at most n characters. */
export function excerpt(text: string, n = 20): string {
  const line = normalise(text.split('\n')[0] ?? '')
  const chars = [...line]
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : line
}
