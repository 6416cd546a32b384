import type { DialogueState, ReplyAsk } from './dialogue-state.js'
import { lines, oneLine, type Turn } from './turn.js'
import { excerptOf } from './words-passed-on.js'

/**
 * A notice naming another message (new, urged, handed to her) reaches her chat while her answer to one message is shown
 * back and waits for her "是" (deputy-reply-waiting.ts). Her "好的" the moment she reads it may be to the notice, and her
 * next words may be about its message: neither may send or lengthen the waiting answer unasked. A notice about the very
 * message whose answer waits (its 催办) changes nothing.
 */

/** Whether the message numbered `ticket` is the one she wrote as `ref` ("0001", "1", or the whole number). */
export const sameNumber = (ticket: string, ref: string) => ticket === ref || ticket.endsWith(`-${ref.padStart(4, '0')}`)

/** The number the notice's command names ("受理 0002" → "0002"), null when it names no one message. */
export const noticeRef = (asks: string | null) => asks?.split(' ')[1] ?? null

/** The notice reached her chat: a waiting answer to another message is marked, so her next yes or words are asked about. */
export function answerCrossed(state: DialogueState, notice: { asks: string | null; ticket: string | null }): boolean {
  const pending = state.replyAsk
  if (!pending || pending.dropped || notice.ticket === pending.ticket) return false
  pending.crossed = { asks: notice.asks }
  return true
}

/** What the notice asks, said as a line ready to copy. */
function noticeLine(asks: string | null): string {
  const ref = noticeRef(asks)
  if (!asks || !ref) return '通知里说的事，请照通知里写的办。'
  return `通知里的留言 ${ref}，要${asks.startsWith('受理') ? '受理' : '答复'}请发送：${asks}`
}

/**
 * Her words to the waiting answer (`word`, as deputy-reply-waiting.ts reads them; `named`: its message in words) once
 * such a notice came: a bare yes sends nothing and asks which (then her "是" sends the answer, as after a meeting notice);
 * plain words are not joined to it, and she is asked whose they are, with the command for each ready to copy. A command
 * she types ("回复 0002 …") says itself which: read as ever. Whether her words were taken here.
 */
export function crossedAnswer(turn: Turn, pending: ReplyAsk, word: string | null, named: string, joined: string): boolean {
  const crossed = pending.crossed
  if (!crossed || turn.command.kind === 'reply') return false
  if (word === 'yes' && !/发|送|提交/.test(turn.raw)) {
    turn.state.replyAsk = { ...pending, crossed: undefined }
    turn.say(
      lines(
        `刚才来了一条新通知，不知道您说的"${oneLine(turn.raw)}"是对哪一条，所以答复还没有发出。`,
        `要把答复「${excerptOf(pending.text, 20)}」发给${named}的群众，请回复"是"。`,
        noticeLine(crossed.asks),
      ),
    )
    return true
  }
  if (word !== 'join') return false
  turn.state.replyAsk = pending
  const ref = noticeRef(crossed.asks)
  turn.say(
    lines(
      '刚才来了一条新通知，不知道这句话是对哪一条留言说的，所以没有接在答复后面，什么都没有发出。',
      `是给${named}的答复，请发送：回复 ${pending.ref} ${oneLine(joined)}`,
      ref && `是答复通知里的留言 ${ref}，请发送：回复 ${ref} ${oneLine(turn.raw)}`,
    ),
  )
  return true
}
