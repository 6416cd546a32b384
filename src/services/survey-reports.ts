import type { Clock } from '../clock.js'
import { surveyPhase, type Question, type SurveyRecord, type AnswerValue } from '../domain/survey.js'
import { ballotOutcome, scopeOf, surveyResults } from '../domain/survey-tally.js'
import { ConflictError, UnprocessableError } from '../errors.js'
import type { Store } from '../store/ports.js'
import { csvSheet, sheetTime } from './csv-sheet.js'
import type { StaffPrincipal } from './principal.js'
import type { SurveyService } from './surveys.js'

export interface ResultFilter {
  districtId?: string
  stationId?: string
}

/**
 * Results read from the running tallies (never a scan of responses), text answers page by
 * page, the CSV export. A ballot's tallies stay hidden until it closes; filters by place
 * exist only for named surveys (anonymous ones are counted in total only).
 */
export class SurveyReports {
  constructor(
    private readonly store: Store,
    private readonly surveys: SurveyService,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string },
  ) {}

  async results(staff: StaffPrincipal, id: string, filter: ResultFilter) {
    const s = await this.surveys.visible(staff, id)
    const scope = this.scope(s, filter)
    const phase = surveyPhase(s, this.clock.now())
    if (s.kind === 'ballot') {
      if (phase !== 'closed') throw new ConflictError('票决结束前不公布计票结果', [], 'ballot_not_closed')
      return { survey: s, phase, results: null, ballot: ballotOutcome(s, await this.store.surveys.tallies(s.id, scope)) }
    }
    return { survey: s, phase, results: surveyResults(s, await this.store.surveys.tallies(s.id, scope)), ballot: null }
  }

  async texts(staff: StaffPrincipal, id: string, query: ResultFilter & { questionId: string; q?: string; cursor?: string; limit: number }) {
    const s = await this.surveys.visible(staff, id)
    this.scope(s, query)
    const q = s.questions.find((x) => x.id === query.questionId)
    if (!q || q.type !== 'text') throw new UnprocessableError('没有这道填空题', [{ path: 'query.questionId', message: query.questionId }], 'not_a_text_question')
    return this.store.surveys.textAnswers(s.id, query)
  }

  /** One row per response, one column per question (and per article of a consultation), through the one CSV writer. */
  async csv(staff: StaffPrincipal, id: string): Promise<{ title: string; csv: string }> {
    const s = await this.surveys.visible(staff, id)
    if (s.kind === 'ballot' && surveyPhase(s, this.clock.now()) !== 'closed') throw new ConflictError('票决结束前不公布计票结果', [], 'ballot_not_closed')
    const stations = new Map((await this.store.stations.list()).map((x) => [x.id, x.name]))
    const header = ['提交时间', '来源', '联络站', ...s.questions.map((q) => `${q.id} ${q.title}`), ...s.articles.map((a) => `${a.number} 意见`)]
    const rows = (await this.store.surveys.responses(s.id)).map((r) => [
      sheetTime(r.createdAt, this.settings.timeZone, { seconds: true }), r.via ?? '', r.stationId ? (stations.get(r.stationId) ?? r.stationId) : '',
      ...s.questions.map((q) => cell(q, r.answers[q.id])),
      ...s.articles.map((a) => r.comments.filter((c) => c.articleId === a.id).map((c) => c.text).join('\n')),
    ])
    return { title: s.title, csv: csvSheet([header, ...rows]) }
  }

  private scope(s: SurveyRecord, filter: ResultFilter) {
    if ((filter.districtId || filter.stationId) && s.anonymous) {
      throw new UnprocessableError('匿名问卷不按区县、联络站统计', [{ path: filter.stationId ? 'query.stationId' : 'query.districtId', message: 'anonymous' }], 'filter_not_available')
    }
    return scopeOf(filter)
  }
}

function cell(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return ''
  const label = (o: string) => q.options.find((x) => x.id === o)?.label ?? o
  if (Array.isArray(v)) return v.map(label).join('；')
  return q.type === 'single' ? label(String(v)) : String(v)
}
