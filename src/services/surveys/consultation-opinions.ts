import type { Clock } from '../../clock.js'
import { draftName, OPINION_OUTCOME_LABELS, type Opinion, type OpinionOutcome, type SurveyRecord } from '../../domain/survey.js'
import { scopeHasPlace, scopeHasStation, type StaffScope } from '../../domain/staff-scope.js'
import { NotFoundError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import type { AuditTrail } from '../audit.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { SurveyService } from './surveys.js'

/** Opinions read at a time for the 采纳情况表: a consultation of a large city has thousands. */
const OPINION_SHEET_PAGE = 500

/**
 * A consultation's opinions as the office reads and answers them: the 采纳情况表, its pages, and
 * each opinion's outcome, told to its named commenter through the outbox (采纳情况反馈) in the
 * same write, once per decision.
 */
export class ConsultationOpinions {
  constructor(
    private readonly store: Pick<Store, 'surveys'>,
    private readonly surveys: Pick<SurveyService, 'readable' | 'manageable'>,
    private readonly clock: Clock,
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly directory: Pick<DirectoryCache, 'stationPlaces'>,
  ) {}

  /**
   * Every opinion of a consultation the staff member may read, oldest first, for its 采纳情况表: read a page at a
   * time by the store, which keeps to a follower's places (a district organizer following a city-level
   * consultation reads their districts' opinions, as its results and CSV show), never every opinion and
   * every answer to pick theirs out.
   */
  async opinions(staff: StaffPrincipal, id: string): Promise<{ survey: SurveyRecord; opinions: Opinion[] }> {
    const view = await this.surveys.readable(staff, id)
    const within = view.followed ? await this.placesFollowed(view.scope) : undefined
    const opinions: Opinion[] = []
    for (let offset = 0; ; offset += OPINION_SHEET_PAGE) {
      const page = await this.store.surveys.opinionPage(view.survey.id, { within, offset, limit: OPINION_SHEET_PAGE })
      opinions.push(...page.items)
      if (page.items.length < OPINION_SHEET_PAGE) return { survey: view.survey, opinions }
    }
  }

  /**
   * One page of a consultation's opinions and how many match (共 N 条), read a page at a time by
   * the store. A follower of a city-level consultation reads their own places' only, as `opinions`.
   */
  async opinionPage(staff: StaffPrincipal, id: string, query: { articleId?: string; outcome?: OpinionOutcome; offset: number; limit: number }) {
    const view = await this.surveys.readable(staff, id)
    const within = view.followed ? await this.placesFollowed(view.scope) : undefined
    // Article by article in the draft's order (第一条 before 第十五条), each oldest first: as the office reads a draft.
    const articleOrder = view.survey.articles.map((a) => a.id)
    return { survey: view.survey, ...(await this.store.surveys.opinionPage(view.survey.id, { ...query, within, articleOrder })) }
  }

  /** A follower's places as the store filters by them: the stations `answersSeen` keeps, and the districts it keeps answers of no station by. */
  private async placesFollowed(scope: StaffScope) {
    const { stations } = await this.directory.stationPlaces()
    return {
      stationIds: [...stations.values()].filter((st) => scopeHasStation(scope, st)).map((st) => st.id),
      districtIds: [...scope.tree.values()].filter((r) => r.kind === 'district' && scopeHasPlace(scope, { districtId: r.id })).map((r) => r.id),
    }
  }

  /** 查看完整原文 on 逐条意见: the same page, recorded in 操作记录 before it is answered (the list masks her numbers). */
  async wholeOpinionPage(staff: StaffPrincipal, id: string, query: { articleId?: string; outcome?: OpinionOutcome; offset: number; limit: number }) {
    const page = await this.opinionPage(staff, id, query)
    await this.audit.record(staff, 'survey.text.read', { kind: 'survey', id: page.survey.id }, { source: 'opinions', rows: page.items.length })
    return page
  }

  /**
   * Marks an opinion adopted, partly adopted or not, with the reason. A named commenter is
   * told; told again, as a correction, when a later decision changes the outcome or the
   * reason; the same decision sent twice tells nobody twice.
   */
  async decide(
    staff: StaffPrincipal,
    surveyId: string,
    opinionId: string,
    decision: { outcome: Exclude<OpinionOutcome, 'pending'>; reason: string },
  ): Promise<Opinion> {
    const s = await this.surveys.manageable(staff, surveyId)
    const opinion = await this.store.surveys.getOpinion(opinionId)
    if (!opinion || opinion.surveyId !== s.id) throw new NotFoundError('意见不存在')
    if (opinion.outcome === decision.outcome && opinion.reason === decision.reason) return opinion
    const now = this.clock.now()
    const next: Opinion = { ...opinion, outcome: decision.outcome, reason: decision.reason, decidedBy: staff.id, decidedAt: now }
    const article = s.articles.find((a) => a.id === opinion.articleId)
    const correction = opinion.outcome !== 'pending'
    const messages: OutboxMessage[] = opinion.mpUserId
      ? [
          outboxMessage({
            to: { kind: 'mp_user', id: opinion.mpUserId },
            kind: 'survey.opinion_feedback',
            payload: {
              surveyId: s.id,
              opinionId: opinion.id,
              outcome: decision.outcome,
              text: `${correction ? '采纳情况更正' : '采纳情况反馈'}：您对${draftName(s.title)}${article?.number ?? ''}提出的意见，结果${correction ? '改为' : '为'}「${OPINION_OUTCOME_LABELS[decision.outcome]}」。说明：${decision.reason}`,
            },
            // One message per decision: the first as before, each correction by its time.
            dedupeKey: `survey:${s.id}:opinion:${opinion.id}:feedback${correction ? `:${now.toISOString()}` : ''}`,
            at: now,
          }),
        ]
      : []
    return this.store.surveys.decideOpinion(next, messages)
  }
}
