import { compact } from '../typed-text.js'
import type { MeetingRef } from './deputy-meeting-choice.js'
import { answerOne } from './deputy-meeting-answer.js'
import type { Turn } from './turn.js'

/**
 * "请假期间的补贴什么时候发": 请假 run into other words may be a question about leave, not a leave, and a leave
 * recorded for it would overturn his 参加. He is asked first; only his "是" records it, with those words as the reason.
 */

/** His "是" counts for this long; later, the question is gone and words mean what they say. */
const ASK_WINDOW_MS = 30 * 60_000

/** Asks whether he means a leave from meeting `m`, keeping the words heard as its reason. */
export function askIfLeave(turn: Turn, m: MeetingRef, heard: string) {
  turn.state.leaveAsk = { meetingId: m.id, title: m.title, time: m.time, rsvp: m.rsvp, at: turn.now, heard }
  turn.say(`您是要请假，不参加“${m.title}”吗？请假请回复“是”；原因可以写在后面，例如：请假 外出开会`)
}

/** His answer as it stood, in words: what a no leaves him with. */
const standing = (rsvp: string) =>
  rsvp === 'attend' ? '没有请假，您的回复还是“参加”。' : rsvp === 'leave' ? '请假原因没有改，您的回复还是“请假”。' : '没有请假，这个会议您还没有回复。'

/**
 * His answer to askIfLeave: "是" (回复是, 回复"是", as the question words it) records the leave; anything else records
 * nothing and says his answer stands. A no is answered; other words (a command, a new question) go on to be read.
 */
export async function leaveYes(turn: Turn): Promise<boolean> {
  const ask = turn.state.leaveAsk
  if (!ask || ask.heard === undefined) return false
  turn.state.leaveAsk = null
  if (turn.now - ask.at > ASK_WINDOW_MS) return false
  const said = compact(turn.raw)
    .replace(/^请?回复[:：,，]?/, '')
    .replace(/["“”'‘’「」『』]/g, '')
  if (/^是的?[。！!]*$/.test(said)) {
    await answerOne(turn, { id: ask.meetingId, title: ask.title, time: ask.time, rsvp: ask.rsvp }, 'leave', ask.heard)
    return true
  }
  turn.say(standing(ask.rsvp))
  const cmd = turn.command
  return cmd.kind === 'cancel' || cmd.kind === 'confirm' || cmd.kind === 'pleasantry' || /^(?:不|否|别)/.test(compact(turn.raw))
}
