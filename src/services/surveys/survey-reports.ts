import type { Clock } from '../../clock.js'
import { APPRAISAL_SEAL_WORDS, appraisalSeal, type AppraisalSeal } from '../../domain/appraisal-seal.js'
import { GONE } from '../../domain/choice-words.js'
import { scopeHasStation } from '../../domain/staff-scope.js'
import { normalizeCode } from '../../domain/routing-index.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import {
  OPINION_OUTCOME_LABELS,
  surveyPhase,
  type AnswerValue,
  type Opinion,
  type Question,
  type SurveyRecord,
  type SurveyResponse,
} from '../../domain/survey.js'
import { ballotOutcome, mergeIncrements, RESPONSES, scopeOf, surveyResults, tieWords, type BallotOutcome, type TallyRow } from '../../domain/survey-tally.js'
import { ConflictError, ForbiddenError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { csvSheet, sheetTime } from '../csv-sheet.js'
import type { SurveyService, SurveyView } from './surveys.js'
import type { BallotCount } from './ballot-count.js'
import { KIND_WORDS } from './survey-words.js'

/** The 述职评议 a questionnaire belongs to, as its survey page tells it: whose, which year, and why its answers are held back now. */
export interface SurveyAppraisal {
  deputyId: string
  deputyName: string
  year: number
  /** Null once its answers may be read (closed with enough raters). */
  seal: AppraisalSeal | null
}

export interface ResultFilter {
  districtId?: string
  stationId?: string
}

/** The answers a reader reads: a filter, or an organizer's districts or (with streets among them) stations of a city survey. */
type Place = ResultFilter & { districtIds?: string[]; stationIds?: string[] }

/**
 * Results read from the running tallies (never a scan of responses), text answers page by
 * page, the CSV export. A ballot's tallies stay hidden until it closes (a 述职评议's too, and with few raters after);
 * filters by place exist only for named surveys (anonymous ones are counted in total only). A ballot is read
 * whole by everyone who reads it, and its sheet is its counts: a secret vote is never told
 * by a place small enough to be one deputy's.
 */
export class SurveyReports {
  constructor(
    private readonly store: Pick<Store, 'regions' | 'surveys' | 'appraisals' | 'deputies'>,
    private readonly surveys: SurveyService,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string },
    private readonly count: Pick<BallotCount, 'counted'>,
    /** Where each download of the answers (residents' own words) is recorded. */
    private readonly audit: Pick<AuditTrail, 'record'> | null = null,
  ) {}

  async results(staff: StaffPrincipal, id: string, filter: ResultFilter) {
    const view = await this.surveys.readable(staff, id)
    const s = view.survey
    const phase = surveyPhase(s, this.clock.now())
    if (s.kind === 'ballot') {
      if (filter.districtId || filter.stationId)
        throw new UnprocessableError(
          KIND_WORDS.ballot.notByPlace,
          [{ path: filter.stationId ? 'query.stationId' : 'query.districtId', message: 'ballot' }],
          'filter_not_available',
        )
      if (phase !== 'closed') throw new ConflictError('票决结束前不公布计票结果', [], 'ballot_not_closed')
      return { survey: s, phase, results: null, ballot: await this.outcome(s), decided: null }
    }
    const place = await this.within(view, filter)
    this.scope(s, place)
    await this.refuseSealedAppraisal(s)
    return { survey: s, phase, results: surveyResults(s, await this.tallies(s, place)), ballot: null, decided: await this.decidedByArticle(view, filter) }
  }

  /**
   * How many of each article's opinions the office has decided, counted by the store: for the office that decides
   * them, its whole consultation (no filter by place); null otherwise (a district following a city-level one reads
   * its part's counts, the city office decides).
   */
  private async decidedByArticle({ survey, followed }: SurveyView, filter: ResultFilter): Promise<Map<string, number> | null> {
    if (survey.kind !== 'consultation' || followed || filter.districtId || filter.stationId) return null
    const decided = new Map<string, number>()
    for (const c of (await this.store.surveys.opinionTally(survey.id)).counts)
      if (c.outcome !== 'pending') decided.set(c.articleId, (decided.get(c.articleId) ?? 0) + c.count)
    return decided
  }

  /**
   * 查看完整原文 on 文字回答: the same page, its numbers to be shown whole, recorded in 操作记录 before it is answered (as
   * a message's whole words are): the list masks them.
   */
  async wholeTexts(staff: StaffPrincipal, id: string, query: ResultFilter & { questionId: string; q?: string; cursor?: string; limit: number }) {
    const page = await this.texts(staff, id, query)
    await this.audit?.record(staff, 'survey.text.read', { kind: 'survey', id }, { source: 'texts', questionId: query.questionId, rows: page.items.length })
    return page
  }

  async texts(staff: StaffPrincipal, id: string, query: ResultFilter & { questionId: string; q?: string; cursor?: string; limit: number }) {
    const view = await this.surveys.readable(staff, id)
    const s = view.survey
    // Each text is one person's words from one place: an organizer reads only their own places'
    // even where the survey is anonymous and its counts are the city's (as the sheet's rows).
    this.scope(s, query)
    // A 述职评议's written words are its residents' as much as its ratings: held back by the same rule.
    await this.refuseSealedAppraisal(s)
    const place = await this.ownPart(view, query)
    const q = s.questions.find((x) => x.id === query.questionId)
    if (!q || q.type !== 'text')
      throw new UnprocessableError('没有这道填空题', [{ path: 'query.questionId', message: query.questionId }], 'not_a_text_question')
    return this.store.surveys.textAnswers(s.id, {
      ...query,
      districtId: place.districtId,
      stationId: place.stationId,
      districtIds: place.districtIds,
      stationIds: place.stationIds,
    })
  }

  /**
   * One row per response, one column per question (and per article of a consultation), through
   * the one CSV writer. A ballot's sheet is its count per project, the same for every reader.
   * Questions are headed as respondents read them ("1. 您是否支持…？"), not by their ids; 来源 and
   * 联络站 only when some row of this export has one (answers by a survey's own poster have neither:
   * a column empty all the way down reads as lost data).
   * `title`: the file's name, without .csv.
   */
  async csv(staff: StaffPrincipal, id: string): Promise<{ title: string; csv: string }> {
    const view = await this.surveys.readable(staff, id)
    const s = view.survey
    if (s.kind === 'ballot') {
      if (surveyPhase(s, this.clock.now()) !== 'closed') throw new ConflictError('票决结束前不公布计票结果', [], 'ballot_not_closed')
      return { title: `${s.title}-计票结果`, csv: await csvSheet(ballotSheet(await this.outcome(s))) }
    }
    await this.refuseSealedAppraisal(s)
    const stations = await this.surveys.stations()
    const stationCodes = new Set([...stations.values()].map((st) => normalizeCode(st.code)))
    const seen = await this.surveys.answersSeen(view)
    const responses = (await this.store.surveys.responses(s.id)).filter((r) => !seen || seen(r))
    // Who answered, as the office may know it: a deputy (in office, by his role) or a resident (never named). Said once
    // a deputy is among the rows (an anonymous survey keeps nobody): a column of 群众 all the way down says nothing.
    const byDeputy = responses.some((r) => r.deputyId)
    const columns: Array<{ heading: string; value: (r: SurveyResponse) => string; always?: boolean; shown?: boolean }> = [
      { heading: '提交时间', value: (r) => sheetTime(r.createdAt, this.settings.timeZone, { seconds: true }), always: true },
      { heading: '身份', value: (r) => respondentWords(r), shown: byDeputy },
      { heading: '来源', value: (r) => viaWords(r.via, stationCodes) },
      { heading: '联络站', value: (r) => (r.stationId ? (stations.get(r.stationId)?.name ?? r.stationId) : '') },
    ]
    const shown = columns.filter((c) => c.always || (c.shown ?? responses.some((r) => c.value(r) !== '')))
    // Beside each article's opinion, what the office made of it (采纳结果, 理由): the sheet it reports 采纳情况 from.
    const decided = new Map<string, Opinion[]>()
    for (const o of s.articles.length ? await this.store.surveys.opinions(s.id, {}) : []) {
      const key = `${o.responseId}|${o.articleId}`
      decided.set(key, [...(decided.get(key) ?? []), o])
    }
    const header = [
      ...shown.map((c) => c.heading),
      ...s.questions.map((q, i) => `${i + 1}. ${q.title}`),
      ...s.articles.flatMap((a) => [`${a.number} 意见`, `${a.number} 采纳结果`, `${a.number} 理由`]),
    ]
    const rows = responses.map((r) => [
      ...shown.map((c) => c.value(r)),
      ...s.questions.map((q) => cell(q, r.answers[q.id])),
      ...s.articles.flatMap((a) => {
        const opinions = decided.get(`${r.id}|${a.id}`) ?? []
        // Two opinions on one article (sent before that was refused): each numbered, with its own result and reason.
        if (opinions.length > 1) {
          const numbered = (words: (o: Opinion) => string) => opinions.map((o, i) => `${i + 1}. ${words(o)}`).join('\n')
          return [numbered((o) => maskPhoneAndIdNumbers(o.text)), numbered((o) => OPINION_OUTCOME_LABELS[o.outcome]), numbered((o) => o.reason ?? '')]
        }
        // Her numbers masked, as in 文字回答 and a message's export: the sheet leaves the office.
        const text = r.comments
          .filter((c) => c.articleId === a.id)
          .map((c) => maskPhoneAndIdNumbers(c.text))
          .join('\n')
        const o = opinions[0]
        return [text, o ? OPINION_OUTCOME_LABELS[o.outcome] : '', o?.reason ?? '']
      }),
    ])
    await this.audit?.record(staff, 'survey.responses_exported', { kind: 'survey', id: s.id }, { rows: rows.length })
    // A consultation's sheet is one row per person (每人填写的内容; 逐条意见和采纳情况 is one per opinion), a questionnaire's answer sheets (答卷).
    return { title: `${s.title}-${s.kind === 'consultation' ? '每人填写的内容' : '答卷'}`, csv: await csvSheet([header, ...rows]) }
  }

  /**
   * An organizer following a city-level survey reads their districts' or streets' part: a filter
   * must lie within them; no filter is all their districts together, or, when streets are among
   * them, the stations of all their places. Anonymous surveys are counted in total only. A
   * district filter names a district: answers are counted by district, so a street's would read as none.
   */
  private async within(view: SurveyView, filter: ResultFilter): Promise<Place> {
    if (view.survey.anonymous) {
      if (filter.districtId) await this.requireDistrict(filter.districtId)
      return filter
    }
    return this.ownPart(view, filter)
  }

  /** A filter within the reader's places, or all their places; the filter itself for a survey of their own. */
  private async ownPart({ scope, followed }: SurveyView, filter: ResultFilter): Promise<Place> {
    if (filter.districtId) await this.requireDistrict(filter.districtId)
    if (!followed) return filter
    const outside = () => new ForbiddenError('只能查看本区县的情况', 'outside_district')
    const stations = await this.surveys.stations()
    if (filter.stationId) {
      if (!scopeHasStation(scope, stations.get(filter.stationId))) throw outside()
      return { stationId: filter.stationId }
    }
    if (filter.districtId) {
      if (!scope.regionIds.includes(filter.districtId)) throw outside()
      return { districtId: filter.districtId }
    }
    if (scope.regionIds.every((id) => scope.tree.get(id)?.kind === 'district')) return { districtIds: [...scope.regionIds] }
    // Counted per station, not per street: a street's part is the sum of its stations'.
    return { stationIds: [...stations.values()].filter((st) => scopeHasStation(scope, st)).map((st) => st.id) }
  }

  private async requireDistrict(id: string) {
    const region = await this.store.regions.get(id)
    if (region?.kind === 'district') return
    const message = region ? `“${region.name}”不是区县，请选一个区县，或不加筛选` : `${GONE.district}，请重新选择，或不加筛选`
    throw new UnprocessableError('只能按区县筛选', [{ path: 'query.districtId', message }], 'not_a_district')
  }

  /**
   * A 述职评议's questionnaire is read here by the same rule as on the deputy's record (domain/appraisal-seal.ts):
   * its ratings and answer sheets wait for the close, and stay unread with too few raters; the count of answers
   * stays on the survey's page.
   */
  private async refuseSealedAppraisal(s: SurveyRecord) {
    if (!(await this.store.appraisals.bySurvey(s.id))) return
    const seal = await this.sealOf(s)
    if (seal) throw new ConflictError(APPRAISAL_SEAL_WORDS[seal], [], 'appraisal_sealed')
  }

  /**
   * Whether the questionnaire is a 述职评议's, and whose: its survey page says so and sends the office to the deputy's
   * record, where it is managed, and offers nothing the server would refuse while it is sealed. Null for any other survey.
   */
  async appraisalOf(s: SurveyRecord): Promise<SurveyAppraisal | null> {
    const appraisal = await this.store.appraisals.bySurvey(s.id)
    if (!appraisal) return null
    const deputy = await this.store.deputies.get(appraisal.deputyId)
    return { deputyId: appraisal.deputyId, deputyName: deputy?.name ?? '', year: appraisal.year, seal: await this.sealOf(s) }
  }

  /** A 述职评议's seal now, by its count of raters (domain/appraisal-seal.ts). */
  private async sealOf(s: SurveyRecord): Promise<AppraisalSeal | null> {
    const raters = (await this.store.surveys.tallies(s.id, scopeOf({}))).find((r) => r.questionId === RESPONSES && r.bucket === '')?.count ?? 0
    return appraisalSeal(surveyPhase(s, this.clock.now()), raters)
  }

  /** A closed ballot's outcome: the whole ballot's counters, on the roll as it counted at the close (BallotCount). */
  private async outcome(s: SurveyRecord) {
    return ballotOutcome(s, await this.store.surveys.tallies(s.id, scopeOf({})), await this.count.counted(s))
  }

  /** The counters of a place; an organizer's districts or stations summed. */
  private async tallies(s: SurveyRecord, place: Place): Promise<TallyRow[]> {
    const parts = place.districtIds?.map((districtId) => scopeOf({ districtId })) ?? place.stationIds?.map((stationId) => scopeOf({ stationId }))
    if (!parts) return this.store.surveys.tallies(s.id, scopeOf(place))
    const rows = await Promise.all(parts.map((part) => this.store.surveys.tallies(s.id, part)))
    return mergeIncrements(rows.flat().map((r) => ({ ...r, scope: '' })))
  }

  private scope(s: SurveyRecord, filter: ResultFilter) {
    if ((filter.districtId || filter.stationId) && s.anonymous) {
      throw new UnprocessableError(
        KIND_WORDS[s.kind].notByPlace,
        [{ path: filter.stationId ? 'query.stationId' : 'query.districtId', message: 'anonymous' }],
        'filter_not_available',
      )
    }
    return scopeOf(filter)
  }
}

