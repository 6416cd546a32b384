import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { GONE, notADistrict } from '../../domain/choice-words.js'
import type { DeputyLevel } from '../../domain/directory.js'
import { ballotOutcome, scopeOf } from '../../domain/survey-tally.js'
import { surveyPhase } from '../../domain/survey.js'
import { defaultRoll, type LivelihoodCycle, type LivelihoodProject } from '../../domain/livelihood.js'
import { ConflictError, UnprocessableError, ValidationError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { StoreConflict } from '../../store/conflicts.js'
import type { AuditTrail } from '../audit.js'
import type { AuditAction } from '../../domain/audit-words.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { SurveyService } from '../surveys/surveys.js'
import type { LivelihoodScope } from './livelihood-scope.js'
import { settleNotices } from './settle-notices.js'
import { tieChoice, titleOf, type TieDecision } from './tie-decision.js'

export type { TieDecision } from './tie-decision.js'
import { ballotIdOf } from './ballot-id.js'
import { ballotOffer, offerChanges, type BallotOffer } from '../../domain/ballot-offer.js'
import type { SurveyRecord } from '../../domain/survey.js'
import type { BallotCount } from '../surveys/ballot-count.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'

export interface CycleInput {
  office: string
  year: number
  title: string
  opensAt: Date
  closesAt: Date
  projectCount: number
}

export interface BallotInput {
  /** Absent: now, by the server's clock (the console's "submit to the ballot" means now, whatever the office PC's clock says). */
  opensAt?: Date
  /** Absent: a week after it opens, as the console offers. */
  closesAt?: Date
  roll?: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] }
}

/** What settling a ballot reads of it: the roll as it counted at the close, and whose vote is whose key (who voted is not secret; how is). */
export interface BallotReading {
  count: Pick<BallotCount, 'counted'>
  responses: Pick<SurveyResponses, 'deputyKeys'>
}

/**
 * The office's side of a year: open the collection window, put the candidates to the deputies'
 * ballot (made through the survey service, so deputies vote as on any ballot), take the
 * ballot's outcome, open the year-end rating (人大评) and publish the results.
 */
