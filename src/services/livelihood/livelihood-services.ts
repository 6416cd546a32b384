import type { Clock } from '../../clock.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { Uploads } from '../cases/uploads.js'
import type { SurveyService } from '../surveys/surveys.js'
import { LivelihoodCandidates } from './candidates.js'
import { LivelihoodCycles, type BallotReading } from './cycles.js'
import { LivelihoodScope } from './livelihood-scope.js'
import { LivelihoodProgress } from './progress.js'
import { LivelihoodProposals } from './proposals.js'
import { LivelihoodRatings } from './ratings.js'
import { LivelihoodViews } from './views.js'

/** 民生实事项目's services, wired together (one scope shared by all). */
export function createLivelihoodServices(
  store: Store,
  surveys: SurveyService,
  clock: Clock,
  audit: AuditTrail,
  settings: { timeZone: string; maxProposalsPerPerson: number; reportGraceDays: number },
  directory: Pick<DirectoryCache, 'stationPlaces' | 'scopeOf' | 'prepared'>,
  /** Photos of proposals and progress reports: checked as the person's own, kept once accepted. */
  uploads: Pick<Uploads, 'checkAttachments' | 'keep' | 'release'>,
  /** The ballot's roll as counted at its close, and who voted: its result goes to each deputy who did. */
  ballots: BallotReading,
) {
  const scope = new LivelihoodScope(store, directory)
  return {
    livelihoodCycles: new LivelihoodCycles(store, scope, surveys, clock, audit, ballots),
    livelihoodProposals: new LivelihoodProposals(store, scope, clock, settings, uploads),
    livelihoodCandidates: new LivelihoodCandidates(store, scope, clock, audit),
    livelihoodProgress: new LivelihoodProgress(store, clock, audit, settings, uploads),
    livelihoodRatings: new LivelihoodRatings(store, clock),
    livelihoodViews: new LivelihoodViews(store, scope, clock, ballots.count, surveys, directory, settings),
  }
}
