import type { Clock } from '../../clock.js'
import { APPRAISAL_MIN_SHOWN, appraisalActions, readableAppraisalResults, type AppraisalSeal } from '../../domain/appraisal-seal.js'
import { appraisalForResidents, appraisalYearWord } from '../../domain/appraisal-words.js'
import { localDate } from '../../domain/dates.js'
import { spokenMoment } from '../../domain/spoken-dates.js'
import { officeToAsk } from '../../domain/office-name.js'
import { subtree } from '../../domain/region-tree.js'
import { surveyPhase, surveyQuestion, type Question, type SurveyPhase, type SurveyRecord } from '../../domain/survey.js'
import { surveyResults, type SurveyResults } from '../../domain/survey-tally.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { AppraisalRecord, Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { inWords } from '../conflict-texts.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { SurveyService } from '../surveys/surveys.js'
import type { SurveyResponses } from '../surveys/survey-responses.js'
import type { DeputyRecords } from './deputy-records.js'
import type { RecordScope } from './record-scope.js'

/**
 * 述职评议 is the residents' say on the deputy who contacts them (as the congress office runs it): another deputy,
 * a colleague of the same station included, does not rate him, and his count reads 群众.
 */
export const DEPUTY_NOT_RATER = '述职评议请代表联系的社区居民参加，人大代表不参加评议'
export const OWN_APPRAISAL = '代表本人不参加对自己的评议'
/** Why the report is not shown outside the days of the appraisal (it is published for the residents who rate it). */
const REPORT_NOT_YET = '述职评议还没有开始，开始后可以在这里看代表的述职报告'
const REPORT_OVER = '述职评议已经结束，这里不再提供代表的述职报告'

/**
 * One 述职评议 with its tally as anyone may read it; `sealed`: the answers held back (before the close, or with too
 * few raters: domain/appraisal-seal.ts), the count kept; `seal` says which.
 */
export interface AppraisalWithResults {
  appraisal: AppraisalRecord
  survey: SurveyRecord
  phase: SurveyPhase
  results: SurveyResults
  sealed: boolean
  seal: AppraisalSeal | null
}

/**
 * The two lines under a 述职评议 poster's title: who it asks, and how. Once over, it still hangs on a board for a
 * while: it says so and thanks, inviting no scan (as a survey's poster does).
 */
