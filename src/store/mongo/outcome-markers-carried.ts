import type { Connection } from 'mongoose'
import type { MarkerRepo } from '../ports.js'
import type { SurveyDoc } from './survey-models.js'

/** Recorded once the 采纳情况 an older version kept as markers are on their consultations: later starts look no more. */
export const OUTCOMES_CARRIED_MARKER = 'survey-outcomes-carried'

/** What an older version kept as a one-off step (app_markers) for each consultation whose 采纳情况 it published. */
const OUTCOME_MARKER = /^survey-outcome-published:/

/**
 * The mongo side of sqlite's 063, a start-up step run until it has once gone through (as the
 * meetings' audiences are widened, MarkerRepo): a published 采纳情况 kept as a marker becomes the
 * consultation's own field, and the marker goes, so there is one record of it. A start stopped
 * between the writes finds the marker again, and the first time stands. Run once the surveys'
 * models are defined (createMongoStore, after its repositories).
 */
export async function carryOutcomeMarkers(conn: Connection, done: MarkerRepo, now: Date): Promise<void> {
  if (await done.doneAt(OUTCOMES_CARRIED_MARKER)) return
  const Survey = conn.model<SurveyDoc>('Survey')
  const markers = conn.collection<{ _id: string; doneAt: Date }>('app_markers')
  for (const m of await markers.find({ _id: { $regex: OUTCOME_MARKER } }).toArray()) {
    const surveyId = m._id.replace(OUTCOME_MARKER, '')
    await Survey.updateOne({ _id: surveyId, kind: 'consultation', outcomePublishedAt: null }, { $set: { outcomePublishedAt: m.doneAt } })
    await markers.deleteOne({ _id: m._id })
  }
  // Only after every marker went through: a start stopped halfway does the rest next time.
  await done.markDone(OUTCOMES_CARRIED_MARKER, now)
}
