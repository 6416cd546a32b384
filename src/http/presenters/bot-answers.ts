import type { CaseRecord } from '../../domain/case.js'
import { deputyGist } from '../../domain/deputy-gist.js'
import { presentBotCaseBrief } from './bot.js'

// A deputy's answers as the chat reads them back: what it needs to say what he did, and nothing of the resident's.

/** His answer just sent from the chat: the message in one line, and its station by name (whom he asks to add to it). */
export const presentBotReplied = (r: { case: CaseRecord; station: string | null }) => ({ ...presentBotCaseBrief(r.case), station: r.station })

/**
 * A message he answered lately, from the chat or his mini-program page: its whole number, its first words as his 待办
 * quotes them (masked), when he answered. The chat names it beside a new message ending in the same four digits.
 */
export const presentBotAnsweredLately = (c: CaseRecord) => ({
  ticket: c.ticket,
  excerpt: deputyGist(c.text, 30),
  repliedAt: c.repliedAt?.toISOString() ?? null,
})
