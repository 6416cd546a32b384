import type { ApiError } from '../client.js'
import { compact } from '../typed-text.js'
import type { DialogueState, MessageFlow } from './dialogue-state.js'
import { isLongText, showConfirm } from './message-draft.js'
import { reopenLine, SCALE_LINE } from './rating-scale.js'
import { lines, saysYes, type Turn } from './turn.js'

/**
 * The same words as a message of hers still being handled (409 same_message_open): she may have sent it twice, unsure
 * the first went. She is asked before a second case is made, and one she says not to send leaves with how to find
 * the first (查询). The draft stays in the confirm stage, `sentBefore` naming the earlier message.
 */

const CHOICES = '回复 1 再送一条，回复 2 不送了。'
/**
 * That message answered, its score is a choice of its own. The backend's "打 1 分或 2 分" is never said beside "回复 1":
 * her "1", meant as a score, sent a second message.
 */
const CHOICES_ANSWERED = '回复 1 再送一条，回复 2 不送了，回复 3 给那条的答复打分。'
const SAYS_NO = /^(?:不送|不用|不要|不了|算了|别送|不发)/
const SAYS_SEND = /再送|还要送|要送/
/**
 * A score said in words ("1分", "打2分", "打个低分", "评分", "不满意"): never her 1 to send it again ("1分" reads as 1),
 * whether or not that message can be scored.
 */
const SAYS_SCORE = /^(?:打|给|评)?个?[1-5一二两三四五]分|[1-5一二两三四五](?:颗|个)?星|打分|评分|低分|高分|差评|好评|满意/
/** How long after the repeat went her "1" or "还要送" is taken as that answer said twice. */
const SENT_AGAIN_RECALL_MS = 10 * 60_000

const choicesFor = (answered: boolean | undefined) => (answered ? CHOICES_ANSWERED : CHOICES)
const earlierWords = (earlier: string) => (earlier ? `（编号${earlier}）` : '')
// New words of some length that name a score stay a new matter (below); "不用打分" is her 2.
const saysScore = (turn: Turn) =>
  !(turn.command.kind === 'text' && isLongText(turn.command.text)) && !SAYS_NO.test(compact(turn.raw)) && SAYS_SCORE.test(compact(turn.raw))

/** Where the question stands, for a line after something else she did meanwhile (查询). */
export function sendAgainPending(earlier: string, answered?: boolean): string {
  return `您的新留言还没有送出，它和您之前那条${earlierWords(earlier)}一样：${choicesFor(answered)}`
}

/** Asks her when the backend said these words are already on an open message of hers; false for any other refusal. */
export function askIfSendAgain(turn: Turn, flow: MessageFlow, err: ApiError): boolean {
  if (err.code !== 'same_message_open') return false
  const detail = (path: string) => {
    const found = Array.isArray(err.details) ? err.details.find((d) => d?.path === path)?.message : undefined
    return typeof found === 'string' ? found : ''
  }
  flow.sentBefore = detail('case.ticket')
  flow.sentBeforeAnswered = flow.sentBefore !== '' && detail('case.status') === 'replied' ? true : undefined
  flow.sentBeforeScored = undefined
  turn.state.flow = flow
  const asked = flow.sentBeforeAnswered
    ? // The backend's words name the low scores in digits (for the mini-program's buttons): said here without them.
      `您${detail('case.sentOn')}已经送出过同样的留言（编号${flow.sentBefore}），${detail('case.holder') || '代表已经答复了'}。` +
      '问题还没解决的话，不用再送一条：给那条的答复打分，分数低的可以申请重新办理。还要再送一条吗？'
    : err.message
  turn.say(lines(asked, choicesFor(flow.sentBeforeAnswered)))
  return true
}

/** What answerSendAgain does besides answering: send the repeat, or start the new message a code names (给ST002留言). */
export interface SendAgainWays {
  send: (turn: Turn, flow: MessageFlow) => Promise<void>
  startWithCode: (turn: Turn, code: string, text?: string) => Promise<void>
}

/**
 * Her answer to that question: 1 sends it again, 2 drops it and says how to see the first one, 3 (that one answered)
 * drops it and asks her score for that answer. New words, or a new message asked for, drop it too and go on.
 */
