import { compact, EMOJI } from '../typed-text.js'

/**
 * How a deputy's own words are read, apart from the commands (parse-command.ts): what may not go to a
 * resident as an answer (src/domain/reply-words.ts), and plain sentences that mean a command he did
 * not type. Pure, no I/O.
 */

/**
 * What may not go to a resident as an answer ("收到", "已处理" alone) is one rule with the server's, which
 * refuses the same words from the mini-program: the one file of the backend the bot imports (pure, no imports).
 */
export { isBareDone, isOnlyAcknowledging } from '../../src/domain/reply-words.js'

/** The compact form without emoji and punctuation: "好的👍！" → "好的". */
const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、?？;；:：]/g, '')
    .toLowerCase()

/** The words with the quote marks and end stops an example is copied with ("“再写上答复”。") taken off. */
const unquoted = (text: string) => compact(text).replace(/^["“”'‘’「『（(]+|["“”'‘’」』）)。.!！，,…]+$/g, '')

/**
 * The words of an example as the bot and its notices write them ("回复 0001 答复内容", "回复 0001 再写上答复", once
 * "再写上办理结果"), sent as they are: never an answer to a resident.
 */
export function isPlaceholder(text: string): boolean {
  const t = unquoted(text)
  // The whole line copied with its example ("再写上答复，如：回复 0001 已联系供电所…") starts as no answer ever does.
  return /^(?:再?写上|这里写|填上)?(?:您的|你的)?(?:答复内容|答复的内容|答复|办理结果|办理情况)(?:内容)?$/.test(t) || /^再?写上(?:答复|办理结果)/.test(t)
}

/**
 * "请假 原因", "交回 0001 再写上原因", "转交 0001 代表的名字" as the bot's own lines write them: the example's word
 * itself, never a reason to record nor a message to hand back.
 */
export function isReasonPlaceholder(text: string): boolean {
  return /^(?:再?写上|这里写|填上)?(?:原因|请假原因|交回原因|交回的原因|理由|事由|具体原因|代表的名字|代表名字|名字)$/.test(unquoted(text))
}

/**
 * "这个是归供电所管还是物业管？", "我不清楚，问问社区": words that ask or wonder rather than tell a resident what was done.
 * Only ever said to him before his answer goes (it is still his to send).
 */
export function soundsLikeQuestion(text: string): boolean {
  const t = compact(text).replace(EMOJI, '')
  return /[?？]\s*$|[吗呢嘛][。.!！~～]*$/.test(t) || /不清楚|不知道|问问|是不是|还是.*(?:管|办|负责)/.test(t)
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
    ...['好的收到', '收到好的', '收到谢谢', '好的谢谢', '知道了', '明白', '明白了', '嗯', '嗯嗯', 'ok', '一定'],
  ].map((w) => w.toLowerCase()),
)

export function isMeetingYes(text: string): boolean {
  return MEETING_YES.has(bare(text))
}

/** "去不了", "来不了", "参加不了", "不能参加", "不参加": he cannot come. */
const CANNOT =
  /^(.*?)(?:去不了|来不了|参加不了|参加不成|参加不上|去不成|来不成|出席不了|不能参加|不能出席|不能去|不能来|没法参加|没法去|无法参加|无法出席|到不了|不参加|不出席)[了啦呀啊]*(.*)$/
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
  // "不确定能不能去" asks itself whether: no answer either way.
  if ([...t].length > 60 || /[?？吗]|为什么|怎么|能不能|可不可以|去不去|来不来|参不参加|行不行/.test(t)) return null
  const m = CANNOT.exec(t)
  if (!m || [...m[1]].length > 30) return null
  return [m[1], m[2]]
    .map(trimmed)
    .filter((part) => part.replace(NO_REASON, ''))
    .join('，')
}

/** Polite words that hold a 不 or 没 and deny nothing ("不好意思，我能去", "没问题，准时参加"). */
const POLITE = /不好意思|没问题|没事儿?|不客气|不用担心|没关系/g
/** Anything that makes a yes uncertain: a negation, a condition, a maybe. */
const UNSURE = /[不没别未难]|无法|如果|要是|假如|万一|看情况|再说|再看|尽量|争取|可能|也许|大概|估计|应该|不一定|说不定|恐怕|看看|等等/
/** The meeting named in words: these mark a sentence as about it when it is no clear yes. */
const ABOUT_MEETING = /参加|参会|出席|会议|开会|这个会|能去|会去|能来|能到|去得了|来得了|赶得上|赶过去|就去|就来/
/**
 * "好的，我准时参加", "我又能去了", "能去", "准时到", "我会去的": he says he will come. The verb ends the sentence
 * (so "我要参加区里的培训" is not it); 去, 来 and 到 only with a word that makes them his coming (能去, 准时到).
 */
const WILL_COME =
  /(?:(?:能|会|可以|准时|按时|一定|肯定|保证|届时|到时|到时候|又|还|也|都|我)(?:参加|参会|出席|到会|到场)|^(?:参加|参会|出席|到会|到场)|(?:能|会|可以|准时|按时|一定|肯定|保证|又能|还能|也能|都能|就能)(?:去|来|到|过去|赶到|赶过去)|去得了|来得了|赶得上)(?:会议|这个会|这次会|开会|的|了|啦|哈|呀|啊|哦|吧|呢|嘛)*$/

/**
 * His words about coming to a meeting, apart from "参加" and "去不了" (cannotCome, read first): 'yes' when they
 * plainly say he will come; 'unclear' when they are about the meeting but not plainly yes ("尽量参加", "不确定能不能
 * 去"); null for anything else (a question, a long text, words about other things).
 */
/** Words that ask rather than tell ("几点开会？", "在哪里开"): never an answer to a meeting, nor a reason for missing it. */
export const asksAQuestion = (text: string) => /[?？]|吗|为什么|怎么|几点|在哪|哪里|什么时候/.test(compact(text))

/**
 * "电话 0001", "群众电话": the deputy asks for a resident's number (the digits are the message's short or full number;
 * one to three are a line of his 待办, answered as deputy-numbers.ts answers them, never with a phone).
 */
export const PHONE_ASKED = /^(?:电话|打电话|群众电话|联系电话|电话号码|手机号?)[:：]?(\d{8}-\d{4,}|\d{1,4})?$/

export function attendsMeeting(text: string): 'yes' | 'unclear' | null {
  const t = bare(text)
  if (!t || [...t].length > 30 || asksAQuestion(text)) return null
  const plain = t.replace(POLITE, '')
  if (!UNSURE.test(plain) && WILL_COME.test(plain)) return 'yes'
  return ABOUT_MEETING.test(t) ? 'unclear' : null
}

/** "绑定123", "绑定 1234567": a binding with a code that cannot be one (codes are six digits). */
export function isMalformedBinding(text: string): boolean {
  const m = /^绑定[:：]?(\d+)$/.exec(compact(text))
  return !!m && m[1].length !== 6
}