/** 计票结果 as a sheet: the figures first, then each project with its votes, most voted first. */
function ballotSheet(b: BallotOutcome): string[][] {
  const yes = (v: boolean) => (v ? '是' : '否')
  return [
    ['应投票代表', '实际投票', '通过至少需要'],
    [`${b.roll} 人`, `${b.ballotsCast} 人`, `${b.minVotes} 票`],
    [],
    ['候选项目', '得票', '得票率', '通过', '当选'],
    ...b.projects.map((p) => [p.label, String(p.count), `${p.percent}%`, yes(p.passes), p.tied ? '并列，待定' : yes(p.chosen)]),
    // A tie across the last place is said on the sheet too: the office decides, the count does not.
    ...(b.tie ? [[], [tieWords(b.tie, (id) => b.projects.find((p) => p.id === id)?.label ?? id)]] : []),
  ]
}

function cell(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return ''
  const label = (o: string) => q.options.find((x) => x.id === o)?.label ?? o
  if (Array.isArray(v)) return v.map(label).join('；')
  // A written answer leaves the office in the sheet: the numbers in it masked, as in 文字回答.
  if (q.type === 'text') return maskPhoneAndIdNumbers(String(v))
  return q.type === 'single' ? label(String(v)) : String(v)
}

/** Who gave an answer, in the 身份 column: 人大代表 or 群众, as the quiz results sheet says it. */
export const respondentWords = (r: Pick<SurveyResponse, 'deputyId'>) => (r.deputyId ? '人大代表' : '群众')

/**
 * Where an answer came in, as a person reads it, not the link's code (?via=ST001): a station's
 * code is 联络站二维码 (the 联络站 column beside it names which); any other mark is named as a
 * code the organizer handed out.
 */
function viaWords(via: string | null, stationCodes: ReadonlySet<string>): string {
  if (!via) return ''
  return stationCodes.has(normalizeCode(via)) ? '联络站二维码' : `其他二维码（标记 ${via}）`
}
