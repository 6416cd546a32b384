import { ballotResult, type BallotResult } from '../../domain/ballot-result.js'
import type { ProjectStatus } from '../../domain/livelihood.js'
import { ballotOutcome, scopeOf } from '../../domain/survey-tally.js'
import type { SurveyPhase, SurveyRecord } from '../../domain/survey.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { BallotCount } from './ballot-count.js'

/**
 * A closed ballot's result for the deputies on its roll, on their ballot's page: the counts the
 * office's 计票结果 has (on the roll as it counted at the close), and, for a 民生实事 year the office
 * has confirmed, what it confirmed (a tie decided by the 主任会议). Only counts: the ballot is secret.
 */
export class BallotResults {
  constructor(
    private readonly store: Pick<Store, 'surveys' | 'livelihood'>,
    private readonly count: Pick<BallotCount, 'counted'>,
  ) {}

  /** Null while it runs, for any other kind, and for anyone not on its roll (a resident, another district's deputy). */
  async forVoter(s: SurveyRecord, phase: SurveyPhase, user: MpPrincipal): Promise<(BallotResult & { confirmed: boolean | null }) | null> {
    if (s.kind !== 'ballot' || !s.ballot || phase !== 'closed' || !user.deputyId || !s.ballot.rollDeputyIds.includes(user.deputyId)) return null
    const outcome = ballotOutcome(s, await this.store.surveys.tallies(s.id, scopeOf({})), await this.count.counted(s))
    // A 民生实事 year's ballot: what the office confirmed, once it has; a few years, read whole.
    const year = (await this.store.livelihood.listCycles()).find((c) => c.ballotSurveyId === s.id)
    const confirmed = year ? year.status !== 'voting' : null
    let settled: Map<string, ProjectStatus> | null = null
    if (year && confirmed) settled = new Map((await this.store.livelihood.listProjects(year.id)).map((p) => [p.id, p.status]))
    return { ...ballotResult(outcome, s.ballot, settled), confirmed }
  }
}
