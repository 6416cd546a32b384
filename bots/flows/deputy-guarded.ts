import { ApiError } from '../client.js'
import { refusal } from './refusal.js'
import type { Turn } from './turn.js'

/** A refusal from the backend (not a deputy, no such case, bad code) is shown as it is written. */

/**
 * An answer to a question the bot asked (`step`: true when the words answered it): a refusal from the backend is said
 * and ends the turn, as guarded's; false lets the words be read as ever.
 */
export async function answering(turn: Turn, step: () => Promise<boolean>): Promise<boolean> {
  try {
    return await step()
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(refusal(err))
    return true
  }
}

export async function guarded(turn: Turn, action: () => Promise<void>): Promise<true> {
  try {
    await action()
  } catch (err) {
    if (!(err instanceof ApiError)) throw err
    turn.say(refusal(err))
  }
  return true
}
