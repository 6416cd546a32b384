import type { Connection } from 'mongoose'
import { dueBy, OVERDUE_STATUSES } from '../../domain/suggestion-due.js'
import type { MarkerRepo } from '../ports.js'
import { decodeSuggestion } from '../suggestion-codec.js'
import type { SuggestionDoc } from './suggestion-repo.js'

/** Recorded once every suggestion kept before dueBy was has it: later starts look no more. */
export const SUGGESTIONS_DUE_FILLED_MARKER = 'suggestions-due-filled'

/**
 * The mongo side of sqlite's 084, a start-up step run until it has once gone through (as the consultations'
 * outcomes are carried, outcome-markers-carried.ts): a record kept before dueBy was gets it, derived from its
 * JSON by the domain's rule, for the statuses that can owe a day (found by the status index). A start stopped
 * halfway finds the rest next time. Run once the suggestions' model is defined (createMongoStore, after its repositories).
 */
export async function fillSuggestionsDueBy(conn: Connection, done: MarkerRepo, now: Date): Promise<void> {
  if (await done.doneAt(SUGGESTIONS_DUE_FILLED_MARKER)) return
  const Suggestion = conn.model<SuggestionDoc>('Suggestion')
  for (const d of await Suggestion.find({ status: { $in: OVERDUE_STATUSES }, dueBy: { $exists: false } }, { doc: 1 }).lean<
    Array<{ _id: string; doc: string }>
  >())
    await Suggestion.updateOne({ _id: d._id, dueBy: { $exists: false } }, { $set: { dueBy: dueBy(decodeSuggestion(d.doc)) } })
  // Only after every record went through.
  await done.markDone(SUGGESTIONS_DUE_FILLED_MARKER, now)
}
