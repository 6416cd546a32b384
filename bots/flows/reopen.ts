import { ApiError } from '../client.js'
import { bare, wordCount } from '../typed-text.js'
import { stillWriting } from './leave-message.js'
import { commentOnRating, commentQuestion } from './rating-comment.js'
import { lines, type Turn } from './turn.js'
import type { CommentFlow, ReopenFlow } from './dialogue-state.js'
import { capped, excerptOf, notPassedOn, REASON_MAX, WORDS_KEPT_MAX } from './words-passed-on.js'

/**
 * Asking for an answer to be handled again (重新办理), under the offer a low score brings (rating.ts): the reason
 * she already gave goes with it, or she is asked for one; "不用了" keeps her words, and never drops them unsaid.
 */

export async function reopenAnswer(turn: Turn, flow: ReopenFlow): Promise<boolean> {
  const cmd = turn.command
  // After the offer, a new message she was writing before it goes on.
  const resume = (said: string | null) => {
    turn.state.flow = flow.draft ?? null
    turn.say(lines(said, flow.draft && stillWriting(flow.draft)))
  }
  if (flow.stage === 'offer') {
    if ((cmd.kind === 'number' && cmd.value === 1) || cmd.kind === 'reopen' || cmd.kind === 'confirm') {
      // What she said after "不满意", or typed under the offer, is the reason: not asked for a second time.
      const reason = [flow.reason, flow.said].filter(Boolean).join('，')
      if (reason) return reopen(turn, { ...flow, reason }, reason, resume)
      turn.state.flow = { ...flow, stage: 'reason' }
      turn.say('请简单说说还有哪些问题没有解决：')
    } else if (cmd.kind === 'number' && cmd.value === 2) {
      // Words that were not a request after all are part of the message she is writing.
      if (flow.words && flow.draft?.stage === 'text') flow.draft.parts.push(flow.words)
      if (flow.said) return keepSaidWithoutReopen(turn, flow, resume)
      // With no message being written, they are offered as a new one: never dropped with the "不用了".
      if (flow.words && !flow.draft) {
        const unsent: CommentFlow = { name: 'comment', ticket: '', words: flow.words, stage: 'unsent' }
        turn.state.flow = unsent
        turn.say(lines('好的，不重新办理了。', commentQuestion(unsent)))
        return true
      }
      if (flow.reason && !flow.draft && capped(flow.reason, REASON_MAX).length < flow.reason.length) {
        // Only the first part of her words went with the score (she was told): the whole may still go as a new message.
        const whole: CommentFlow = {
          name: 'comment',
          ticket: flow.ticket,
          words: flow.reason,
          stage: 'whole',
          sent: [...capped(flow.reason, REASON_MAX)].length,
        }
        turn.state.flow = whole
        turn.say(lines('好的，不重新办理了。', commentQuestion(whole)))
        return true
      }
      resume('好的，谢谢您！')
    } else if (cmd.kind === 'text' && wordCount(turn.raw) >= 2) {
      // "路灯还是不亮，晚上黑乎乎的": why she is unhappy, sent in the chat as she thinks it. Kept as the reason,
      // with any more bubbles, and "1" reopens with it: never "请回复数字" and her words thrown away.
      // Kept whole (up to a message's length): reopen() passes on what it may and offers the rest.
      flow.said = capped([flow.said, turn.raw].filter(Boolean).join('，'), WORDS_KEPT_MAX)
      turn.say(lines(`您说的"${excerptOf(turn.raw)}"记下了，重新办理时会转给代表。`, '要重新办理，请回复 1；不用了，请回复 2。'))
    } else turn.say(lines('请回复数字：', '1. 重新办理', '2. 不用了'))
    return true
  }
  // "我要重新办理", "重新办", "对" asked why: the request said again, no reason. What she said with her score is the
  // reason when she gave one (she was told it goes with the request); else she is asked once more, plainly.
  if (repeatsRequest(turn) || (cmd.kind === 'done' && flow.earlier)) {
    if (flow.earlier) return reopen(turn, { ...flow, reason: flow.earlier }, flow.earlier, resume)
    turn.say('请用一句话说说还有哪些问题没有解决，比如"还是没修好"，代表会照着再办。不办了请回复"取消"。')
    return true
  }
  if (cmd.kind !== 'text' && cmd.kind !== 'reopen') {
    turn.say('请用文字说说还有哪些问题没有解决，或回复"取消"。')
    return true
  }
  return reopen(turn, flow, flow.earlier ? `${flow.earlier}，${turn.raw}` : turn.raw, resume)
}

