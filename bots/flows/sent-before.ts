import type { ApiError } from '../client.js'
import { compact } from '../typed-text.js'
import type { DialogueState, MessageFlow } from './dialogue-state.js'
import { isLongText, showConfirm } from './message-draft.js'
import { lines, saysYes, type Turn } from './turn.js'

/**
 * The same words as a message of hers still being handled (409 same_message_open): she may have sent it twice, unsure
 * the first went. She is asked before a second case is made, and one she says not to send leaves with how to find
 * the first (查询). The draft stays in the confirm stage, `sentBefore` naming the earlier message.
 */

const CHOICES = '回复 1 再送一条，回复 2 不送了。'
const SAYS_NO = /^(?:不送|不用|不要|不了|算了|别送|不发)/
const SAYS_SEND = /再送|还要送|要送/
/** How long after the repeat went her "1" or "还要送" is taken as that answer said twice. */
const SENT_AGAIN_RECALL_MS = 10 * 60_000

/** Where the question stands, for a line after something else she did meanwhile (查询). */
export function sendAgainPending(earlier: string): string {
  return `您的新留言还没有送出，它和您之前那条${earlier ? `（编号${earlier}）` : ''}一样：${CHOICES}`
}

/** Asks her when the backend said these words are already on an open message of hers; false for any other refusal. */
export function askIfSendAgain(turn: Turn, flow: MessageFlow, err: ApiError): boolean {
  if (err.code !== 'same_message_open') return false
  const ticket = Array.isArray(err.details) ? err.details.find((d) => d?.path === 'case.ticket')?.message : undefined
  flow.sentBefore = typeof ticket === 'string' ? ticket : ''
  turn.state.flow = flow
  turn.say(lines(err.message, CHOICES))
  return true
}

/** Her answer to that question: 1 sends it again (`send`), 2 drops it and says how to see the first one. */
export async function answerSendAgain(turn: Turn, flow: MessageFlow, send: (turn: Turn, flow: MessageFlow) => Promise<void>) {
  const cmd = turn.command
  const earlier = flow.sentBefore
  flow.parked = undefined
  if (saysYes(turn) || SAYS_SEND.test(compact(turn.raw))) {
    flow.sentBefore = undefined
    flow.sendAgain = true
    return send(turn, flow)
  }
  if ((cmd.kind === 'number' && cmd.value === 2) || SAYS_NO.test(compact(turn.raw))) {
    turn.state.flow = null
    turn.say(lines('好的，这条不送了。', `${earlier ? `您之前那条（编号${earlier}）` : '您之前那条留言'}还在办理，看办理进度请发送"查询"。`))
    return
  }
  if (cmd.kind === 'text' && isLongText(cmd.text)) {
    // New words of some length answer neither 1 nor 2: a new matter. Her 1 to the question would have sent the repeat
    // while her new words were lost; now the repeat is dropped, said so, and her words are the message she confirms.
    flow.sentBefore = undefined
    flow.sendAgain = undefined
    flow.parts = [turn.raw]
    flow.lastPartAt = turn.now
    showConfirm(turn, flow, `和之前那条${earlier ? `（编号${earlier}）` : ''}一样的留言没有送出。您刚才说的是新的事：`)
    return
  }
  turn.state.flow = flow
  turn.say(lines(`这条和之前那条${earlier ? `（编号${earlier}）` : ''}一样的留言还没有送出。`, CHOICES))
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
