/**
 * Her short answers read: thanks said at length, "是意见" or "新的问题" in words under a 1-or-2 question, a nod,
 * and a yes to the privacy notice.
 */
import { parseCommand } from './parse-command.js'
import { bare, compact, EMOJI, repeatedUnit } from './typed-text.js'

/**
 * "谢谢代表帮我们修好了路灯": thanks, said at length. Not when a problem follows the thanks
 * ("谢谢你们，但是路灯还是不亮"): that is a message to keep.
 */
export function isThanks(text: string): boolean {
  const t = compact(text)
  return /^(?:谢谢|感谢|多谢|辛苦)/.test(t) && !/但|可是|不过|还是|没有|没|不|坏|问题|能不能|能否|麻烦|请/.test(t.replace(/^(?:谢谢|感谢|多谢)/, ''))
}

/**
 * Her answer in words to "对刚才答复的意见，还是新的问题？" or "您说的是刚才评价的"路灯"那件事，还是一件新的事？"
 * (after a score, words that may be either): "是意见", "对答复的意见", "刚才那件事", "路灯那件事" (`subject`) → 1;
 * "新问题", "是新的问题", "另一件事", "一件新的事" → 2; anything else → null.
 */
export function commentOrNewChoice(text: string, subject?: string, pending?: string): 1 | 2 | null {
  const t = bare(text)
  if (/^(?:是|就是)?(?:对)?(?:刚才的?)?(?:答复|回复)?的?(?:意见|评价)(?:吧|啊|呀|的|了)?$/.test(t)) return 1
  if (/^(?:是|就是|要|我要)?(?:反映)?(?:一件)?(?:新的?|另一件|另外的?|别的)(?:问题|事|事情)(?:吧|啊|呀|的|了)?$/.test(t)) return 2
  // "新的", "是新的", "新问题吧": the question's own word for 2.
  if (/^(?:是|就是)?(?:新的|新问题|新事|新事情|另外的|另一个|别的)(?:吧|啊|呀|了)?$/.test(t)) return 2
  // "刚才那个", "刚才那个事", "刚才那件": the message she has just rated.
  if (/^(?:是|就是|说的是)?刚才(?:的|那个|那件|这个|这件|说的)?(?:事|事情)?(?:吧|啊|呀|了)?$/.test(t) && t.includes('刚才')) return 1
  // "是刚才那件事", "路灯的事", "说的是路灯那件", "路灯": the message she rated.
  // Bare words hold no character a pattern reads specially (those are all punctuation or symbols).
  const named = subject ? bare(subject) : ''
  const lead = '^(?:是|就是|说的是|我说的是)?(?:刚才评价的|刚才的?|评价的)?'
  const tail = '(?:吧|啊|呀|了)?$'
  if (new RegExp(`${lead}${named ? `(?:${named})?` : ''}的?(?:那件|这件)(?:事|事情)?${tail}`).test(t)) return 1
  if (/^(?:是|就是)?刚才的?(?:事|事情)(?:吧|啊|呀|了)?$/.test(t)) return 1
  if (named && new RegExp(`${lead}${named}(?:的?(?:事|事情))?${tail}`).test(t)) return 1
  // "垃圾的事", "垃圾": a word of her new words that is not the rated message's subject names the new matter.
  const word = namedThing(text)
  if (subject && pending && word && !compact(subject).includes(word) && compact(pending).includes(word)) return 2
  return null
}

/**
 * The thing a short answer names, "垃圾的事" → "垃圾", "路灯那件事" → "路灯", "路灯" → "路灯": two to six characters,
 * else null. Under "意见还是新的问题", it says which matter she means.
 */
export function namedThing(text: string): string | null {
  const word = bare(text)
    .replace(/^(?:是|就是|说的是|我说的是)/, '')
    .replace(/(?:那件|这件|那个|这个)?的?(?:事情|事)?(?:吧|啊|呀|了)?$/, '')
  const n = [...word].length
  return n >= 2 && n <= 6 ? word : null
}

/** "嗯", "嗯嗯", "嗯呢": a yes to a question of 1 or 2, as people nod in a chat. */
export const isNod = (text: string) => /^嗯+(?:呢|啊|的)?$/.test(bare(text))

/**
 * Plain yeses besides the agree words (同意, 我同意, 同意了…): the privacy notice asks for a yes, and these say it;
 * "确认" and "确定" are how people answer a form's 确认 button, and agree as plainly.
 */
const NOTICE_YES = new Set(['好的', '好', '行', '可以', '确认', '确定'])

/**
 * Whether an answer to the privacy notice agrees to it: "同意" and its forms, or a plain yes ("好的", "行",
 * "确认", "可以👍"). Nothing else does: "嗯", a question or other words leave the notice still asking.
 */
export function agreesToNotice(input: string): boolean {
  if (parseCommand(input).kind === 'agree') return true
  const t = compact(input)
    .toLowerCase()
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、]/g, '')
  return NOTICE_YES.has(t) || repeatedUnit(t, (u) => NOTICE_YES.has(u)) !== null
}
