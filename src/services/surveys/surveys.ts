import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import type { DeputyLevel } from '../../domain/directory.js'
import {
  canManageSurvey,
  definitionProblems,
  EMPTY_SURVEY,
  emptyAudienceProblem,
  surveyPhase,
  type SurveyKind,
  type SurveyRecord,
} from '../../domain/survey.js'
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import type { SurveyQuery } from '../../store/survey-ports.js'
import type { AuditTrail } from '../audit.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { publishNotices } from '../publish-notices.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import type { BallotCount } from './ballot-count.js'
import { deputiesSelected } from './deputy-selection.js'
import { correctSurvey, type SurveyCorrectionInput } from './survey-correction.js'
import { newShortCode, type SurveyDraft } from './survey-draft.js'
import { KIND_WORDS, NOT_FOUND_NEUTRAL } from './survey-words.js'
import { scopeHasPlace, scopeHasStation, scopeOwnerIds, type StaffScope } from '../../domain/staff-scope.js'

export type { SurveyCorrectionInput } from './survey-correction.js'
export type { SurveyDraft } from './survey-draft.js'

/** A survey as one staff member reads it: their scope, and whether they only follow it (a city survey they do not manage). */
export interface SurveyView {
  survey: SurveyRecord
  scope: StaffScope
  followed: boolean
}

/**
 * Organizers' side of surveys, consultations and ballots: create, list, correct, publish, close
 * (a consultation's opinions: consultation-opinions.ts). District organizers see their
 * districts' surveys and the ones they made.
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
        ? { passRule: draft.ballot.passRule, maxChosen: draft.ballot.maxChosen, rollDeputyIds: await deputiesSelected(this.store, draft.ballot.roll, within) }
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
      audienceDeputyIds:
        draft.kind !== 'ballot' && draft.audience ? await deputiesSelected(this.store, draft.audience, within, 'body.audience.deputyIds') : null,
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
    return correctSurvey({ store: this.store, clock: this.clock, count: this.count, audit: this.audit }, staff, await this.manageable(staff, id), asked)
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
    return { count: (await deputiesSelected(this.store, selector, scope.kind === 'regions' ? scope : null)).length }
  }
}
