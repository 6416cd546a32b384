import { ballotResult, type BallotResult } from '../../domain/ballot-result.js'
import type { ProjectStatus } from '../../domain/livelihood.js'
import { ballotOutcome, scopeOf } from '../../domain/survey-tally.js'
import type { SurveyPhase, SurveyRecord } from '../../domain/survey.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { BallotCount } from './ballot-count.js'
import { officeName } from '../../domain/office-name.js'
import type { DirectoryCache } from '../directory/directory-cache.js'

/**
 * A closed ballot's result for the deputies on its roll, on their ballot's page: the counts the
 * office's 计票结果 has (on the roll as it counted at the close), and, for a 民生实事 year the office
 * has confirmed, what it confirmed (a tie decided by the 主任会议). Only counts: the ballot is secret.
 */
export class BallotResults {
  constructor(
    private readonly store: Pick<Store, 'surveys' | 'livelihood'>,
    private readonly count: Pick<BallotCount, 'counted'>,
    /** Names the office that publishes a stand-alone ballot's outcome. */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
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

  /**
   * A closed ballot, to one not on its roll (a resident who scanned it, a deputy of another congress): that it was
   * the deputies' to vote on and is over, and where its outcome is seen — not 「不能再投票」, as if she could have.
   * Null for anything else (while it runs she reads KIND_WORDS.ballot.notAsked).
   */
  async closedToOthers(s: SurveyRecord, phase: SurveyPhase): Promise<string | null> {
    if (s.kind !== 'ballot' || phase !== 'closed') return null
    const year = (await this.store.livelihood.listCycles()).some((c) => c.ballotSurveyId === s.id)
    return year
      ? '这次票决只请名单上的人大代表投票，现在已经结束。选出的民生实事项目和进展，可以在首页的“民生实事”里看到。'
      : `这次票决只请名单上的人大代表投票，现在已经结束。结果由${await this.publisher(s)}公布。`
  }

  /** The office whose ballot it is, by its name: its one district's office, else (the city's, or several districts') the whole installation's. */
  private async publisher(s: Pick<SurveyRecord, 'districtIds'>): Promise<string> {
    return officeName(s.districtIds.length === 1 ? s.districtIds[0] : 'city', await this.directory.prepared())
  }
}
