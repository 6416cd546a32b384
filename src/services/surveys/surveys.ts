import { randomBytes, randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { GONE } from '../../domain/choice-words.js'
import type { DeputyLevel } from '../../domain/directory.js'
import {
  canManageSurvey,
  definitionProblems,
  EMPTY_SURVEY,
  draftName,
  emptyAudienceProblem,
  frozenByAnswers,
  OPINION_OUTCOME_LABELS,
  sameValue,
  surveyPhase,
  type Article,
  type SurveyCorrection,
  type Opinion,
  type OpinionOutcome,
  type PassRule,
  type Question,
  type SurveyKind,
  type SurveyRecord,
} from '../../domain/survey.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { SurveyQuery } from '../../store/survey-ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { publishNotices } from '../publish-notices.js'
import { outboxMessage } from '../delivery/outbox-message.js'
import { stationPlaces } from '../directory/station-places.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { BallotCount } from './ballot-count.js'
import { KIND_WORDS, NOT_FOUND_NEUTRAL } from './survey-words.js'
import { scopeHasPlace, scopeHasStation, scopeOwnerIds, type StaffScope } from '../../domain/staff-scope.js'

export interface SurveyDraft {
  /**
   * Absent: a new random id. Given by a caller that must make one survey only (a year's 民生实事
   * ballot): a second create with it is 409 survey_exists and writes nothing, nor tells anyone.
   */
  id?: string
  kind: SurveyKind
  title: string
  description: string
  questions: Question[]
  articles: Article[]
  /** Absent: named, except a ballot, which is always secret. */
  anonymous?: boolean
  /**
   * Absent: now, by the server's clock, never the browser's (an office PC's may run ahead: residents
   * would read 尚未开始). A draft's start is when it is published, if that is later (see publish).
   */
  opensAt?: Date
  closesAt: Date
  responseCap: number | null
  /** Kept as a draft until published (absent: published at once). */
  draft?: boolean
  /** Ballots only: who votes and how projects pass. */
  ballot: { passRule: PassRule; maxChosen: number | null; roll: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] } } | null
  /** A survey or consultation asked of deputies (the same selector as a ballot's roll); absent: anyone with the poster. */
  audience?: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] } | null
}

/** A survey as one staff member reads it: their scope, and whether they only follow it (a city survey they do not manage). */
export interface SurveyView {
  survey: SurveyRecord
  scope: StaffScope
  followed: boolean
}

