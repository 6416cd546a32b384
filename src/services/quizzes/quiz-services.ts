import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import { CampaignAudience } from '../campaigns/campaign-audience.js'
import type { CampaignService } from '../campaigns/campaigns.js'
import { QuizResults } from './quiz-results.js'
import { QuizTaking } from './quiz-taking.js'
import { QuizService } from './quizzes.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { PiiCipher } from '../../security/pii.js'

/** Knowledge quizzes, wired to one store and clock (spread into createServices). */
export function createQuizServices(
  store: Store,
  campaigns: CampaignService,
  clock: Clock,
  /** `privacyVersion`: the privacy notice as it reads now, which a resident's attempt needs agreed to. */
  settings: { timeZone: string; privacyVersion: string },
  audit: AuditTrail,
  directory: Pick<DirectoryCache, 'scopeOf' | 'prepared' | 'stationPlaces'>,
  /** Opens residents' phones for the results export's 电话尾号 only. */
  cipher: Pick<PiiCipher, 'tryDecrypt'> | null = null,
  /** Each new paper's draw seed (QuizTaking); random unless a test hands its own. */
  drawSeed?: () => number,
) {
  const audience = new CampaignAudience(store, directory)
  const quizzes = new QuizService({ store, campaigns, clock, settings, audit, directory })
  return {
    quizzes,
    quizTaking: new QuizTaking(store, audience, clock, settings, drawSeed),
    quizResults: new QuizResults(store, quizzes, audience, settings, audit, cipher),
  }
}
