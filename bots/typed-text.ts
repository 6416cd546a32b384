/**
 * The bot's first step with what a person typed: made comparable (full-width characters, stray
 * spaces, emoji and WeChat's faces), for the command reader (parse-command.ts) and the score reader (scores.ts).
 */

/**
 * NFKC turns full-width letters, digits, punctuation and the ideographic space into
 * their ASCII forms (ＤＰ０００１ → DP0001, 　 → space); then spaces are collapsed.
 */
export function normalise(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The text with every space removed: "留 言" and "查 询" are the commands they look like. */
export const compact = (text: string) => normalise(text).replace(/\s/g, '')

/**
 * Emoji and WeChat's own faces, which reach the bot as text ([微笑], [强], [抱拳]): a message of
 * these alone, or of them around a thank-you, is a reaction, not words for a message.
 */
export const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{20E3}]|\[[\p{Script=Han}A-Za-z]{1,4}\]/gu

/**
 * Only the words of a text: no spaces, emoji, WeChat faces ([微笑]), punctuation or symbols ("好的👍！" → "好的").
 * What the matchers of short answers compare, so "嗯嗯～", "2、" and "换地方。" read as if typed plainly.
 */
export const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[\p{P}\p{S}]/gu, '')

/** How many characters of a text are words, not punctuation, emoji or spaces ("啊？" has one). */
export const wordCount = (text: string) => [...bare(text)].length

/** "谢谢谢谢" → "谢谢", "嗯嗯嗯" → "嗯": the shortest repeated part that passes `known`, if the text is only that part again and again. */
export function repeatedUnit(text: string, known: (unit: string) => boolean): string | null {
  for (let n = 1; n <= text.length / 2; n++) {
    if (text.length % n) continue
    const unit = text.slice(0, n)
    if (unit.repeat(text.length / n) === text && known(unit)) return unit
  }
  return null
}

/**
 * The part of the original input after what matched on its normalised form: the
 * shortest original prefix that normalises to the matched part is cut off.
 */
export function originalTail(input: string, matched: string): string | null {
  const target = matched.replace(/\s/g, '')
  const original = input.trim()
  for (let i = 0; i <= Math.min(original.length, matched.length * 3 + 8); i++) {
    if (compact(original.slice(0, i)) === target)
      return original
        .slice(i)
        .replace(/^[\s:：,，、。.]+/, '')
        .trim()
  }
  return null
}
