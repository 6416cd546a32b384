import { compact, EMOJI } from '../typed-text.js'
import { isPlaceholder } from './deputy-words.js'

/**
 * Whether a deputy's answer is the bot's own example, copied: as it is, or with a few words added or changed. Sent, it
 * would tell a resident of a deed nobody did, or read "再写上办理结果" to her. Pure, no I/O.
 */

/** What the answer copies: the example's placeholder words, or one of its example answers; null for a real answer. */
export type ExampleCopy = 'placeholder' | 'example' | null

/**
 * The answers the bot's own examples give ("回复 0001 已联系供电所，本周修好。" in its notices, deputy-acknowledge.ts,
 * outbox-consumer.ts; "已联系供电所，路灯昨天修好了" when "已处理" alone is refused, src/domain/reply-words.ts).
 */
const EXAMPLE_ANSWERS = ['已联系供电所，本周修好', '已联系供电所，路灯昨天修好了']

/** The placeholder words of the bot's lines ("回复 0001 再写上答复", "交回 0001 再写上原因"): anywhere in an answer, a copy. */
const PLACEHOLDER_WORDS = /再写上(?:答复|办理结果|原因)/

/**
 * A copy with one character changed, added or left out is still the example ("本周修好了"); two are a real answer as
 * often ("已联系供电所，明天修好" is what a deputy did), so it is not refused.
 */
const NEAR = 1

/** The words without spaces, emoji and punctuation: "已联系供电所，本周修好。" → "已联系供电所本周修好". */
const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、?？;；:：…"“”'‘’「」『』()（）]/g, '')
    .toLowerCase()

/** How many characters must change, be added or left out to make one into the other (Levenshtein, by code point). */
function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let row = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 0; i < x.length; i++) {
    const next = [i + 1]
    for (let j = 0; j < y.length; j++) next.push(Math.min(row[j + 1] + 1, next[j] + 1, row[j] + (x[i] === y[j] ? 0 : 1)))
    row = next
  }
  return row[y.length]
}

const EXAMPLES = EXAMPLE_ANSWERS.map(bare)

/**
 * "再写上办理结果：已修好", "回复 0001 再写上办理结果吧" → 'placeholder'; "已联系供电所，本周修好了", or the example
 * with words around it → 'example'; "已联系物业，明天清理杂物", which only shares a word with it, → null.
 */
export function copiedExample(text: string): ExampleCopy {
  if (isPlaceholder(text) || PLACEHOLDER_WORDS.test(compact(text))) return 'placeholder'
  const t = bare(text)
  return EXAMPLES.some((e) => t.includes(e) || editDistance(t, e) <= NEAR) ? 'example' : null
}
