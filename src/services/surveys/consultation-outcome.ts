import type { Clock } from '../../clock.js'
import { OPINION_OUTCOME_LABELS, surveyPhase, type Opinion, type SurveyRecord } from '../../domain/survey.js'
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { csvSheet, sheetTime } from '../csv-sheet.js'
import type { ConsultationOpinions } from './consultation-opinions.js'
import type { SurveyService } from './surveys.js'
import type { SurveyResponses } from './survey-responses.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'

/** An opinion's outcome as its writer and the public read it: 「部分采纳：…」, or that it is still being studied. */
export function outcomeWords(o: Pick<Opinion, 'outcome' | 'reason'>): string {
  if (o.outcome === 'pending') return '正在研究处理，有结果会告诉您'
  return o.reason ? `${OPINION_OUTCOME_LABELS[o.outcome]}：${o.reason}` : OPINION_OUTCOME_LABELS[o.outcome]
}

/**
 * What became of a 立法征求意见's opinions: each writer reads her own (on the consultation's page),
 * the office exports them with result and reason (采纳情况表), and publishes the 采纳情况 once every
 * opinion is decided and the consultation has closed; then anyone reads the summary. The
 * publishing is the consultation's own field (`outcomePublishedAt`), so whoever reads it sees it:
 * done once, never undone.
 */
export class ConsultationOutcome {
  constructor(
    private readonly store: Pick<Store, 'surveys'>,
    private readonly surveys: Pick<SurveyService, 'manageable'>,
    private readonly opinions: Pick<ConsultationOpinions, 'opinions'>,
    private readonly responses: Pick<SurveyResponses, 'find'>,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string },
    private readonly audit: Pick<AuditTrail, 'record'>,
  ) {}

  /** Her own opinions on a consultation, with their outcome: an anonymous one keeps no writer, so it has none. */
  async mine(user: MpPrincipal, ref: string): Promise<{ survey: SurveyRecord; opinions: Opinion[]; publishedAt: Date | null }> {
    const survey = await this.responses.find(ref)
    if (survey.kind !== 'consultation') return { survey, opinions: [], publishedAt: null }
    const opinions = await this.store.surveys.opinions(survey.id, { mpUserId: user.id })
    return { survey, opinions, publishedAt: survey.outcomePublishedAt ?? null }
  }

  async publish(staff: StaffPrincipal, id: string): Promise<{ survey: SurveyRecord; publishedAt: Date }> {
    const survey = await this.surveys.manageable(staff, id)
    if (survey.kind !== 'consultation') throw new UnprocessableError('只有立法征求意见才公布采纳情况', [], 'not_a_consultation')
    if (survey.outcomePublishedAt) return { survey, publishedAt: survey.outcomePublishedAt }
    if (surveyPhase(survey, this.clock.now()) !== 'closed') throw new ConflictError('征求意见还没有结束，结束后才能公布采纳情况', [], 'consultation_open')
    const { total: pending } = await this.store.surveys.opinionPage(survey.id, { outcome: 'pending', offset: 0, limit: 1 })
    if (pending) throw new ConflictError(`还有 ${pending} 条意见没有处理，全部处理后才能公布采纳情况`, [], 'opinions_pending')
    // Two clicks, or two organizers: the store keeps the first time, and both are answered with it.
    const published = await this.store.surveys.publishOutcome(survey.id, this.clock.now())
    await this.audit.record(staff, 'survey.outcome_published', { kind: 'survey', id: survey.id })
    return { survey: published, publishedAt: published.outcomePublishedAt ?? this.clock.now() }
  }

  /** Anyone, once published: per article, how many opinions and what was adopted, with the office's reasons; never a writer's words. */
  async summary(ref: string) {
    const survey = await this.responses.find(ref)
    const publishedAt = survey.kind === 'consultation' ? (survey.outcomePublishedAt ?? null) : null
    if (!publishedAt) throw new NotFoundError('采纳情况还没有公布')
    // Counted by the store: the summary says how many, never whose or what, so no opinion is read.
    const tally = await this.store.surveys.opinionTally(survey.id)
    const articles = survey.articles.map((a) => {
      const on = tally.counts.filter((c) => c.articleId === a.id)
      const count = (outcome: Opinion['outcome']) => on.find((c) => c.outcome === outcome)?.count ?? 0
      const reasons = tally.reasons.filter((r) => r.articleId === a.id).map((r) => `${OPINION_OUTCOME_LABELS[r.outcome]}：${r.reason}`)
      return {
        number: a.number,
        opinions: on.reduce((sum, c) => sum + c.count, 0),
        adopted: count('adopted'),
        partlyAdopted: count('partly_adopted'),
        notAdopted: count('not_adopted'),
        reasons,
      }
    })
    return { survey, publishedAt, articles }
  }

  /** 采纳情况表: every opinion the staff member may read, with its article, result, reason and when it was decided. */
  async csv(staff: StaffPrincipal, id: string): Promise<{ title: string; csv: string }> {
    const { survey, opinions } = await this.opinions.opinions(staff, id)
    const number = new Map(survey.articles.map((a) => [a.id, a.number]))
    const order = new Map(survey.articles.map((a, i) => [a.id, i]))
    const time = (d: Date | null) => (d ? sheetTime(d, this.settings.timeZone) : '')
    const rows = [...opinions]
      .sort((a, b) => (order.get(a.articleId) ?? 0) - (order.get(b.articleId) ?? 0) || a.createdAt.getTime() - b.createdAt.getTime())
      // Her numbers masked, as on 逐条意见 and in a message's export: the sheet leaves the office.
      .map((o) => [
        number.get(o.articleId) ?? '',
        maskPhoneAndIdNumbers(o.text),
        time(o.createdAt),
        OPINION_OUTCOME_LABELS[o.outcome],
        o.reason ?? '',
        time(o.decidedAt),
      ])
    await this.audit.record(staff, 'survey.responses_exported', { kind: 'survey', id: survey.id }, { rows: rows.length })
    return { title: `${survey.title}-逐条意见和采纳情况`, csv: await csvSheet([['条文', '意见', '提出时间', '采纳结果', '理由', '处理时间'], ...rows]) }
  }
}
