import { agreesToNotice } from '../short-answers.js'
import { noticeReminder } from './kept-draft.js'
import { resumeDraft, startNew } from './leave-message.js'
import { addPart, CASE_TEXT_MAX, isLongText, newFlow } from './message-draft.js'
import { placeOnly, placeTree } from './places.js'
import { lines, type Turn } from './turn.js'
import type { MessageFlow, PrivacyFlow } from './dialogue-state.js'

/**
 * The privacy notice waiting for her yes. "同意" (or a plain yes) carries on with what she asked for. Meanwhile
 * nothing she says is lost: the place she names before she is asked ("湛河区", "光明社区") is where her message will
 * go, her problem described is kept as its words, and anything else hears what the notice waits for, with her words
 * kept, not sent. Her words kept here outlast the idle timeout for a day (kept-draft.ts, parkDraft).
 */
export async function privacyAnswer(turn: Turn, flow: PrivacyFlow): Promise<boolean> {
  // Back after she was told her words wait here: any answer takes them up again.
  flow.parkedAt = undefined
  if (agreesToNotice(turn.raw)) {
    await turn.client.consent(turn.person.personId, flow.version)
    turn.state.flow = null
    turn.say('谢谢您的同意！')
    const next = flow.next
    if (next.kind !== 'resume') await startNew(turn, next)
    else {
      turn.state.flow = next.flow
      await resumeDraft(turn, next.flow)
    }
    return true
  }
  const cmd = turn.command
  const toPlace = flow.next.kind === 'message' || flow.next.kind === 'resume'
  if (cmd.kind === 'text' && toPlace && !isLongText(turn.raw)) {
    const draft = draftOf(flow)
    const named = placeOnly(await placeTree(turn.client, turn.now), turn.raw, draft.path.at(-1)?.id ?? null)
    if (named) {
      draft.path = named
      turn.say(lines(`好的，记下了：${named.map((p) => p.name).join(' ')}。`, noticeReminder(flow)))
      return true
    }
  }
  if (cmd.kind === 'text' && isLongText(turn.raw)) {
    const before = flow.next.kind === 'resume' ? flow.next.flow.parts.length > 0 : flow.next.kind !== 'message' && !!flow.next.text
    if (!keepWords(turn, flow)) return true
    turn.say(lines(before ? '这段话也记下了。' : '这段话记下了。', noticeReminder(flow)))
    return true
  }
  turn.say(noticeReminder(flow))
  return true
}

/** The draft the notice resumes once she agrees: "留言" with nothing written yet becomes one. */
function draftOf(flow: PrivacyFlow): MessageFlow {
  if (flow.next.kind !== 'resume') flow.next = { kind: 'resume', flow: newFlow() }
  return flow.next.flow
}

/** Her words at the notice, added to what it waits with; false after saying they were too long. */
function keepWords(turn: Turn, flow: PrivacyFlow): boolean {
  const next = flow.next
  if (next.kind === 'deputy' || next.kind === 'code') {
    const text = [next.text, turn.raw].filter(Boolean).join('\n')
    if (text.length > CASE_TEXT_MAX) {
      turn.say(lines(`这段话没有收下：一条留言最多 ${CASE_TEXT_MAX} 字。`, noticeReminder(flow)))
      return false
    }
    next.text = text
    return true
  }
  const state = turn.state.flow
  const ok = addPart(turn, draftOf(flow))
  // addPart makes the draft the dialogue's flow: the notice still waits for her yes.
  turn.state.flow = state
  return ok
}
