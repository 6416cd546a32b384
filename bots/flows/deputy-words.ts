import { compact } from '../text.js'
import { EMOJI } from '../typed-text.js'

/**
 * How a deputy's own words are read, apart from the commands (text.ts): what may not go to a
 * resident as an answer, and plain sentences that mean a command he did not type. Pure, no I/O.
 */

/** The compact form without emoji and punctuation: "好的👍！" → "好的". */
const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、?？;；:：]/g, '')
    .toLowerCase()

/** The words of the notice's own example, sent as they are. */
export function isPlaceholder(text: string): boolean {
  return /^(答复内容|再写上答复|您的答复|答复|办理结果)[。.!！]?$/.test(compact(text))
}

/**
 * A short line that only says the deputy has it in hand (收到, 好的我明天去看看再回复), with no word that
 * something was done: sent as the answer, the resident would be asked to rate "收到".
 */
export function isOnlyAcknowledging(text: string): boolean {
  const t = compact(text).replace(EMOJI, '')
  if ([...t].length > 20) return false
  if (/已经?(修|办|处理|解决|联系|落实|完成|答复|协调)|修好|办好|解决了|处理好|完成了/.test(t)) return false
  return /^(收到|好的|好|已阅|阅|知道了|明白|ok|嗯)/i.test(t) || /(再回复|再答复|马上安排|尽快|去看看|去现场|了解一下)/.test(t)
}

/**
 * "已处理", "办好了" and nothing else: it says that something was done but not what, and the
 * resident would be asked to rate an answer that tells her nothing.
 */
export function isBareDone(text: string): boolean {
  return /^(已经?|都)?(处理|解决|办理?|办好|处理好|解决好|弄好|完成|办完|处理完)(了|好了|完了|完毕)?(的)?$|^(处理|解决|办|办好|弄好|完成|办完)了$/.test(
    bare(text),
  )
}

/** Words that say a thing was done, as an answer to a resident does. */
const DONE =
  /已经?(修|办|处理|解决|联系|落实|完成|协调|安排|沟通|清理|清运|整改|维修|更换|通知|反映|转交|转给|交给|督促|答复)|修好|办好|弄好|换好|装好|修复|解决了|处理好|处理了|完成了|清理了|清运了|整改了/
/** Words of someone still waiting or complaining: a resident's own message, not an answer. */
const STILL_WRONG = /[?？]|吗|没|未|还是|仍|依然|至今|坏|但是|可是|却|不了|怎么|为什么|能不能|能否|请问|麻烦|希望|建议|要求/

/**
 * "路灯已经修好了": a plain sentence that reads like an answer to a resident (something was done),
 * with nothing of a complaint or a question in it. Only ever used to offer the 回复 command.
 */
export function readsLikeAnswer(text: string): boolean {
  const t = compact(text).replace(EMOJI, '')
  if (!t || [...t].length > 200) return false
  // "谢谢代表，路灯修好了" is a resident's thanks.
  return DONE.test(t) && !STILL_WRONG.test(t) && !/^(谢谢|感谢|多谢)/.test(t)
}

/** A plain yes to a meeting notice (好的, 收到, 行, 可以…): he means to come, but it is no answer the organizers see. */
const MEETING_YES = new Set(
  [
    ...['好', '好的', '好滴', '好嘞', '好好', '行', '行的', '可以', '可以的', '没问题', '收到', '收到了', '已收到', '收到收到'],
    ...['好的收到', '收到好的', '收到谢谢', '好的谢谢', '知道了', '明白', '明白了', '嗯', '嗯嗯', 'ok', '一定', '一定到', '准时到'],
  ].map((w) => w.toLowerCase()),
)

export function isMeetingYes(text: string): boolean {
  return MEETING_YES.has(bare(text))
}

/** "去不了", "来不了", "参加不了", "不能参加": he cannot come. */
const CANNOT =
  /^(.*?)(?:去不了|来不了|参加不了|参加不成|参加不上|去不成|来不成|出席不了|不能参加|不能出席|不能去|不能来|没法参加|没法去|无法参加|无法出席|到不了)[了啦呀啊]*(.*)$/
/** Words around "去不了" that give no reason: "我这次恐怕去不了", "有事去不了", "明天的会去不了". */
const NO_REASON =
  /我|这次|这回|那天|当天|到时候|明天|后天|今天|上午|下午|晚上|周.|星期.|\d+|月|号|日|会议|这个会|会|恐怕|可能|实在|真的|抱歉|不好意思|对不起|非常|有事|了|啊|呀|哦|所以|因此|因为|就|都|的|[，,。.、！!]/g
const trimmed = (part: string) => part.replace(/^[，,。.、！!；;]+|[，,。.、！!；;]+$/g, '')

/**
 * "去不了", "有事去不了", "去不了，家里有事", "家里有事，去不了": he cannot come to the meeting. Returns the
 * reason he gave ('' when he gave none), or null when the words say something else (a question, a long text).
 */
export function cannotCome(text: string): string | null {
  const t = compact(text).replace(EMOJI, '')
  if ([...t].length > 60 || /[?？吗]|为什么|怎么/.test(t)) return null
  const m = CANNOT.exec(t)
  if (!m || [...m[1]].length > 30) return null
  return [m[1], m[2]]
    .map(trimmed)
    .filter((part) => part.replace(NO_REASON, ''))
    .join('，')
}

/** "绑定123", "绑定 1234567": a binding with a code that cannot be one (codes are six digits). */
export function isMalformedBinding(text: string): boolean {
  const m = /^绑定[:：]?(\d+)$/.exec(compact(text))
  return !!m && m[1].length !== 6
}
