import type { Store } from '../../store/ports.js'
import type { SurveyResponses } from './survey-responses.js'

/** The marker recorded once the named ballots of an older version have been made secret (MarkerRepo). */
export const SEALED_BALLOTS_MARKER = 'ballots-secret'

/**
 * An older console made every ballot named (实名): each vote kept its deputy, station and
 * time, and was counted per district and station, so a small place told a deputy's vote. Run
 * at start until it has once gone through: makes those ballots secret as ballots are made now,
 * each vote keyed by the same hash a vote now gets (so turnout and once-only voting still hold),
 * then records a marker, so later starts read no ballot. Returns how many votes it sealed.
 */
export async function sealNamedBallots(store: Pick<Store, 'surveys' | 'markers'>, responses: Pick<SurveyResponses, 'secretKey'>, now: Date): Promise<number> {
  if (await store.markers.doneAt(SEALED_BALLOTS_MARKER)) return 0
  const sealed = await store.surveys.sealBallots((surveyId, respondentKey) => responses.secretKey(surveyId, respondentKey))
  await store.markers.markDone(SEALED_BALLOTS_MARKER, now)
  return sealed
}