/** Words that only ask for 重新办理 again, or say yes to it ("我要重新办理", "重新办", "对，重办", "嗯", "不满意"). */
function repeatsRequest(turn: Turn): boolean {
  const rest = bare(turn.raw)
    .replace(/^(?:对的|对|是的|是|嗯+|好的|好|行|确认|确定|就是|没错)/, '')
    .replace(/^(?:我|俺)?(?:还是)?(?:要|想|要求|申请|请|请求)?(?:重新办理|重新处理|重新办|重办|再办一次|再处理一次|不满意)?(?:一下)?(?:吧|啊|呀|了)?$/, '')
  return rest === ''
}

/**
 * "2. 不用了" after she typed why she is unhappy under the offer: her words still reach the deputy, with her score
 * when the rating can take them (it had no words yet), else offered as a new message. A new message she was
 * writing takes them instead, as its words.
 */
async function keepSaidWithoutReopen(turn: Turn, flow: ReopenFlow, resume: (said: string | null) => void): Promise<boolean> {
  const said = flow.said!
  if (flow.draft?.stage === 'text') {
    flow.draft.parts.push(said)
    resume('好的，不重新办理了。您刚才说的话加到了您正在写的留言里。')
    return true
  }
  if (!flow.draft && !flow.reason) {
    turn.state.flow = null
    await commentOnRating(turn, flow.ticket, said, true)
    return true
  }
  if (flow.draft) {
    resume(`好的，不重新办理了。您刚才说的"${excerptOf(said)}"没有转给代表，需要的话请写进您的留言里。`)
    return true
  }
  // The rating has her earlier words already (it takes one comment): these can still go as a new message.
  turn.state.flow = { name: 'comment', ticket: flow.ticket, words: said, stage: 'late' }
  turn.say(lines('好的，不重新办理了。您刚才说的话还没有转给代表。', commentQuestion(turn.state.flow)))
  return true
}

export async function reopen(turn: Turn, flow: ReopenFlow, reason: string, resume: (said: string | null) => void): Promise<boolean> {
  // The backend takes REASON_MAX characters of a reason: the first part goes, and the rest is never dropped unsaid.
  const passed = capped(reason, REASON_MAX)
  const cut = passed.length < reason.length
  try {
    const reopened = await turn.client.reopen(turn.person.personId, flow.ticket, passed)
    // Back with the deputy who answered ('reopened'), or with the station to place again ('submitted': the deputy
    // has left office, or none answered it).
    const withDeputy = reopened.status === 'reopened'
    const next = withDeputy ? '代表会再次处理并答复您' : '联络站会安排代表办理并答复您'
    const echo = cut ? excerptOf(passed) : flow.reason
    const done = echo
      ? `已申请重新办理留言 ${reopened.ticket}。您说的"${echo}"已经转给${withDeputy ? '代表' : '联络站'}，${next}。`
      : `已申请重新办理留言 ${reopened.ticket}，${next}。`
    if (!cut) resume(done)
    else if (flow.draft) resume(lines(done, notPassedOn(reason, passed, '重新办理最多只能转'), '需要的话，请把没转过去的话写进您正在写的留言里。'))
    else {
      // As a comment too long for its rating (commentOnRating): the whole of it can reach the deputy as a new message.
      const whole: CommentFlow = { name: 'comment', ticket: flow.ticket, words: reason, stage: 'whole', sent: [...passed].length }
      turn.state.flow = whole
      turn.say(lines(done, notPassedOn(reason, passed, '重新办理最多只能转'), commentQuestion(whole)))
    }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    resume(err.message)
  }
  return true
}
