import { keepUnsentWords } from './kept-draft.js'
import { askConsentFirst, startNew } from './leave-message.js'
import { newFlow } from './message-draft.js'
import type { Turn } from './turn.js'
import type { NewMessage } from './dialogue-state.js'

/**
 * She asked for a new message: a draft of hers not sent yet is shown with the choice first (never
 * dropped without a word), then the privacy notice the first time, then the new message. Words she was
 * asked about after a score (commentQuestion) are such a draft: asking for a new message answers it.
 */
export async function newMessage(turn: Turn, next: NewMessage) {
  const asked = turn.state.flow?.name === 'comment' ? turn.state.flow : null
  if (asked) turn.state.flow = { ...newFlow(), parts: [asked.words] }
  if (await keepUnsentWords(turn, next)) return
  if (!(await askConsentFirst(turn, next))) await startNew(turn, next)
}
