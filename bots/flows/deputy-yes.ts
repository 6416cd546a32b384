import { parseCommand } from '../parse-command.js'
import { compact } from '../typed-text.js'
import { meetingWords } from './deputy-meetings.js'
import { saysYes } from './reply-ask-words.js'
import type { Conversation, Turn } from './turn.js'

/**
 * A deputy's bare yes to the bot's last word, when no question kept for it waits (deputy.ts). To a command offered ready
 * to copy ("您是要答复待办第 1 条【0001】（…）吗？是的话请发送：回复 0001 …") it does what sending that command does: an
 * answer is shown back, and only his next "是" sends it. To his meetings shown, it is read as a "好的" to them. Never the
 * residents' "好的！", never a word about an answer that went before either (deputy-reply.ts saidAfterSent).
 */

/** "是", "好的", "对", "发吧", "收到": a yes alone, nothing more in it. */
export const isBareYes = (raw: string) => saysYes(raw) || /^(?:收到了?|已收到)$/.test(compact(raw).replace(/[!！~～。.，,]/g, ''))

/** The bot offers `command` ready to copy: his yes next does it as if he had sent it. */
export function offerCommand(turn: Turn, command: string) {
  turn.state.yesTo = { at: turn.now, command }
}

/** His meetings were shown or answered: his yes next is to them, not to an answer sent before. */
export function meetingsShown(turn: Turn): true {
  turn.state.yesTo = { at: turn.now, meetings: true }
  return true
}

/**
 * First at each message of his: a bare yes just after an offer does its command (`rest`, the deputy's conversation, reads
 * it as if he had typed it); any other message ends the offer, keeping only when it was made (false).
 */
export async function yesToOffer(turn: Turn, rest: Conversation): Promise<boolean> {
  const yesTo = turn.state.yesTo
  if (!yesTo) return false
  // A yes quoting a message (引用) is to that message: the quote is read as ever, and the offer ends.
  const yes = isBareYes(turn.raw) && !turn.quoted
  if (!yes || yesTo.command) turn.state.yesTo = { at: yesTo.at }
  if (!yes || !yesTo.command) return false
  return rest({ ...turn, command: parseCommand(yesTo.command), raw: yesTo.command, quoted: null })
}

/** A bare yes just after his meetings were shown: what his "好的" to them says (the meeting again, with how to answer). */
export async function yesToMeetings(turn: Turn): Promise<boolean> {
  if (!turn.state.yesTo?.meetings || !isBareYes(turn.raw)) return false
  return meetingWords({ ...turn, raw: '好的' })
}
