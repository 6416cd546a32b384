import { randomUUID } from 'node:crypto'
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

/** The marker recorded once every ballot's votes have been stripped of place, source, time and time-ordered id (MarkerRepo). */
export const BARE_VOTES_MARKER = 'ballot-votes-bare'

/**
 * `sealNamedBallots` sealed only the ballots an older console made named: votes of ballots
 * that were anonymous all along (the demo's among them) kept their station, district, source
 * and minute, and every vote, sealed or cast, could keep an id ordered by time (sr-<uuid v7>:
 * the millisecond it was cast, which beside the turnout list tells who voted how). Run at start
 * after it, until it has once gone through (its own marker: stores that have `ballots-secret`
 * still need this): every ballot's votes as a vote is kept now, each under a new random id.
 * Returns how many votes it rewrote.
 */
export async function bareBallotVotes(store: Pick<Store, 'surveys' | 'markers'>, now: Date): Promise<number> {
  if (await store.markers.doneAt(BARE_VOTES_MARKER)) return 0
  const votes = await store.surveys.scrubBallotVotes(() => `sr-${randomUUID()}`)
  await store.markers.markDone(BARE_VOTES_MARKER, now)
  return votes
}