/** Opinions read at a time for the 采纳情况表: a consultation of a large city has thousands. */
const OPINION_SHEET_PAGE = 500

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const newShortCode = () => Array.from(randomBytes(8), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')

/**
 * Organizers' side of surveys, consultations and ballots: create, list, close, and the
 * consultation's opinions with their outcome, told to each named commenter through the
 * outbox (采纳情况反馈) in the same write, once per opinion. District organizers see
 * their districts' surveys and the ones they made.
 */
export class SurveyService {
  constructor(
    private readonly store: Pick<Store, 'directory' | 'outbox' | 'surveys'>,
    private readonly clock: Clock,
    private readonly settings: { timeZone: string },
    private readonly audit: Pick<AuditTrail, 'record'>,
    private readonly directory: Pick<DirectoryCache, 'scopeOf' | 'stationPlaces' | 'prepared'>,
    private readonly count: Pick<BallotCount, 'fixAtClose'>,
  ) {}

  /** Where the staff member may look (domain/staff-scope.ts). */
  scopeOf(staff: StaffPrincipal): Promise<StaffScope> {
    return this.directory.scopeOf(staff)
  }

  /** The stations by id from the shared cached directory: what the readers' places are judged on. */
  async stations() {
    return (await this.directory.stationPlaces()).stations
  }

  /** The surveys an organizer of some districts or streets sees (theirs, those below them, the city's), as a store filter. */
  async scope(staff: StaffPrincipal): Promise<Pick<SurveyQuery, 'visibleTo'>> {
    const scope = await this.directory.scopeOf(staff)
    return scope.kind === 'regions' ? { visibleTo: { districtIds: scopeOwnerIds(scope) ?? [], cityWide: true } } : {}
  }

  async list(staff: StaffPrincipal, query: { kind?: SurveyKind; cursor?: string; limit: number }) {
    return this.store.surveys.search({ ...(await this.scope(staff)), ...query })
  }

  /**
   * Not visible is not found: nobody learns which surveys exist elsewhere. District
   * organizers also see the city's surveys (a poster reaches every district), read only.
   */
  async visible(staff: StaffPrincipal, id: string): Promise<SurveyRecord> {
    return (await this.readable(staff, id)).survey
  }

  /**
   * A survey whose 二维码海报 may be drawn. A draft's is refused (409, as closing a draft): a scan
   * finds no draft, so a poster put up before publishing would send residents to a refusal, and
   * hiding the console's button alone left its address printable. A closed survey's is still
   * drawn, saying it has ended: organizers keep it with the results as the record of what was
   * asked, and a poster left on a wall then tells a passer-by it is over rather than inviting him.
   */
  async posterOf(staff: StaffPrincipal, id: string): Promise<SurveyRecord> {
    const s = await this.visible(staff, id)
    if (s.draft) throw new ConflictError(KIND_WORDS[s.kind].posterOfDraft, [], 'survey_draft')
    return s
  }

  /**
   * A survey the staff member may read, with their scope, judged once, and whether they only
   * follow it: a city-level survey read by an organizer of some districts or streets.
   */
  async readable(staff: StaffPrincipal, id: string): Promise<SurveyView> {
    const s = await this.store.surveys.get(id)
    const scope = await this.directory.scopeOf(staff)
    const manages = !!s && canManageSurvey(s, scope)
    // Neutral: one out of sight is not found either, and its kind would tell what exists elsewhere.
    if (!s || !(manages || (staff.role === 'organizer' && !s.districtIds.length))) throw new NotFoundError(NOT_FOUND_NEUTRAL)
    return { survey: s, scope, followed: !manages }
  }

  /** For changes: a district organizer follows a city-level survey but does not change it. */
  async manageable(staff: StaffPrincipal, id: string): Promise<SurveyRecord> {
    const { survey, followed } = await this.readable(staff, id)
    if (followed) throw new ForbiddenError(KIND_WORDS[survey.kind].cityLevel((await this.directory.prepared()).index.office), 'city_level')
    return survey
  }

  /**
   * Which answers of a survey the staff member follows: null (all) when they manage it; of a
   * city survey, those given at stations in their districts or streets (by district when no station).
   */
  async answersSeen({ scope, followed }: SurveyView): Promise<((r: { stationId: string | null; districtId: string | null }) => boolean) | null> {
    if (!followed) return null
    const { stations } = await this.directory.stationPlaces()
    return (r) => (r.stationId !== null ? scopeHasStation(scope, stations.get(r.stationId)) : scopeHasPlace(scope, { districtId: r.districtId }))
  }

  async create(staff: StaffPrincipal, draft: SurveyDraft): Promise<SurveyRecord> {
    return this.write(staff, await this.prepare(staff, draft), !!draft.id)
  }

  /**
   * The survey `create` would write, checked as it checks (422 on what cannot be published), written nowhere: for a
   * caller with a write of its own to make between the checks and the survey's (提交代表票决 first fixes the year's
   * candidates, then writes the ballot listing them), which then calls `write`.
   */
  async prepare(staff: StaffPrincipal, draft: SurveyDraft): Promise<SurveyRecord> {
    const now = this.clock.now()
    const scope = await this.directory.scopeOf(staff)
    const within = scope.kind === 'regions' ? scope : null
    const ballot =
      draft.kind === 'ballot' && draft.ballot
        ? { passRule: draft.ballot.passRule, maxChosen: draft.ballot.maxChosen, rollDeputyIds: await this.roll(draft.ballot.roll, within) }
        : null
    const record: SurveyRecord = {
      id: draft.id ?? `sv-${randomUUID()}`,
      shortCode: newShortCode(),
      kind: draft.kind,
      title: draft.title,
      description: draft.description,
      questions: draft.questions,
      articles: draft.kind === 'consultation' ? draft.articles : [],
      ballot,
      anonymous: draft.anonymous ?? draft.kind === 'ballot',
      draft: draft.draft ?? false,
      opensAt: draft.opensAt ?? now,
      closesAt: draft.closesAt,
      responseCap: draft.responseCap,
      responseCount: 0,
      districtIds: within ? [...within.regionIds] : [],
      createdBy: staff.id,
      createdAt: now,
      updatedAt: now,
      audienceDeputyIds: draft.kind !== 'ballot' && draft.audience ? await this.roll(draft.audience, within, 'body.audience.deputyIds') : null,
    }
    // An end already past is refused even for a draft: nobody could answer it, and it could never be
    // published. Said once, at the end (not also as "before the start", when the start is now).
    const endPassed = record.closesAt <= now
    const problems = definitionProblems(record).filter((p) => !(endPassed && p.path === 'closesAt'))
    if (endPassed) problems.unshift({ path: 'closesAt', message: '结束时间已经过去了，请选一个以后的时间' })
    if (draft.kind === 'ballot' && !draft.ballot) problems.push({ path: 'ballot', message: '票决须设定投票规则与应投票代表' })
    // Dropped without a word, the organizer would believe the ballot also went to those deputies.
    if (draft.kind === 'ballot' && draft.audience) problems.push({ path: 'audience', message: '票决的投票代表在“应投票代表”中设定，不另设邀请名单' })
    if (problems.length)
      throw new UnprocessableError(
        KIND_WORDS[draft.kind].invalid,
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'invalid_survey',
      )
    // Asked of deputies but of none: it would tell nobody, and its turnout would say everyone had answered.
    // Refused even as a draft: a draft's audience cannot be corrected later.
    const nobody = record.audienceDeputyIds && draft.audience ? emptyAudienceProblem(draft.audience, record.audienceDeputyIds.length) : null
    if (nobody) throw new UnprocessableError(nobody.message, [{ path: 'body.audience', message: nobody.detail }], 'no_audience')
    return record
  }

  /**
   * Writes a survey `prepare` made, with its notices (published at once unless a draft). `idAsked`: its id was the caller's (SurveyDraft.id), and a
   * survey already stored under it is 409 survey_exists.
   */
  async write(staff: StaffPrincipal, record: SurveyRecord, idAsked: boolean): Promise<SurveyRecord> {
    const now = record.createdAt
    for (let attempt = 0; ; attempt++) {
      try {
        // Published as it is made: the roll hears of a ballot once (dedupe keys per deputy), in the same write.
        const created = await this.store.surveys.create(
          attempt ? { ...record, shortCode: newShortCode() } : record,
          record.draft ? [] : publishNotices(record, now, this.settings.timeZone),
        )
        if (!record.draft) await this.audit.record(staff, 'survey.published', { kind: 'survey', id: created.id })
        return created
      } catch (err) {
        // The id asked for is taken: this survey was made already, by an earlier request (see SurveyDraft.id).
        if (err instanceof ConflictError && idAsked && (await this.store.surveys.get(record.id)))
          throw new ConflictError(record.kind === 'ballot' ? '这次票决已经建立' : '这份问卷已经建立', [], 'survey_exists')
        // 32^8 codes: a clash is rare, and another draw settles it.
        if (!(err instanceof ConflictError) || attempt >= 3) throw err
      }
    }
  }

  /**
   * Stops taking responses now (a ballot's tallies are shown from then on). One not open yet
   * ends now too, its opening brought to now: people read 已结束, not a coming start.
   */
  async close(staff: StaffPrincipal, id: string): Promise<SurveyRecord> {
    const s = await this.manageable(staff, id)
    const now = this.clock.now()
    if (s.draft) throw new ConflictError('草稿尚未发布，无需结束', [], 'survey_draft')
    if (surveyPhase(s, now) === 'closed') throw new ConflictError(KIND_WORDS[s.kind].closedAlready, [], 'survey_closed')
    const closed = await this.store.surveys.update({ ...s, opensAt: now < s.opensAt ? now : s.opensAt, closesAt: now, updatedAt: now })
    await this.audit.record(
      staff,
      'survey.closed',
      { kind: 'survey', id: s.id },
      { before: { opensAt: s.opensAt, closesAt: s.closesAt }, after: { opensAt: closed.opensAt, closesAt: closed.closesAt } },
    )
    // The outcome about to be announced is judged on the roll as it stands now, not as it will.
    return this.count.fixAtClose(closed)
  }

  /**
   * Corrects a survey after creation: title and description always; the times (extend,
   * close early) while it has not ended; questions and articles only while nobody has
   * answered (409 with the reason otherwise). Each change is audited with what it was.
   */
  async correct(staff: StaffPrincipal, id: string, asked: SurveyCorrectionInput): Promise<SurveyRecord> {
    const s = await this.manageable(staff, id)
    const now = this.clock.now()
    const correction = startResolved(s, asked, now)
    if (correction.articles !== undefined && s.kind !== 'consultation')
      throw new UnprocessableError(KIND_WORDS[s.kind].invalid, [{ path: 'body.articles', message: '只有立法征求意见才有草案条文' }], 'invalid_survey')
    const frozen = frozenByAnswers(s, correction, now)
    if (frozen.length)
      throw new ConflictError(
        frozen[0]!.message,
        frozen.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'survey_frozen',
      )
    const changed = (Object.keys(correction) as (keyof SurveyCorrection)[]).filter((k) => correction[k] !== undefined && !sameValue(correction[k], s[k]))
    if (!changed.length) return s
    const next: SurveyRecord = { ...s, ...correction, articles: correction.articles ?? s.articles, updatedAt: now }
    // Closing early is closing now, never in the past: answers already in stay counted. Before
    // its opening, as POST /close: it ends now, and does not read as coming.
    const endsNow = !s.draft && !!correction.closesAt && next.closesAt < now
    if (endsNow) {
      next.closesAt = now
      if (now < next.opensAt) next.opensAt = now
      if (next.opensAt.getTime() !== s.opensAt.getTime() && !changed.includes('opensAt')) changed.push('opensAt')
    }
    // A draft's end already past is not an early close: nobody could answer it, and it could never
    // be published. Refused at the end, once (not also as "before the start").
    const endPassed = s.draft && !!correction.closesAt && next.closesAt <= now
    const problems = definitionProblems(next).filter((p) => !((endsNow || endPassed) && p.path === 'closesAt'))
    if (endPassed) problems.push({ path: 'closesAt', message: '结束时间已经过了，请改到以后的时间' })
    if (problems.length)
      throw new UnprocessableError(
        KIND_WORDS[s.kind].invalid,
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'invalid_survey',
      )
    // Changing what answers refer to holds only while nobody has answered, checked again in the write itself.
    let saved = await this.store.surveys.update(next, { unanswered: changed.includes('questions') || changed.includes('articles') })
    // Closed by this correction (or already): as at POST /close, a ballot's count is fixed now.
    if (surveyPhase(saved, now) === 'closed') saved = await this.count.fixAtClose(saved)
    await this.audit.record(
      staff,
      'survey.corrected',
      { kind: 'survey', id: s.id },
      {
        fields: changed,
        before: Object.fromEntries(changed.map((k) => [k, s[k]])),
        after: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    )
    return saved
  }

  /**
   * Publishes a draft: from now respondents find it (from its opening time). A start already past,
   * the time the draft was saved when none was given, becomes now: nobody could answer a draft, so
   * a draft saved on Monday and published on Friday opened on Friday. Audited.
   */
  async publish(staff: StaffPrincipal, id: string): Promise<SurveyRecord> {
    const s = await this.manageable(staff, id)
    if (!s.draft) throw new ConflictError('已经发布过了', [], 'already_published')
    const now = this.clock.now()
    if (s.closesAt <= now)
      throw new ConflictError('结束时间已过，请先修改结束时间再发布', [{ path: 'closesAt', message: s.closesAt.toISOString() }], 'survey_closed')
    // A questionnaire with no question yet (a draft may be saved so): published, nobody could ever answer it.
    if (s.kind === 'survey' && !s.questions.length)
      throw new UnprocessableError('这份问卷还没有题目，不能发布', [{ path: 'questions', message: EMPTY_SURVEY }], 'invalid_survey')
    // A draft saved asking no deputy (before that was refused at saving): published, it would tell nobody.
    if (s.kind !== 'ballot' && s.audienceDeputyIds?.length === 0)
      throw new UnprocessableError(
        '这份问卷请代表填写，但没有选中任何代表，不能发布',
        [{ path: 'audience', message: '请新建一份问卷，勾选代表层级或选择区县后再发布' }],
        'no_audience',
      )
    const published = await this.store.surveys.update({ ...s, draft: false, opensAt: s.opensAt < now ? now : s.opensAt, updatedAt: now })
    // The roll hears of a ballot when it is published. Written just after the update, not in
    // its transaction (the update port takes no messages); the dedupe keys keep it to once.
    const notices = publishNotices(published, now, this.settings.timeZone)
    if (notices.length) await this.store.outbox.enqueue(notices)
    await this.audit.record(staff, 'survey.published', { kind: 'survey', id: s.id })
    return published
  }

  /**
   * How many serving deputies a selector asks, within the organizer's districts or streets: the
   * console's count beside 代表层级 while the organizer chooses, as saving would resolve them.
   */
  async previewAudience(staff: StaffPrincipal, selector: { levels?: DeputyLevel[]; districtIds?: string[] }): Promise<{ count: number }> {
    const scope = await this.directory.scopeOf(staff)
    return { count: (await this.roll(selector, scope.kind === 'regions' ? scope : null)).length }
  }

  /**
   * Every opinion of a consultation the staff member may read, oldest first, for its 采纳情况表: read a page at a
   * time by the store, which keeps to a follower's places (a district organizer following a city-level
   * consultation reads their districts' opinions, as its results and CSV show), never every opinion and
   * every answer to pick theirs out.
   */
  async opinions(staff: StaffPrincipal, id: string): Promise<{ survey: SurveyRecord; opinions: Opinion[] }> {
    const view = await this.readable(staff, id)
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
    const view = await this.readable(staff, id)
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

  /**
   * Marks an opinion adopted, partly adopted or not, with the reason. A named commenter is
   * told; told again, as a correction, when a later decision changes the outcome or the
   * reason; the same decision sent twice tells nobody twice.
   */
  /** 查看完整原文 on 逐条意见: the same page, recorded in 操作记录 before it is answered (the list masks her numbers). */
  async wholeOpinionPage(staff: StaffPrincipal, id: string, query: { articleId?: string; outcome?: OpinionOutcome; offset: number; limit: number }) {
    const page = await this.opinionPage(staff, id, query)
    await this.audit.record(staff, 'survey.text.read', { kind: 'survey', id: page.survey.id }, { source: 'opinions', rows: page.items.length })
    return page
  }

  async decide(
    staff: StaffPrincipal,
    surveyId: string,
    opinionId: string,
    decision: { outcome: Exclude<OpinionOutcome, 'pending'>; reason: string },
  ): Promise<Opinion> {
    const s = await this.manageable(staff, surveyId)
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

  /**
   * The deputies a ballot's roll names, within the organizer's districts or streets (by their
   * stations), serving ones only: a level or district leaves out those who have left office,
   * naming one of them is 422 deputy_inactive (as on a case).
   */
  private async roll(
    selector: { levels?: DeputyLevel[]; districtIds?: string[]; deputyIds?: string[] },
    within: StaffScope | null,
    path = 'body.ballot.roll.deputyIds',
  ): Promise<string[]> {
    const { snap, stationDistrict } = await stationPlaces(this.store)
    const stations = new Map(snap.stations.map((s) => [s.id, s]))
    const districtsOf = (stationIds: string[]) => stationIds.map((s) => stationDistrict.get(s)).filter((d): d is string => !!d)
    const grouped = !!(selector.levels?.length || selector.districtIds?.length)
    const departed: Array<{ id: string; name: string }> = []
    const ids = snap.deputies
      .filter((d) => {
        const districts = districtsOf(d.stationIds)
        if (within && !d.stationIds.some((id) => scopeHasStation(within, stations.get(id)))) return false
        // Someone who has left office no longer votes nor speaks for the congress: never on a roll or an audience.
        if (!d.active) {
          if (selector.deputyIds?.includes(d.id)) departed.push({ id: d.id, name: d.name })
          return false
        }
        if (selector.deputyIds?.includes(d.id)) return true
        if (!grouped) return false
        if (selector.levels?.length && !selector.levels.includes(d.level)) return false
        return !selector.districtIds?.length || districts.some((x) => selector.districtIds!.includes(x))
      })
      .map((d) => d.id)
    // Worded and coded as on a case (inactiveDeputy in cases/case-mechanics.ts), every one named.
    if (departed.length)
      throw new UnprocessableError(
        '该代表已离任，请选择其他代表',
        departed.map((d) => ({ path, message: `${d.name}代表已离任` })),
        'deputy_inactive',
      )
    const unknown = (selector.deputyIds ?? []).filter((id) => !ids.includes(id))
    if (unknown.length)
      throw new UnprocessableError(
        path.startsWith('body.ballot') ? '应投票代表有误' : '邀请填写的代表有误',
        unknown.map((id) => {
          // Named when the directory has them (out of reach); gone when it has not: never by their id.
          const known = snap.deputies.find((d) => d.id === id)
          return { path, message: known ? `${known.name}代表不在您的管理范围内` : GONE.deputy }
        }),
        'invalid_roll',
      )
    return ids
  }
}

/** A correction as asked: a start of null is a draft's start left empty (it opens when it is published). */
export type SurveyCorrectionInput = Omit<SurveyCorrection, 'opensAt'> & { opensAt?: Date | null }

/**
 * An empty start as at creating: a draft's start that has come (or now, by the server's clock, for
 * one still to come), which publishing makes the publishing time. Only a draft can have none.
 */
function startResolved(s: SurveyRecord, asked: SurveyCorrectionInput, now: Date): SurveyCorrection {
  const { opensAt, ...rest } = asked
  if (opensAt !== null) return asked as SurveyCorrection
  if (!s.draft) throw new UnprocessableError(KIND_WORDS[s.kind].invalid, [{ path: 'body.opensAt', message: '已经发布，请填写开始时间' }], 'invalid_survey')
  // Left out, not undefined: the record is the survey spread with the correction.
  return s.opensAt <= now ? rest : { ...rest, opensAt: now }
}
