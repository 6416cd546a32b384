/** "我那个路灯的事怎么样了", "到哪一步了": asking how a message already sent is doing, in her own words. */
import { compact, EMOJI } from './typed-text.js'

/**
 * "我那个路灯的事怎么样了", "0001 有答复了吗": asking how a message is doing, in a sentence. Only
 * read with nothing going on: inside a message, "…到底怎么样了" is part of what she writes.
 * Returns the ticket or last four digits named, '' when none is, null when it is no such question.
 */
export function progressQuestion(input: string): string | null {
  const t = compact(input)
    .replace(EMOJI, '')
    .replace(/[?？!！~～。.，,、]+/g, '')
  if (!t || [...t].length > 30) return null
  const asks = PROGRESS_ASK.test(t) || /^(?:帮我|帮忙)?查(?:一下|一查|查)?(?:我的|我那|我上次|我之前)/.test(t)
  if (!asks) return null
  return /(\d{8}-\d{4,})/.exec(t)?.[1] ?? /(?<!\d)(\d{4})(?!\d)/.exec(t)?.[1] ?? ''
}

/** How a sentence ends when it asks how a message is doing: "…怎么样了", "…到哪一步了", "…有回音没". */
const PROGRESS_ASK =
  /(?:怎么样了|怎样了|咋样了|如何了|进展如何|进度如何|进展怎么样|进度怎么样|办得怎么样|办(?:到)?哪(?:儿|里)?(?:一步)?了|到哪(?:儿|里)?(?:一步|步)?了|到什么(?:程度|地步)了|办好了(?:吗|没有?)|办了(?:吗|没有?)|有(?:没有)?(?:结果|答复|回复|消息|进展|下文|回音|信儿|动静)了?(?:吗|没有?|呢)|处理了(?:吗|没有?)|解决了(?:吗|没有?))[吗呢啊呀]*$/

/** Words that point back at a message already sent: "我的留言", "那个事", "上回说的". */
const POINTS_BACK = /留言|上回|上次|之前|以前|前几天|前些天|那个|那件|这个事|这件事|这事|那事|我反映的|我说的|我问的|我的事|我那/

/**
 * "我的留言到哪了", "那个事办好了没有", "到哪一步了" while a message is being written or its place chosen: a
 * question after a message already sent, answered as 查询 and never made part of the new one. Stricter than
 * progressQuestion: "路灯到底怎么样了" names no earlier message and stays her words.
 */
export function progressInFlow(input: string): string | null {
  const asked = progressQuestion(input)
  if (asked === null) return null
  const t = compact(input)
    .replace(EMOJI, '')
    .replace(/[?？!！~～。.，,、]+/g, '')
  const before = t.replace(PROGRESS_ASK, '').replace(/\d{8}-\d{4,}|\d{4}/g, '')
  return !before || POINTS_BACK.test(before) ? asked : null
}
