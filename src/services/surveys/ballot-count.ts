import type { Clock } from '../../clock.js'
import { surveyPhase, type SurveyRecord } from '../../domain/survey.js'
import type { Store } from '../../store/ports.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { SurveyResponses } from './survey-responses.js'

/**
 * The base a ballot's pass rule is judged on (超过应投票代表半数): the roll without those who
 * left office without voting (they cannot vote any more; one who voted before leaving stays,
 * their vote stands). While the ballot runs it follows the directory; once it has closed it is
 * the count fixed at the close, so an announced 通过 or 未通过 never moves when someone
 * leaves office (or returns) later. Fixed when the organizer closes it, within a minute of its
 * end time passing (ballotCountJob), at start for ballots an older version closed, and at the
 * first read of any closed ballot still without one.
 */
export class BallotCount {
  constructor(
    private readonly store: Pick<Store, 'surveys'>,
    private readonly responses: Pick<SurveyResponses, 'deputyKeys'>,
    /** Who is in office: the shared cache, which every directory write invalidates. */
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
    private readonly clock: Clock,
  ) {}

  /** How many deputies the roll counts. */
  async counted(s: SurveyRecord): Promise<number> {
    return (s.ballot?.rollDeputyIds.length ?? 0) - (await this.uncounted(s)).length
  }

  /** The deputies of the roll it does not count: fixed at the close (fixed now when nothing has yet), else as the directory stands. */
  async uncounted(s: SurveyRecord): Promise<string[]> {
    if (s.ballot?.uncountedAtClose) return s.ballot.uncountedAtClose
    if (s.kind === 'ballot' && !s.draft && surveyPhase(s, this.clock.now()) === 'closed') return (await this.fixAtClose(s)).ballot?.uncountedAtClose ?? []
    return this.leftWithoutVoting(s)
  }

  /** Fixes a closed ballot's count on the directory as it stands; a count fixed earlier stands. Returns the ballot as stored. */
  async fixAtClose(s: SurveyRecord): Promise<SurveyRecord> {
    if (s.kind !== 'ballot' || s.ballot?.uncountedAtClose) return s
    return this.store.surveys.fixBallotCount(s.id, await this.leftWithoutVoting(s))
  }

  /** Fixes the count of every ballot whose end time has passed (or that an older version closed) and has none yet. */
  async fixClosed(): Promise<number> {
    const due = await this.store.surveys.ballotsToCount(this.clock.now())
    for (const s of due) await this.fixAtClose(s)
    return due.length
  }

  private async leftWithoutVoting(s: SurveyRecord): Promise<string[]> {
    const { deputies } = await this.directory.prepared()
    const left: string[] = []
    for (const id of s.ballot?.rollDeputyIds ?? []) {
      if (deputies.get(id)?.active !== false) continue
      if (!(await this.store.surveys.hasResponded(s.id, this.responses.deputyKeys(s, id, [])[0]!))) left.push(id)
    }
    return left
  }
}
