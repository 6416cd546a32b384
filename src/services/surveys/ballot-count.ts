import type { Clock } from '../../clock.js'
import { surveyPhase, type SurveyRecord } from '../../domain/survey.js'
import { ballotClosedNotice, ballotResult, ballotResultCardLine } from '../../domain/ballot-result.js'
import { ballotOutcome, scopeOf } from '../../domain/survey-tally.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { ballotIdOf } from '../livelihood/ballot-id.js'
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
    private readonly store: Pick<Store, 'surveys' | 'livelihood'>,
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

  /**
   * Fixes a closed ballot's count on the directory as it stands; a count fixed earlier stands. Returns the ballot as stored.
   * A ballot of its own tells each deputy who voted its result, in the same write and so once (a 民生实事 year's
   * is told when the office confirms it: LivelihoodCycles.settleBallot).
   */
  async fixAtClose(s: SurveyRecord): Promise<SurveyRecord> {
    if (s.kind !== 'ballot' || s.ballot?.uncountedAtClose) return s
    const uncounted = await this.leftWithoutVoting(s)
    return this.store.surveys.fixBallotCount(s.id, uncounted, await this.resultMessages(s, uncounted))
  }

  /** The result each deputy who voted on a ballot of its own is sent at its close; none for a 民生实事 year's, nor for one closed long ago. */
  private async resultMessages(s: SurveyRecord, uncounted: string[]): Promise<OutboxMessage[]> {
    const now = this.clock.now()
    // A ballot an older version closed, counted only now (at start-up): news of it weeks on would only puzzle.
    if (!s.ballot || now.getTime() - s.closesAt.getTime() > RESULT_NEWS_DAYS * DAY_MS) return []
    const years = await this.store.livelihood.listCycles()
    if (years.some((y) => y.ballotSurveyId === s.id || ballotIdOf(y.id) === s.id)) return []
    const keys = new Set((await this.store.surveys.responses(s.id)).map((r) => r.respondentKey))
    const voters = s.ballot.rollDeputyIds.filter((id) => this.responses.deputyKeys(s, id, []).some((k) => keys.has(k)))
    if (!voters.length) return []
    const outcome = ballotOutcome(s, await this.store.surveys.tallies(s.id, scopeOf({})), s.ballot.rollDeputyIds.length - uncounted.length)
    const result = ballotResult(outcome, s.ballot, null)
    const text = ballotClosedNotice(s.title, result)
    return voters.map((deputyId) =>
      outboxMessage({
        to: { kind: 'deputy', id: deputyId },
        kind: 'ballot.result',
        payload: { text, cardText: ballotResultCardLine(result), title: s.title, surveyId: s.id },
        dedupeKey: `ballot.result:${s.id}:${deputyId}`,
        at: now,
      }),
    )
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

/** How long after its close a ballot's result is still news to those who voted. */
const RESULT_NEWS_DAYS = 7
const DAY_MS = 86_400_000