export async function answerSendAgain(turn: Turn, flow: MessageFlow, ways: SendAgainWays) {
  const cmd = turn.command
  const earlier = flow.sentBefore ?? ''
  flow.parked = undefined
  if (flow.sentBeforeAnswered && ((cmd.kind === 'number' && cmd.value === 3) || saysScore(turn))) return scoreEarlier(turn, earlier)
  // "3", then "1分", with that one still being handled: "1分" had sent the repeat. Nothing to score yet: asked again.
  if (saysScore(turn)) {
    const why = flow.sentBeforeScored
      ? `您之前那条${earlierWords(earlier)}的答复已经打过分了。`
      : `您之前那条${earlierWords(earlier)}还在办理，代表还没有答复，答复以后才能打分。`
    return askAgain(turn, flow, why)
  }
  if (saysYes(turn) || SAYS_SEND.test(compact(turn.raw))) {
    flow.sentBefore = undefined
    flow.sentBeforeAnswered = undefined
    flow.sentBeforeScored = undefined
    flow.sendAgain = true
    return ways.send(turn, flow)
  }
  if ((cmd.kind === 'number' && cmd.value === 2) || SAYS_NO.test(compact(turn.raw))) {
    turn.state.flow = null
    const first = earlier ? `您之前那条（编号${earlier}）` : '您之前那条留言'
    if (flow.sentBeforeAnswered) {
      // Its score waits: asked openly, so her next "1" is knowingly a score, never a "1 再送一条" recorded as 1 分.
      turn.say(lines('好的，这条不送了。', `${first}代表已经答复了。`, await askScore(turn, earlier)))
      return
    }
    const where = flow.sentBeforeScored ? `${first}代表已经答复了，看答复请发送"查询"。` : `${first}还在办理，看办理进度请发送"查询"。`
    turn.say(lines('好的，这条不送了。', where))
    return
  }
  if (cmd.kind === 'code') {
    // "给ST002留言", "DP0002": a new message to whom the code names. Its question would only have come again, and her
    // next "确认" sent the repeat while the new message was never started.
    dropRepeat(turn)
    return ways.startWithCode(turn, cmd.code, cmd.text)
  }
  if (cmd.kind === 'text' && isLongText(cmd.text)) {
    // New words of some length answer neither 1 nor 2: a new matter. Her 1 to the question would have sent the repeat
    // while her new words were lost; now the repeat is dropped, said so, and her words are the message she confirms.
    flow.sentBefore = undefined
    flow.sentBeforeAnswered = undefined
    flow.sentBeforeScored = undefined
    flow.sendAgain = undefined
    flow.parts = [turn.raw]
    flow.lastPartAt = turn.now
    showConfirm(turn, flow, `和之前那条${earlierWords(earlier)}一样的留言没有送出。您刚才说的是新的事：`)
    return
  }
  askAgain(turn, flow, cmd.kind === 'number' ? `没有 ${cmd.value} 这一项。` : '')
}

/** The question again, after why her words did not answer it. */
function askAgain(turn: Turn, flow: MessageFlow, why: string) {
  turn.state.flow = flow
  turn.say(lines(why || null, `这条和之前那条${earlierWords(flow.sentBefore ?? '')}一样的留言还没有送出。`, choicesFor(flow.sentBeforeAnswered)))
}

/**
 * A score for that message was given while the question waits ("不满意", "评价 0001 2", a score under its quoted
 * answer): the question no longer offers 3, and a score said again hears it is given. `ref`: the message scored, as
 * its whole number or last four digits.
 */
export function earlierScored(turn: Turn, ref: string) {
  const flow = turn.state.flow
  if (flow?.name !== 'message' || !flow.sentBefore || !flow.sentBeforeAnswered) return
  if (ref !== flow.sentBefore && !flow.sentBefore.endsWith(`-${ref}`)) return
  flow.sentBeforeAnswered = undefined
  flow.sentBeforeScored = true
}

/**
 * She asked for a new message ("留言", "给王芳代表留言", a code) while asked whether to send the same words again: the
 * repeat is dropped, said so, and the caller starts the new one. Nothing when no such question waits.
 */
export function dropRepeat(turn: Turn) {
  const flow = turn.state.flow
  if (flow?.name !== 'message' || flow.sentBefore === undefined) return
  turn.state.flow = null
  turn.say(`和之前那条${earlierWords(flow.sentBefore)}一样的留言没有再送。`)
}

/**
 * "3": the repeat is dropped, and the answer to that message waits for her score, asked as the answer's own notice
 * asks it: now her "1" is a score, and a low one offers 重新办理.
 */
async function scoreEarlier(turn: Turn, earlier: string) {
  turn.state.flow = null
  turn.say(lines('好的，这条一样的留言不送了。', await askScore(turn, earlier)))
}

/** The score question for that message's answer, which her next number answers (the state says so). */
async function askScore(turn: Turn, earlier: string): Promise<string> {
  // Words said with "重新办理" before it stay the reason of a low score.
  const reason = turn.state.rating?.ticket === earlier ? turn.state.rating.reason : undefined
  turn.state.rating = { ticket: earlier, since: turn.now, ...(reason ? { reason } : {}) }
  return lines(`请给留言 ${earlier} 的答复打分，回复一个数字：`, SCALE_LINE, reopenLine(await turn.client.caseRules()))
}

/**
 * A second "1" or "还要送" (or "好的") just after the repeat went: the answer said twice, as old people confirm twice. It
 * is told the message went, with its number, and nothing is done; never the menu's 1 (a new message), nor a score for
 * an answer that came before it. `sent`: the state's sentAgain, taken off it by the caller: any other message ends it.
 */
export function sendAgainSaidTwice(turn: Turn, sent: DialogueState['sentAgain']): boolean {
  if (!sent || turn.now - sent.at > SENT_AGAIN_RECALL_MS || turn.state.flow) return false
  // A score question that came after it is what her "1" answers.
  if (turn.state.rating && turn.state.rating.since > sent.at) return false
  if (!saysYes(turn) && !SAYS_SEND.test(compact(turn.raw))) return false
  turn.state.sentAgain = sent
  turn.say(lines(`这条留言刚才已经送出了（编号${sent.ticket}），不用再送，也没有再多送一条。`, '看办理进度请发送"查询"。'))
  return true
}
