import type { Clock } from '../../clock.js'
import { subtree } from '../../domain/region-tree.js'
import { surveyPhase, surveyQuestion, type Question, type SurveyRecord } from '../../domain/survey.js'
import { surveyResults } from '../../domain/survey-tally.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { AppraisalRecord, Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { inWords } from '../conflict-texts.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { SurveyService } from '../surveys/surveys.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { RecordScope } from './record-scope.js'

/** The questions every 述职评议 asks, in plain words. */
export const APPRAISAL_QUESTIONS: Question[] = [
  surveyQuestion({ id: 'overall', type: 'rating', title: '您对这位代表一年来履职情况的总体评价', required: true, scale: 5 }),
  surveyQuestion({
    id: 'verdict',
    type: 'single',
    title: '您对代表的述职报告是否满意？',
    required: true,
    options: [
      { id: 'satisfied', label: '满意' },
      { id: 'basically', label: '基本满意' },
      { id: 'unsatisfied', label: '不满意' },
    ],
  }),
  surveyQuestion({ id: 'advice', type: 'text', title: '您对代表还有什么意见和建议？', maxLength: 500 }),
]
/**
 * 述职评议: the office opens a questionnaire on a deputy's yearly report, built on the surveys
 * (anonymous, one answer per person held by the survey's unique key). Only residents of the
 * places the deputy's stations cover answer it, naming their community; the results go to
 * the deputy and to the office (organizers and admins whose scope holds the deputy).
 */
export class RecordAppraisals {
  constructor(
    private readonly deps: {
      store: Pick<Store, 'appraisals' | 'surveys'>
      surveys: Pick<SurveyService, 'create'>
      responses: Pick<SurveyResponses, 'respond' | 'view'>
      scope: RecordScope
      directory: Pick<DirectoryCache, 'prepared'>
      clock: Clock
    },
  ) {}

  async open(staff: StaffPrincipal, deputyId: string, input: { year: number; opensAt: Date; closesAt: Date }) {
    if (staff.role !== 'organizer' && staff.role !== 'admin') throw new ForbiddenError('述职评议由人大常委会办公室开启', 'organizers_only')
    // Well-formed times in the wrong order: 422, as a survey's (DESIGN.md: 400 is for what the schema refuses).
    if (input.closesAt <= input.opensAt)
      throw new UnprocessableError('评议时间有误', [{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }], 'invalid_appraisal')
    const deputy = await this.deps.scope.deputy(staff, deputyId)
    if ((await this.deps.store.appraisals.ofDeputy(deputyId)).some((a) => a.year === input.year))
      throw new ConflictError('该代表本年度的述职评议已经开启', [], 'already_appraised')
    const dir = await this.deps.directory.prepared()
    const regionIds = [...new Set(deputy.stationIds.flatMap((s) => dir.stations.get(s)?.regionIds ?? []))]
    if (!regionIds.length)
      throw new UnprocessableError(
        '该代表所在联络站没有联系的社区，无法确定参加评议的群众',
        [{ path: 'params.deputyId', message: '联络站未设联系区域' }],
        'no_area',
      )
    const survey = await this.deps.surveys.create(staff, {
      kind: 'survey',
      title: `${deputy.name}代表${input.year}年度述职评议`,
      description: `请${deputy.name}代表联系的社区居民阅读代表的年度述职报告后评议。每人限评一次，不记名。`,
      questions: APPRAISAL_QUESTIONS,
      articles: [],
      anonymous: true,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      responseCap: null,
      ballot: null,
    })
    const districtId = (await this.deps.scope.officeOf(deputy)) ?? null
    // Opened by the city, it still belongs to the deputy's district: other districts' organizers
    // must not follow it as a city-level survey (results go to the deputy's office only).
    const owned = districtId && !survey.districtIds.length ? await this.deps.store.surveys.update({ ...survey, districtIds: [districtId] }) : survey
    const record: AppraisalRecord = {
      surveyId: survey.id,
      deputyId,
      year: input.year,
      regionIds,
      districtId,
      openedBy: staff.id,
      openedAt: this.deps.clock.now(),
    }
    try {
      await this.deps.store.appraisals.create(record)
    } catch (err) {
      throw inWords(err)
    }
    return { appraisal: record, survey: owned }
  }

