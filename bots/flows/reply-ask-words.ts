import { compact, EMOJI } from '../typed-text.js'
import { numberedAnswer } from './deputy-meeting-list.js'
import { readsLikeAnswer } from './deputy-words.js'

/**
 * How a deputy's words are read while her answer is shown back and waits for "是" (deputy-reply-waiting.ts). Pure, no I/O.
 * Whatever is joined to her answer goes to a resident on her next "是", so short words that say yes, stop or wrong are
 * never joined: a stop drops it (nothing is lost, it stays in her 待办), an unclear one is asked again.
 */

/** What her words do to the waiting answer; 'meeting': they answer her meetings, and the answer keeps waiting. */
export type WaitingWords = 'yes' | 'no' | 'askAgain' | 'join' | 'meeting'

/** Words up to this long are read as a word to the question, never as more of the answer (unless they tell a deed). */
const SHORT = 8

/** The pieces a whole yes is made of: "好，发吧", "是的，发给她", "嗯嗯好的", "对的对的", "确认送出". */
const YES_PIECES = [
  ...['是', '是的', '对', '对的', '确认', '确定', '好', '好的', '好吧', '好了', '好嘞', '好滴', '可以', '可以的', '可以了'],
  ...['行', '行的', '行了', '没问题', '提交', '送出', '发', '发送', '发吧', '发出', '发出去', '发过去', '发给她', '发给他'],
  ...['发给群众', '就发吧', '发了吧', 'ok', '嗯', '嗯嗯', '吧', '啊', '呀', '哈', '了', '哦'],
]
/** Pieces that carry no yes by themselves: "嗯" alone is a nod, not a send. */
const FILLERS = new Set(['嗯', '嗯嗯', '吧', '啊', '呀', '哈', '了', '哦'])

/**
 * Words that begin a stop, a no or a "that is wrong": "不对", "别发了", "先别发", "等一下", "撤回", "发错了". A 不 only
 * with what makes it a no ("不", "不要发", "不行", "不是这个"): "不错", "不用改了", "不麻烦" say it is fine, never drop it.
 */
const STOP = /^(?:不(?:$|了|要(?!紧|改|客气)|发|送|对|行|是|好(?!意思)|可以|能|用(?:$|了|发)|必(?:$|了|发)|确认|同意|ok)|别|先别|等|撤|错|发错|算了|取消|否|停)/
/** "It is fine as it is" said with a 不: with a whole yes after it ("不用改了，发吧") it sends; alone it is asked again. */
const AS_IT_IS = /^不(?:错|用改|用再改|用修改|必改|需要改|要改|改|麻烦|客气|要紧|好意思)/
/** Words that say yes or go somewhere in them: short ones holding these are never joined to an answer. */
const GO = /是|好|发|可以|确认|行|对|提交|送出|ok/
/** "完了", "结束", "就这些": said when done writing, and old people say 完了 for "oh no": never a send. */
const FINISHED = /^(?:说完了|写完了|完了|没了|没有了|就这些|就这样|完毕|结束|就这么多了?|没别的了|没有别的了)$/

/**
 * Her own reply to a meeting, said whole: "参加", "好的，我准时参加", "不能参加", "参加不了", "请假 外出开会". Only whole
 * sayings of her own: "居委会主任也参加" or "不能参加的居民可以打我电话" tell the resident who comes, and are more of the answer.
 */
const MEETING =
  /^(?:好的?|收到)?我?(?:准时|一定|会|能|可以|按时)*去?(?:参加|参会|出席|到会)(?:会议|的|了)?$|^我?(?:不能|没法|无法|不去|去不了)(?:参加|参会|出席)?(?:会议|了)?$|^(?:参加|参会)不了$|^请假/

/** Her words without spaces, emoji and punctuation, in lower case: "好，发吧！" → "好发吧". */
const bare = (text: string) =>
  compact(text)
    .replace(EMOJI, '')
    .replace(/[!！~～。.，,、?？;；:：…"“”'‘’「」『』]/g, '')
    .toLowerCase()

/** Whether the words are made wholly of yes pieces, at least one of them more than a nod. */
export function isWholeYes(text: string): boolean {
  const t = bare(text)
  const can: boolean[] = [true, ...Array<boolean>(t.length).fill(false)]
  const meant: boolean[] = [false, ...Array<boolean>(t.length).fill(false)]
  for (let end = 1; end <= t.length; end++) {
    for (const piece of YES_PIECES) {
      const start = end - piece.length
      if (start < 0 || !can[start] || t.slice(start, end) !== piece) continue
      can[end] = true
      meant[end] ||= meant[start] || !FILLERS.has(piece)
    }
  }
  return t.length > 0 && can[t.length] && meant[t.length]
}

/** A bare no: "不", "不发了", "不要发", "别发了", "不对", "撤回". */
export function isStop(text: string): boolean {
  const t = bare(text)
  return t.length > 0 && [...t].length <= SHORT && STOP.test(t)
}

/** A whole yes, or one after "it is fine as it is" ("不用改了，发吧", "不改了，发出去吧"). */
export function saysYes(text: string): boolean {
  const head = AS_IT_IS.exec(bare(text))?.[0]
  return isWholeYes(head ? bare(text).slice(head.length) : text)
}

/** "1 参加", "都参加", "第二个参加", "2 请假 外出开会", "我准时参加": words that answer her meetings. */
export function answersMeetings(text: string): boolean {
  const t = bare(text)
  return numberedAnswer(text) !== null || MEETING.test(t)
}

/**
 * Her words while her answer waits: 'yes' sends it, 'no' drops it, 'askAgain' leaves it waiting and asks her again,
 * 'join' adds them to it, 'meeting' leaves it waiting and answers her meetings (meeting notices come while it waits).
 * Meeting words are read first ("不能参加" is no stop of the answer). A stop wins over a yes ("不对，是另一条" drops it); a stop after other words ("哎呀不对，是1号"),
 * "完了" and any other short word holding a yes are asked again.
 */
export function readWaitingWords(text: string): WaitingWords {
  const t = bare(text)
  if (!t) return 'askAgain'
  if (answersMeetings(text)) return 'meeting'
  if (isStop(text)) return 'no'
  if (saysYes(text)) return 'yes'
  if (FINISHED.test(t)) return 'askAgain'
  // "不错", "不用改了": she is content with it, but said no yes to send it.
  if ([...t].length <= SHORT && AS_IT_IS.test(t)) return 'askAgain'
  if ([...t].length <= SHORT && !readsLikeAnswer(text) && (GO.test(t) || /不|别|错|撤|等/.test(t) || /^嗯+$/.test(t))) return 'askAgain'
  return 'join'
}