export class LivelihoodCycles {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'regions' | 'surveys' | 'directory' | 'units'>,
    private readonly scope: LivelihoodScope,
    private readonly surveys: SurveyService,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly ballots: BallotReading,
  ) {}

  async list(staff: StaffPrincipal): Promise<LivelihoodCycle[]> {
    const offices = await this.scope.readable(staff)
    return this.store.livelihood.listCycles(offices ?? undefined)
  }

  async create(staff: StaffPrincipal, input: CycleInput): Promise<LivelihoodCycle> {
    this.scope.requireOffice(staff, input.office)
    if (input.office !== 'city') {
      const region = await this.store.regions.get(input.office)
      if (region?.kind !== 'district') {
        const message = region ? `${notADistrict(region.name)}，民生实事项目由市或区县人大常委会组织` : GONE.district
        throw new ValidationError('输入有误', [{ path: 'body.office', message }])
      }
    }
    // Well-formed times in the wrong order: 422, as every other form's (DESIGN.md: 400 is for what the schema refuses).
    // The words are the message itself, so the console says them once (kit/errors.ts drops a detail that repeats it).
    if (input.closesAt <= input.opensAt) throw new UnprocessableError(CLOSES_FIRST, [{ path: 'body.closesAt', message: CLOSES_FIRST }], 'bad_schedule')
    const taken = (await this.store.livelihood.listCycles([input.office])).some((c) => c.year === input.year)
    if (taken) throw new ConflictError(`${input.year} 年的民生实事项目已经开始征集`, [{ path: 'body.year', message: String(input.year) }], 'cycle_exists')
    const now = this.clock.now()
    const cycle: LivelihoodCycle = {
      id: `lc-${randomUUID().slice(0, 8)}`,
      ...input,
      status: 'collecting',
      ballotSurveyId: null,
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
    }
    await this.store.livelihood.createCycle(cycle)
    await this.audit.record(staff, 'livelihood.cycle_created', { kind: 'livelihood_cycle', id: cycle.id }, { office: cycle.office, year: cycle.year })
    return cycle
  }

  /**
   * Ends collection and puts every candidate to the deputies' ballot. Made once, however many
   * requests arrive (a double click, two organizers): the ballot's id is the year's own, so a
   * second one cannot be stored (nor its deputies told twice), and the stage moves only from
   * 征集项目 in the write itself. A request that loses the race gets the year's ballot back when
   * it is this very one, else 409 ballot_exists.
   *
   * The stage moves first, then the ballot is made: the move is made only while the candidates are still those read
   * (checked in its write, else 409 candidates_changed), and from then on no correction or withdrawal can land
   * (their writes check the stage), so the ballot lists exactly the candidates fixed. The other order let a
   * correction land after the ballot was sent and before the stage moved: deputies voted on old words or on a
   * withdrawn candidate. A request stopped between the two (a crash) leaves the year at 代表票决 with no ballot yet;
   * pressing again makes it, from the candidates fixed.
   */
  async startBallot(staff: StaffPrincipal, id: string, input: BallotInput): Promise<LivelihoodCycle> {
    const cycle = await this.scope.managed(staff, id)
    const ballotId = ballotIdOf(cycle.id)
    if (cycle.status !== 'collecting') {
      if (cycle.status === 'voting' && cycle.ballotSurveyId === ballotId && !(await this.store.surveys.get(ballotId))) {
        await this.finishBallot(staff, cycle, input)
        return cycle
      }
      throw ballotExists()
    }
    const candidates = (await this.store.livelihood.listProjects(id)).filter((p) => p.status === 'candidate')
    if (candidates.length < 2) throw new ConflictError('候选项目至少需要两个才能票决', [], 'too_few_candidates')
    // After the ballot nothing can be sorted any more: a proposal left now would read 「正在梳理」 for ever.
    await this.refuseUnsorted(id)
    // Checked (422) while nothing has moved: once the stage has, only the write of this very ballot is left to make.
    const { ballot, offer } = await this.ballotFor(staff, cycle, candidates, input)
    // A ballot made while the year still collected: by an earlier version, which made the ballot before moving the
    // stage and may have stopped between. Brought up to the candidates read, or refused once a deputy has voted.
    await this.adopt(ballotId, offer)
    const now = this.clock.now()
    const next: LivelihoodCycle = { ...cycle, status: 'voting', ballotSurveyId: ballotId, closesAt: minDate(cycle.closesAt, now), updatedAt: now }
    const moved = await this.store.livelihood.startVoting(next, candidates)
    if (moved === 'candidates_changed') throw new ConflictError('候选项目刚刚有了调整，请刷新页面核对候选项目后，再提交代表票决', [], 'candidates_changed')
    // One sent between the check above and the move (the write checks again; proposals refuse from then on).
    if (moved === 'proposals_unsorted') await this.refuseUnsorted(id)
    if (moved === 'stage_moved') {
      // Another request moved it: this very ballot (it makes it), or the year is past it.
      const current = await this.store.livelihood.getCycle(id)
      if (current?.ballotSurveyId === ballotId) return current
      throw ballotExists()
    }
    await this.audit.record(staff, 'livelihood.ballot_started', { kind: 'livelihood_cycle', id }, { surveyId: ballotId })
    await this.writeBallot(staff, ballot, offer)
    return next
  }

  /** 409 proposals_unsorted, naming them, while any proposal of the year is neither a candidate nor declined. */
  private async refuseUnsorted(cycleId: string): Promise<void> {
    const unsorted = (await this.store.livelihood.listProposals(cycleId)).filter((p) => p.status === 'submitted')
    if (unsorted.length)
      throw new ConflictError(
        `还有 ${unsorted.length} 条项目建议没有梳理：请列入候选项目或说明不列入的理由后，再提交代表票决`,
        unsorted.map((p) => ({ path: 'proposals', message: p.title })),
        'proposals_unsorted',
      )
  }

  /** A year moved to its ballot by a request that stopped before making it: the ballot of the candidates fixed since. */
  private async finishBallot(staff: StaffPrincipal, cycle: LivelihoodCycle, input: BallotInput): Promise<void> {
    const candidates = (await this.store.livelihood.listProjects(cycle.id)).filter((p) => p.status === 'candidate')
    const { ballot, offer } = await this.ballotFor(staff, cycle, candidates, input)
    await this.writeBallot(staff, ballot, offer)
  }

  /** The year's ballot of these candidates, checked and not yet written. */
  private async ballotFor(staff: StaffPrincipal, cycle: LivelihoodCycle, candidates: LivelihoodProject[], input: BallotInput) {
    const roll = input.roll ?? defaultRoll(cycle.office)
    const opensAt = input.opensAt ?? this.clock.now()
    const units = new Map((await this.store.units.list()).map((u) => [u.id, u.name]))
    const offer = ballotOffer(cycle, candidates, units)
    const ballot = await this.surveys.prepare(staff, {
      id: ballotIdOf(cycle.id),
      kind: 'ballot',
      title: `${cycle.title}代表票决`,
      description: offer.description,
      questions: offer.questions,
      articles: [],
      anonymous: true,
      opensAt,
      closesAt: input.closesAt ?? new Date(opensAt.getTime() + BALLOT_DAYS * DAY_MS),
      responseCap: null,
      ballot: { passRule: 'ballots_majority', maxChosen: cycle.projectCount, roll },
    })
    return { ballot, offer }
  }

  private async writeBallot(staff: StaffPrincipal, ballot: SurveyRecord, offer: BallotOffer): Promise<void> {
    try {
      await this.surveys.write(staff, ballot, true)
    } catch (err) {
      // Made meanwhile by another request finishing the same year, from the same fixed candidates.
      if (!(err instanceof ConflictError && err.code === 'survey_exists')) throw err
      await this.adopt(ballot.id, offer)
    }
  }

  /**
   * The year's ballot as an earlier request made it, if one did. Made after the stage moved, it lists the candidates
   * fixed, and nothing changes here. Made by an earlier version while the year still collected (it made the ballot
   * first, and may have stopped before moving the year on), it lists the candidates of that moment, and the office
   * may have added or corrected one since: while no deputy has voted it is brought up to the candidates as
   * they are now (checked in the write: a vote arriving meanwhile keeps the ballot it was cast on);
   * once one has, the votes cannot be moved onto other options, and the request is refused in words
   * saying what changed (409 ballot_candidates_changed), the year left at 征集项目.
   */
  private async adopt(ballotId: string, offer: BallotOffer): Promise<void> {
    const made = await this.store.surveys.get(ballotId)
    if (!made) return
    const changes = offerChanges(made, offer)
    if (!changes.length) return
    if (made.responseCount === 0) {
      try {
        await this.store.surveys.update(
          { ...made, description: offer.description, questions: offer.questions, updatedAt: this.clock.now() },
          { unanswered: true },
        )
        return
      } catch (err) {
        if (!(err instanceof StoreConflict && err.conflict === 'survey_frozen')) throw err
      }
    }
    const cast = (await this.store.surveys.get(ballotId))?.responseCount ?? made.responseCount
    throw new ConflictError(
      `本年度的票决上次提交时已经发给代表，已有 ${cast} 位代表投了票，但之后候选项目有了变化：${changes.join('；')}。已投的票不能改投，现在不能提交代表票决，请联系系统管理员处理`,
      changes.map((message) => ({ path: 'candidates', message })),
      'ballot_candidates_changed',
    )
  }

  /**
   * Once the ballot has closed: the chosen candidates (most votes first, up to the office's number)
   * become the year's projects. Equal votes across the last place are not settled by the count:
   * confirming is refused (409 ballot_tied, the tie in words) until the office gives the 主任会议's
   * decision, naming which of the tied take the places left, or all of them (beyond the plan).
   * Settled once: a second request finds the year moved on (409 not_voting) and tells nobody again.
   */
  async settleBallot(staff: StaffPrincipal, id: string, decision?: TieDecision): Promise<LivelihoodCycle> {
    const cycle = await this.scope.managed(staff, id)
    if (cycle.status !== 'voting' || !cycle.ballotSurveyId) throw notVoting()
    const survey = await this.store.surveys.get(cycle.ballotSurveyId)
    const now = this.clock.now()
    if (!survey || surveyPhase(survey, now) !== 'closed') throw new ConflictError('票决尚未结束', [], 'ballot_not_closed')
    // On the roll as it counted at the close, as the office's 计票结果 reads it (the pass rule here counts ballots cast).
    const outcome = ballotOutcome(survey, await this.store.surveys.tallies(survey.id, scopeOf({})), await this.ballots.count.counted(survey))
    const votes = new Map(outcome.projects.map((p) => [p.id, p.count]))
    const passed = new Set(outcome.projects.filter((p) => p.passes).map((p) => p.id))
    const chosen = new Set([...outcome.chosen.map((p) => p.id), ...tieChoice(outcome.tie, decision, (pid) => titleOf(survey, pid))])
    const status = (pid: string): LivelihoodProject['status'] => (chosen.has(pid) ? 'chosen' : passed.has(pid) ? 'over_places' : 'not_chosen')
    const projects: LivelihoodProject[] = (await this.store.livelihood.listProjects(id))
      .filter((p) => p.status === 'candidate')
      .map((p) => ({ ...p, status: status(p.id), votes: votes.get(p.id) ?? 0, updatedAt: now }))
    const next: LivelihoodCycle = { ...cycle, status: 'running', updatedAt: now }
    const proposals = await this.store.livelihood.listProposals(id)
    const voters = await this.voters(survey)
    const outbox = settleNotices({ cycleId: id, survey, outcome, projects, proposals, voters, yearName: await this.yearName(cycle), now })
    if (!(await this.store.livelihood.settleBallot(next, projects, outbox))) throw notVoting()
    await this.audit.record(
      staff,
      'livelihood.ballot_settled',
      { kind: 'livelihood_cycle', id },
      { chosen: [...chosen], ...(outcome.tie && decision ? { tieDecidedBy: decision.basis } : {}) },
    )
    return next
  }

  /** The year as its proposers know it, with the congress it belongs to: 2027年市民生实事项目, 澜江区2027年民生实事项目. */
  private async yearName(cycle: LivelihoodCycle): Promise<string> {
    if (cycle.office === 'city') return `${cycle.year}年市民生实事项目`
    const district = await this.store.regions.get(cycle.office)
    return `${district?.name ?? ''}${cycle.year}年民生实事项目`
  }

  /** The deputies of the roll who voted: each one's key looked up among the votes, read once. */
  private async voters(survey: SurveyRecord): Promise<string[]> {
    const keys = new Set((await this.store.surveys.responses(survey.id)).map((r) => r.respondentKey))
    return (survey.ballot?.rollDeputyIds ?? []).filter((id) => this.ballots.responses.deputyKeys(survey, id, []).some((k) => keys.has(k)))
  }

  /** Year end: deputies rate each project (人大评) until the office publishes the results. */
  async openRating(staff: StaffPrincipal, id: string): Promise<LivelihoodCycle> {
    return this.move(staff, id, 'running', 'rating', '项目实施阶段才能开始评议', 'livelihood.rating_opened')
  }

  async publish(staff: StaffPrincipal, id: string): Promise<LivelihoodCycle> {
    return this.move(staff, id, 'rating', 'published', '评议阶段才能公布结果', 'livelihood.results_published')
  }

  private async move(staff: StaffPrincipal, id: string, from: LivelihoodCycle['status'], to: LivelihoodCycle['status'], refusal: string, action: AuditAction) {
    const cycle = await this.scope.managed(staff, id)
    if (cycle.status !== from) throw new ConflictError(refusal, [], 'wrong_stage')
    const next: LivelihoodCycle = { ...cycle, status: to, updatedAt: this.clock.now() }
    // Checked again in the write: of two clicks, the second finds the stage moved and is refused as if it came later.
    if (!(await this.store.livelihood.moveCycle(next, from))) throw new ConflictError(refusal, [], 'wrong_stage')
    await this.audit.record(staff, action, { kind: 'livelihood_cycle', id }, {})
    return next
  }
}

const ballotExists = () => new ConflictError('本年度已经进行过票决', [], 'ballot_exists')
const notVoting = () => new ConflictError('本年度没有等待确认的票决结果（可能已经确认过了），请刷新后查看', [], 'not_voting')
const minDate = (a: Date, b: Date) => (a < b ? a : b)
/** How long a ballot started without an end stays open: the week the console tells the organizer (投票一周). */
const BALLOT_DAYS = 7
const DAY_MS = 86_400_000
const CLOSES_FIRST = '征集结束时间须晚于开始时间'