  /** What a resident sees before answering: the questionnaire, whose report it is, and the communities that take part. */
  async view(user: MpPrincipal, surveyId: string) {
    const appraisal = await this.appraisal(surveyId)
    const dir = await this.deps.directory.prepared()
    const area = this.area(appraisal, dir)
    const communities = [...area]
      .sort()
      .map((id) => dir.regions.get(id)!)
      .filter((r) => r && r.kind === 'community')
    const view = await this.deps.responses.view(user, surveyId)
    const deputy = dir.deputies.get(appraisal.deputyId)
    return { ...view, appraisal, deputyName: deputy?.name ?? '', communities: communities.map((r) => ({ id: r.id, name: r.name })) }
  }

  /** One answer per resident of the deputy's area; the deputy does not rate themselves. */
  async respond(user: MpPrincipal, surveyId: string, input: { regionId: string; answers: Record<string, string | string[] | number> }) {
    const appraisal = await this.appraisal(surveyId)
    if (user.deputyId === appraisal.deputyId) throw new ForbiddenError('代表本人不参加对自己的评议', 'own_appraisal')
    const dir = await this.deps.directory.prepared()
    if (!this.area(appraisal, dir).has(input.regionId))
      throw new ForbiddenError('仅限该代表联系的社区居民参加评议', 'not_in_area', [{ path: 'body.regionId', message: '不在该代表联系的区域内' }])
    // The station of the deputy's that covers the place: the answer is counted there.
    const deputy = dir.deputies.get(appraisal.deputyId)
    const station = (deputy?.stationIds ?? [])
      .map((s) => dir.stations.get(s))
      .find((st) => st && st.regionIds.some((rid) => subtree(rid, [...dir.regions.values()]).has(input.regionId)))
    return this.deps.responses.respond(user, surveyId, { answers: input.answers, comments: [], via: station?.code ?? null }, { areaChecked: true })
  }

  /** The deputy's own 述职评议, with results. */
  async ofDeputy(deputyId: string) {
    return this.withResults(await this.deps.store.appraisals.ofDeputy(deputyId))
  }

  /** The office's view of one deputy's 述职评议: organizers and admins whose scope holds the deputy. */
  async forStaff(staff: StaffPrincipal, deputyId: string) {
    if (staff.role !== 'organizer' && staff.role !== 'admin') throw new ForbiddenError('述职评议结果仅向代表本人和人大常委会办公室公开', 'office_only')
    await this.deps.scope.deputy(staff, deputyId)
    return this.ofDeputy(deputyId)
  }

  private async withResults(list: AppraisalRecord[]) {
    const now = this.deps.clock.now()
    return Promise.all(
      list.map(async (a) => {
        const survey = (await this.deps.store.surveys.get(a.surveyId)) as SurveyRecord
        const results = surveyResults(survey, await this.deps.store.surveys.tallies(a.surveyId, ''))
        return { appraisal: a, survey, phase: surveyPhase(survey, now), results }
      }),
    )
  }

  private async appraisal(surveyId: string) {
    const appraisal = await this.deps.store.appraisals.bySurvey(surveyId)
    if (!appraisal) throw new NotFoundError('述职评议不存在')
    return appraisal
  }

  /** Every place under the regions the deputy's stations covered when it was opened. */
  private area(a: AppraisalRecord, dir: Awaited<ReturnType<DirectoryCache['prepared']>>): Set<string> {
    const regions = [...dir.regions.values()]
    return new Set(a.regionIds.flatMap((id) => [...subtree(id, regions)]))
  }
}
