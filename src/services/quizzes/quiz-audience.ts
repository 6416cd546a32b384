import { mayTakeQuiz, type QuizRecord } from '../../domain/quiz.js'
import { quizRecipients } from '../../domain/quiz-audience.js'
import { stationStreets } from '../../domain/station-district.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { CampaignAudience } from '../campaigns/campaign-audience.js'
import { stationPlaces } from '../directory/station-places.js'
import type { Recipient } from '../publish-notices.js'

/**
 * Whether the quiz is for this person of the mini-program (station staff take theirs
 * elsewhere); a district's or street's deputies' quiz only for deputies there. The rule is
 * domain/quiz.ts `mayTakeQuiz`; this reads the deputy's places for it.
 */
export async function mayTake(
  audience: Pick<CampaignAudience, 'placesOfDeputy'>,
  quiz: Pick<QuizRecord, 'audience' | 'scopeDistrictIds'>,
  p: MpPrincipal,
): Promise<boolean> {
  const places = p.deputyId ? await audience.placesOfDeputy(p.deputyId) : null
  return mayTakeQuiz(quiz, places)
}

/** Who a quiz's notice goes to (the rule: domain/quiz-audience.ts `quizRecipients`), from the directory as it is now. */
export async function quizAudience(store: Pick<Store, 'directory'>, q: Pick<QuizRecord, 'audience' | 'scopeDistrictIds'>): Promise<Recipient[]> {
  if (q.audience === 'residents') return []
  const { snap, stationDistrict } = await stationPlaces(store)
  const stationStreet = stationStreets(snap.stations, new Map(snap.regions.map((r) => [r.id, r])))
  return quizRecipients(q, { deputies: snap.deputies, staff: snap.staff, stationDistrict, stationStreet })
}
