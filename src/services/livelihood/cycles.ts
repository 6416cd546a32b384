import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { GONE, notADistrict } from '../../domain/choice-words.js'
import type { DeputyLevel } from '../../domain/directory.js'
import { ballotOutcome, scopeOf } from '../../domain/survey-tally.js'
import { surveyPhase } from '../../domain/survey.js'
import type { LivelihoodCycle, LivelihoodProject } from '../../domain/livelihood.js'
import { ConflictError, UnprocessableError, ValidationError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { AuditAction } from '../../domain/audit-words.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { SurveyService } from '../surveys/surveys.js'
import type { LivelihoodScope } from './livelihood-scope.js'
import { proposerOf } from './proposal-notices.js'

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

/**
 * The office's side of a year: open the collection window, put the candidates to the deputies'
 * ballot (made through the survey service, so deputies vote as on any ballot), take the
 * ballot's outcome, open the year-end rating (人大评) and publish the results.
 */
export class LivelihoodCycles {
  constructor(
    private readonly store: Pick<Store, 'livelihood' | 'regions' | 'surveys' | 'directory'>,
    private readonly scope: LivelihoodScope,
    private readonly surveys: SurveyService,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
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

  /** Ends collection and puts every candidate to the deputies' ballot. */
  async startBallot(staff: StaffPrincipal, id: string, input: BallotInput): Promise<LivelihoodCycle> {
    const cycle = await this.scope.managed(staff, id)
    if (cycle.status !== 'collecting') throw new ConflictError('本年度已经进行过票决', [], 'ballot_exists')
    const candidates = (await this.store.livelihood.listProjects(id)).filter((p) => p.status === 'candidate')
    if (candidates.length < 2) throw new ConflictError('候选项目至少需要两个才能票决', [], 'too_few_candidates')
    // After the ballot nothing can be sorted any more: a proposal left now would read 「正在梳理」 for ever.
    const unsorted = (await this.store.livelihood.listProposals(id)).filter((p) => p.status === 'submitted')
    if (unsorted.length)
      throw new ConflictError(
        `还有 ${unsorted.length} 条项目建议没有梳理：请列入候选项目或说明不列入的理由后，再提交代表票决`,
        unsorted.map((p) => ({ path: 'proposals', message: p.title })),
        'proposals_unsorted',
      )
    const allLevels: DeputyLevel[] = ['national', 'provincial', 'city', 'county', 'township']
    const roll = input.roll ?? (cycle.office === 'city' ? { levels: allLevels } : { districtIds: [cycle.office] })
    const opensAt = input.opensAt ?? this.clock.now()
    const survey = await this.surveys.create(staff, {
      kind: 'ballot',
      title: `${cycle.title}代表票决`,
      description: `请从 ${candidates.length} 个候选项目中选出 ${cycle.projectCount} 个作为本年度民生实事项目。`,
      questions: [
        {
          id: 'projects',
          type: 'multiple',
          title: '请选择您赞成的项目',
          required: true,
          options: candidates.map((p) => ({ id: p.id, label: `${p.title}（约 ${p.costWan} 万元）` })),
          minChoices: 1,
          maxChoices: Math.min(cycle.projectCount, candidates.length),
          maxLength: null,
          scale: null,
          min: null,
          max: null,
          showIf: null,
        },
      ],
      articles: [],
      anonymous: true,
      opensAt,
      closesAt: input.closesAt ?? new Date(opensAt.getTime() + BALLOT_DAYS * DAY_MS),
      responseCap: null,
      ballot: { passRule: 'ballots_majority', maxChosen: cycle.projectCount, roll },
    })
    const next = await this.store.livelihood.updateCycle({
      ...cycle,
      status: 'voting',
      ballotSurveyId: survey.id,
      closesAt: minDate(cycle.closesAt, this.clock.now()),
      updatedAt: this.clock.now(),
    })
    await this.audit.record(staff, 'livelihood.ballot_started', { kind: 'livelihood_cycle', id }, { surveyId: survey.id })
    return next
  }

  /** Once the ballot has closed: the chosen candidates (most votes first, up to the office's number) become the year's projects. */
  async settleBallot(staff: StaffPrincipal, id: string): Promise<LivelihoodCycle> {
    const cycle = await this.scope.managed(staff, id)
    if (cycle.status !== 'voting' || !cycle.ballotSurveyId) throw new ConflictError('本年度没有等待计票的票决', [], 'not_voting')
    const survey = await this.store.surveys.get(cycle.ballotSurveyId)
    const now = this.clock.now()
    if (!survey || surveyPhase(survey, now) !== 'closed') throw new ConflictError('票决尚未结束', [], 'ballot_not_closed')
    const outcome = ballotOutcome(survey, await this.store.surveys.tallies(survey.id, scopeOf({})))
    const votes = new Map(outcome.projects.map((p) => [p.id, p.count]))
    const chosen = new Set(outcome.chosen.map((p) => p.id))
    const projects: LivelihoodProject[] = (await this.store.livelihood.listProjects(id))
      .filter((p) => p.status === 'candidate')
      .map((p) => ({ ...p, status: chosen.has(p.id) ? 'chosen' : 'not_chosen', votes: votes.get(p.id) ?? 0, updatedAt: now }))
    const next: LivelihoodCycle = { ...cycle, status: 'running', updatedAt: now }
    const proposals = await this.store.livelihood.listProposals(id)
    const outbox: OutboxMessage[] = []
    for (const project of projects) {
      for (const p of proposals.filter((x) => x.projectId === project.id)) {
        const to = proposerOf(p)
        if (!to) continue
        const text =
          project.status === 'chosen'
            ? `您提出的民生实事项目已经代表票决通过，列入${cycle.year}年民生实事项目「${project.title}」，我们会定期公布进展。`
            : `您提出的民生实事项目「${project.title}」在代表票决中未获通过，感谢您的参与。`
        outbox.push(
          outboxMessage({
            to,
            kind: 'livelihood.proposal',
            payload: { text, cycleId: id, proposalId: p.id },
            dedupeKey: `livelihood.voted:${p.id}`,
            at: now,
          }),
        )
      }
    }
    await this.store.livelihood.settleBallot(next, projects, outbox)
    await this.audit.record(staff, 'livelihood.ballot_settled', { kind: 'livelihood_cycle', id }, { chosen: [...chosen] })
    return next
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
    const next = await this.store.livelihood.updateCycle({ ...cycle, status: to, updatedAt: this.clock.now() })
    await this.audit.record(staff, action, { kind: 'livelihood_cycle', id }, {})
    return next
  }
}

const minDate = (a: Date, b: Date) => (a < b ? a : b)
/** How long a ballot started without an end stays open: the week the console tells the organizer (投票一周). */
const BALLOT_DAYS = 7
const DAY_MS = 86_400_000
const CLOSES_FIRST = '征集结束时间须晚于开始时间'