export function appraisalPosterLines(phase: SurveyPhase): [string, string] {
  if (phase === 'closed') return ['述职评议 · 已结束', '评议已经结束，感谢您的参与']
  return ['述职评议 · 欢迎参与', '代表联系的社区居民，微信扫一扫参加评议']
}

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
      store: Pick<Store, 'appraisals' | 'surveys' | 'recordActivities'>
      surveys: Pick<SurveyService, 'create'>
      responses: Pick<SurveyResponses, 'respondOnce' | 'view'>
      scope: RecordScope
      directory: Pick<DirectoryCache, 'prepared'>
      clock: Clock
      /** The yearly report's builder, shared with 我的履职档案 and 打印述职报告: residents read the same figures. */
      records: Pick<DeputyRecords, 'ofDeputy'>
      /** 延长 and 重新开放 are the office's acts on a deputy's appraisal: each is in 操作记录. */
      audit: Pick<AuditTrail, 'record'>
      /** The business's, for the end it names when a new one is too early. */
      timeZone: string
    },
  ) {}

  /**
   * 延长评议: the office moves the end of a deputy's 述职评议 later, while it runs (or before it starts), so that enough
   * residents take part; or reopens it once when it closed with fewer raters than its ratings need to be shown
   * (APPRAISAL_MIN_SHOWN), which otherwise lost the deputy's appraisal for the year (review 38 § 4). Organizers and
   * admins whose scope holds the deputy (another's appraisal is not found); closed with enough raters, or reopened
   * before, it is refused (409) and nothing changes. Audited with the end before and after.
   */
  async extend(staff: StaffPrincipal, deputyId: string, surveyId: string, closesAt: Date) {
    if (staff.role !== 'organizer' && staff.role !== 'admin') throw new ForbiddenError(`述职评议由${await this.officeToAsk(staff)}延长`, 'organizers_only')
    await this.deps.scope.deputy(staff, deputyId)
    const appraisal = await this.deps.store.appraisals.bySurvey(surveyId)
    if (!appraisal || appraisal.deputyId !== deputyId) throw new NotFoundError('述职评议不存在')
    const survey = (await this.deps.store.surveys.get(surveyId)) as SurveyRecord
    const now = this.deps.clock.now()
    const phase = surveyPhase(survey, now)
    // The same end asked again (a retry whose answer was lost): done already, nothing changes nor is recorded twice.
    if (closesAt.getTime() === survey.closesAt.getTime() && phase !== 'closed') return survey
    if (closesAt <= now || closesAt <= survey.closesAt)
      throw new UnprocessableError(
        '评议时间有误',
        [{ path: 'body.closesAt', message: `新的结束时间应晚于原来的结束时间（${this.moment(survey.closesAt, now)}），也应晚于现在` }],
        'invalid_appraisal',
      )
    const reopening = phase === 'closed'
    if (reopening) {
      const { responses } = surveyResults(survey, await this.deps.store.surveys.tallies(surveyId, ''))
      if (responses >= APPRAISAL_MIN_SHOWN)
        throw new ConflictError(`这次评议有 ${responses} 人参加，已经结束，评分已经显示，不能重新开放`, [], 'appraisal_over')
      const { canReopen } = appraisalActions(phase, responses, !!appraisal.reopenedAt)
      // Claimed before the survey moves: of two reopenings at once, one goes on and the other is told.
      if (!canReopen || !(await this.deps.store.appraisals.markReopened(surveyId, staff.id, now)))
        throw new ConflictError('这次评议已经重新开放过一次，不能再开放', [], 'appraisal_reopened_once')
    }
    const moved = await this.deps.store.surveys.update({ ...survey, closesAt, updatedAt: now })
    await this.deps.audit.record(
      staff,
      reopening ? 'record.appraisal_reopened' : 'record.appraisal_extended',
      { kind: 'survey', id: surveyId },
      { deputyId, before: { closesAt: survey.closesAt }, after: { closesAt } },
    )
    return moved
  }

  /** A moment in the office's words ("12月3日 18:00"), for the refusal that names the end in force. */
  private moment(at: Date, now: Date): string {
    return spokenMoment(at, this.deps.timeZone, now)
  }

  async open(staff: StaffPrincipal, deputyId: string, input: { year: number; opensAt: Date; closesAt: Date }) {
    if (staff.role !== 'organizer' && staff.role !== 'admin') throw new ForbiddenError(`述职评议由${await this.officeToAsk(staff)}开启`, 'organizers_only')
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
    const yearWord = appraisalYearWord(appraisal.year, Number(localDate(this.deps.clock.now(), this.deps.timeZone).slice(0, 4)))
    const names = communities.map((r) => r.name)
    return {
      ...view,
      // In her words (给张伟代表今年的工作打分); the survey as stored keeps the office's.
      survey: deputy ? appraisalForResidents(view.survey, deputy.name, yearWord, names) : view.survey,
      appraisal,
      deputyName: deputy?.name ?? '',
      /** 今年, or "2026年" for a past year's: what her page's button says (先看看代表今年做了什么). */
      yearWord,
      communities: communities.map((r) => ({ id: r.id, name: r.name })),
      /** Why this user does not rate (a deputy), in words; null for a resident. */
      notForYou: this.refusal(user, appraisal),
    }
  }

  /**
   * The yearly report residents are asked to judge, read-only: the figures and the approved activities, built as the
   * deputy's own report is, served only while the appraisal is open and to those who may rate it. Nothing of any
   * resident is in it (counts only; what a deputy wrote of an activity is masked of numbers and house numbers).
   */
  async report(user: MpPrincipal, surveyId: string) {
    const appraisal = await this.appraisal(surveyId)
    const refused = this.refusal(user, appraisal)
    if (refused) throw new ForbiddenError(refused, appraisal.deputyId === user.deputyId ? 'own_appraisal' : 'deputy_not_rater')
    const survey = (await this.deps.store.surveys.get(surveyId)) as SurveyRecord
    const phase = surveyPhase(survey, this.deps.clock.now())
    if (phase !== 'open') throw new ForbiddenError(phase === 'closed' ? REPORT_OVER : REPORT_NOT_YET, 'appraisal_not_open')
    const year = await this.deps.records.ofDeputy(appraisal.deputyId, appraisal.year)
    const activities = (await this.deps.store.recordActivities.ofDeputy(appraisal.deputyId, `${appraisal.year}-01-01`, `${appraisal.year}-12-31`)).filter(
      (a) => a.status === 'approved',
    )
    return { appraisal, survey, year, activities }
  }

  /**
   * One answer per resident of the deputy's area; the deputy does not rate themselves. `requestKey`: the request's
   * Idempotency-Key; a resend of the same answer after its reply was lost gets the answer first stored, `replayed`
   * (counted once), as a survey's does (SurveyResponses.respondOnce).
   */
  async respond(user: MpPrincipal, surveyId: string, input: { regionId: string; answers: Record<string, string | string[] | number> }, requestKey?: string) {
    const appraisal = await this.appraisal(surveyId)
    const refused = this.refusal(user, appraisal)
    if (refused) throw new ForbiddenError(refused, appraisal.deputyId === user.deputyId ? 'own_appraisal' : 'deputy_not_rater')
    const dir = await this.deps.directory.prepared()
    if (!this.area(appraisal, dir).has(input.regionId))
      throw new ForbiddenError('仅限该代表联系的社区居民参加评议', 'not_in_area', [{ path: 'body.regionId', message: '不在该代表联系的区域内' }])
    // The station of the deputy's that covers the place: the answer is counted there.
    const deputy = dir.deputies.get(appraisal.deputyId)
    const station = (deputy?.stationIds ?? [])
      .map((s) => dir.stations.get(s))
      .find((st) => st && st.regionIds.some((rid) => subtree(rid, [...dir.regions.values()]).has(input.regionId)))
    return this.deps.responses.respondOnce(
      user,
      surveyId,
      { answers: input.answers, comments: [], via: station?.code ?? null },
      { areaChecked: true, ...(requestKey ? { requestKey } : {}) },
    )
  }

  /**
   * The deputy's own 述职评议: its results only once it has closed with enough raters (domain/appraisal-seal.ts);
   * until then he learns how many have taken part.
   */
  async ofDeputy(deputyId: string) {
    return this.withResults(await this.deps.store.appraisals.ofDeputy(deputyId))
  }

  /** The office a clerk is sent to for what only the office does here: her district's, or the whole installation's. */
  private async officeToAsk(staff: StaffPrincipal): Promise<string> {
    return officeToAsk(staff, await this.deps.directory.prepared())
  }

  /**
   * The office's view of one deputy's 述职评议: organizers and admins whose scope holds the deputy. Sealed by the same
   * rule as his: the office follows the turnout while it runs, and reads the ratings once it has closed with enough
   * raters (staff watching the average move could tell who rated how as well as he could).
   */
  async forStaff(staff: StaffPrincipal, deputyId: string) {
    if (staff.role !== 'organizer' && staff.role !== 'admin')
      throw new ForbiddenError(`述职评议结果仅向代表本人和${await this.officeToAsk(staff)}公开`, 'office_only')
    await this.deps.scope.deputy(staff, deputyId)
    return this.withResults(await this.deps.store.appraisals.ofDeputy(deputyId))
  }

  /**
   * A 述职评议 of this deputy whose QR poster the office prints for the community notice board (organizers and
   * admins whose scope holds him; another deputy's survey id is not found), with the lines under its title.
   */
  async posterOf(staff: StaffPrincipal, deputyId: string, surveyId: string): Promise<{ survey: SurveyRecord; lines: [string, string] }> {
    const mine = (await this.forStaff(staff, deputyId)).find((x) => x.appraisal.surveyId === surveyId)
    if (!mine) throw new NotFoundError('述职评议不存在')
    return { survey: mine.survey, lines: appraisalPosterLines(mine.phase) }
  }

  /** Each appraisal with its tally, sealed as domain/appraisal-seal.ts says for everyone who reads it. */
  private async withResults(list: AppraisalRecord[]): Promise<AppraisalWithResults[]> {
    const now = this.deps.clock.now()
    return Promise.all(
      list.map(async (a) => {
        const survey = (await this.deps.store.surveys.get(a.surveyId)) as SurveyRecord
        const phase = surveyPhase(survey, now)
        const { results, seal } = readableAppraisalResults(phase, surveyResults(survey, await this.deps.store.surveys.tallies(a.surveyId, '')))
        return { appraisal: a, survey, phase, results, sealed: seal !== null, seal }
      }),
    )
  }

  /** Why a user does not rate this appraisal (nor read its report here), or null for a resident who may. */
  private refusal(user: MpPrincipal, a: AppraisalRecord): string | null {
    if (user.deputyId === a.deputyId) return OWN_APPRAISAL
    if (user.deputyId) return DEPUTY_NOT_RATER
    return null
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
