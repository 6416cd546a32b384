import { toTheBot } from '../to-the-bot.js'
import { noticeReminder } from './kept-draft.js'
import { stillWriting } from './leave-message.js'
import { commentQuestion } from './rating-comment.js'
import { PHONE_IF_NEEDED } from './resident-menu.js'
import { lines, type Turn } from './turn.js'
import type { Flow } from './dialogue-state.js'

/**
 * "喂喂", "你是谁", "人工" in the middle of something (a new message, the privacy notice, words she was asked about):
 * answered short, then where that stands; never taken into her message.
 */

/** What is said to "喂喂", "你是谁", "人工" in the middle of something: short, then where that stands. */
const ASIDE = {
  greeting: '您好，我在。',
  who: '我是人大代表联络站的留言小助手，由电脑自动回复。',
  person: lines('这里是联络站的留言小助手，由电脑自动回复，没有人工客服。', PHONE_IF_NEEDED),
} as const

/** A greeting or a question to the bot while something waits on her: answered aside, and true; false when it is no such words. */
export function answeredAside(turn: Turn): boolean {
  const flow = turn.state.flow
  const aside = flow && turn.command.kind === 'text' && asideAnswered(flow) ? toTheBot(turn.command.text) : null
  if (!aside || !flow) return false
  turn.say(lines(ASIDE[aside], whereItStands(flow)))
  return true
}

/** Flows in which a greeting or a question to the bot is answered aside: a new message, the notice, words asked about. */
function asideAnswered(flow: Flow): boolean {
  // A summary kept past the timeout says first that it was not sent (continueMessage), and the kept-draft choice repeats itself.
  if (flow.name === 'message') return !flow.parked && !flow.instead
  return flow.name === 'privacy' || flow.name === 'comment'
}

/** Flows in which "我的留言到哪了" is answered as 查询: wherever she is writing or asked about words of her own. */
export function progressAnswered(flow: Flow): boolean {
  return flow.name === 'message' || flow.name === 'privacy' || flow.name === 'comment' || (flow.name === 'reopen' && flow.stage === 'again')
}

/** Where the flow stands, said after an aside. */
function whereItStands(flow: Flow): string | null {
  if (flow.name === 'message') return stillWriting(flow)
  if (flow.name === 'privacy') return noticeReminder(flow)
  if (flow.name === 'comment') return commentQuestion(flow)
  return null
}
