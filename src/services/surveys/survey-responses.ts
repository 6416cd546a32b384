import { timeOrderedUuid } from '../../ids.js'
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.js'
import { momentLabel } from '../../domain/meeting-words.js'
import { surveyPhase, type Answers, type ArticleComment, type Opinion, type SurveyRecord, type SurveyResponse } from '../../domain/survey.js'
import { answerProblems, cleanAnswers } from '../../domain/survey-answers.js'
import { tallyIncrements } from '../../domain/survey-tally.js'
import { normalizeCode } from '../../domain/routing-index.js'
import { AppError, ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import { StoreConflict } from '../../store/conflicts.js'
import { OpenedSurveys, type OpenedSurvey } from './opened-surveys.js'
import { KIND_WORDS } from './survey-words.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import { districtOfStation, type DirectoryCache } from '../directory/directory-cache.js'
import { surveyAnswerNeedsConsent } from '../../domain/consent-needed.js'
import { hasAgreed, requireConsent } from '../privacy/consent-check.js'

export const NOT_ASKED = KIND_WORDS.survey.notAsked

export interface RespondOptions {
  /** A 述职评议's answer, its community checked by its own page. */
  areaChecked?: boolean
  /** The request's Idempotency-Key: the same on every resend of one answer. */
  requestKey?: string
}

/** JSON with every object's keys in order: answers compared whatever order a store gives them back in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )
}

/**
 * A survey a respondent cannot open, as she is told it: true whether it was taken away, is
 * still a draft, or the code she scanned is not one. Neutral: nothing found has no kind, and a
 * deputy opening a ballot's link must not read 问卷.
 */
// What happened and what to do: she cannot tell a taken-down one from a mistyped link, and need not.
export const SURVEY_NOT_FOUND = '找不到这项内容，可能已经撤下了，或者二维码、链接有误。如有疑问，请问问发给您二维码或链接的工作人员'

/**
 * Respondents' side: a survey opened from its poster (id or short code) and one response
 * per person, checked answer by answer on the server. Anonymous surveys keep only a keyed
 * hash of the person (per survey, so two surveys cannot be linked); ballots take one vote
 * per deputy on the roll, whichever account they use.
 */
export class SurveyResponses {
  private readonly opened = new OpenedSurveys()

  constructor(
    private readonly store: Pick<Store, 'surveys' | 'mpUsers'>,
    private readonly cipher: Pick<PiiCipher, 'blindIndex'>,
    private readonly clock: Clock,
    /** `privacyVersion`: the privacy notice as it reads now, which a named answer needs agreed to. */
    private readonly settings: { timeZone: string; privacyVersion: string },
    private readonly directory: Pick<DirectoryCache, 'prepared'>,
  ) {}

  /** By id or by the short code of the poster's QR code (scene v=<code>). */
  async find(idOrCode: string): Promise<SurveyRecord> {
    return (await this.open(idOrCode)).survey
  }

  /** The survey as a respondent opens it, with whether a 述职评议 owns it: one store read, kept for the answers that follow. */
  private async open(idOrCode: string): Promise<OpenedSurvey> {
    const found = await this.store.surveys.forRespondent(idOrCode.startsWith('sv-') ? { id: idOrCode } : { shortCode: idOrCode.toUpperCase() })
    // A draft is not there yet for respondents.
    if (!found || found.survey.draft) throw new NotFoundError(SURVEY_NOT_FOUND)
    return this.opened.keep(found.survey, found.appraisal, found.revision)
  }

  async view(user: MpPrincipal, idOrCode: string) {
    const { survey: s, appraisal } = await this.open(idOrCode)
    const asked = s.kind === 'ballot' ? (s.ballot?.rollDeputyIds ?? []) : s.audienceDeputyIds
    return {
      survey: s,
      phase: surveyPhase(s, this.clock.now()),
      responded: await this.store.surveys.hasResponded(s.id, this.respondentKey(s, user)),
      // Said before they fill it in: a ballot's roll or a named audience they are not on.
      askedOthers: asked !== null && !(user.deputyId && asked.includes(user.deputyId)),
      // A 述职评议's poster carries its survey code: the page sends her on to the appraisal's own (report first, community).
      isAppraisal: appraisal,
      // The page shows her the privacy notice before the questions, as before her first message (domain/consent-needed.ts).
      consentNeeded: surveyAnswerNeedsConsent(s, user) && !(await hasAgreed(user, this.settings.privacyVersion, this.store.mpUsers)),
    }
  }

  async respond(
    user: MpPrincipal,
    idOrCode: string,
    input: { answers: Answers; comments: ArticleComment[]; via: string | null },
    options: RespondOptions = {},
  ): Promise<SurveyResponse> {
    return (await this.respondOnce(user, idOrCode, input, options)).response
  }

  /**
   * As `respond`, with whether the answer is the one already stored: a resend with the same
   * `requestKey` (the request's Idempotency-Key, after its answer was lost on the way) gets the
   * response it first wrote, `replayed`, nothing written twice; the same key with other answers is
   * 422 idempotency_key_reused; another request by someone who answered is 409 already_responded.
   */
  async respondOnce(
    user: MpPrincipal,
    idOrCode: string,
    input: { answers: Answers; comments: ArticleComment[]; via: string | null },
    options: RespondOptions = {},
  ): Promise<{ response: SurveyResponse; replayed: boolean }> {
    const kept = this.opened.get(idOrCode.startsWith('sv-') ? idOrCode : idOrCode.toUpperCase())
    if (kept) {
      try {
        return await this.answer(kept, user, input, options)
      } catch (err) {
        // Judged on a copy kept from earlier answers: a refusal, or a write that found the survey
        // changed since (stale_survey), is judged again on the survey as stored now. What the
        // store refused on its own facts (already answered, cap reached) stands.
        if (!(err instanceof AppError) || (err instanceof StoreConflict && err.conflict !== 'stale_survey')) throw err
        this.opened.forget(kept)
      }
    }
    return this.answer(await this.open(idOrCode), user, input, options)
  }

  private async answer(
    { survey: s, appraisal, revision, roll }: OpenedSurvey,
    user: MpPrincipal,
    input: { answers: Answers; comments: ArticleComment[]; via: string | null },
    options: RespondOptions,
  ): Promise<{ response: SurveyResponse; replayed: boolean }> {
    // A 述职评议 is answered only through its own page, which checks the resident's place first.
    if (!options.areaChecked && appraisal) throw new ForbiddenError('请从述职评议页面参加，并选择您居住的社区', 'appraisal_area_required')
    const now = this.clock.now()
    const phase = surveyPhase(s, now)
    const requestKey = options.requestKey ? this.requestKeyOf(s.id, options.requestKey) : undefined
    if (phase !== 'open') {
      // A vote cast just before the close whose answer was lost, resent after it: received in time, said so.
      const first = requestKey ? await this.resent(s, this.respondentKey(s, user), requestKey, input, now) : null
      if (first) return first
      // Hers counted already (a tap whose answer was lost, her ticks changed since): told it counted, never
      // 已经结束, which reads as if her answer had been lost.
      await this.refuseIfAnswered(s, user)
      if (phase === 'scheduled') throw new ConflictError(`尚未开始，${momentLabel(s.opensAt, this.settings.timeZone)} 起可以提交`, [], 'survey_not_open')
      throw new ConflictError(KIND_WORDS[s.kind].closedToAnswers, [], 'survey_closed')
    }
    // Someone who has left office signs in as a resident (MpSessions): the roll, fixed when the
    // ballot was made, no longer lets them vote, nor a named audience answer.
    if (s.kind === 'ballot') {
      if (!user.deputyId) throw new ForbiddenError('票决仅限已绑定的人大代表参加', 'not_a_deputy')
      if (!roll!.has(user.deputyId)) throw new ForbiddenError('您不在本次票决的应投票代表名单中', 'not_on_roll')
    } else if (s.audienceDeputyIds && !(user.deputyId && s.audienceDeputyIds.includes(user.deputyId))) {
      // Addressed to named deputies: a forwarded link does not let others' answers into theirs.
      throw new ForbiddenError(KIND_WORDS[s.kind].notAsked, 'not_in_audience')
    }
    // A named answer is kept as hers: the notice agreed first, as for a message; nothing is kept until then.
    if (surveyAnswerNeedsConsent(s, user)) await requireConsent(user, this.settings.privacyVersion, this.store.mpUsers)
    const problems = answerProblems(s, input.answers, input.comments)
    if (problems.length)
      throw new UnprocessableError(
        '答卷有误',
        problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
        'invalid_answers',
      )
    const key = this.respondentKey(s, user)
    // Once per person: the store's unique key refuses a second answer in the write itself
    // (409 already_responded, worded in conflict-texts.ts), so no separate read asks first.

    // A ballot is secret: its vote keeps no person, no place and no time of its own (nor an id
    // ordered by time), since a vote's station or minute set beside the turnout list, which is
    // not secret, tells whose it is. Only its keyed hash, which keeps it to one per deputy.
    const secret = s.kind === 'ballot'
    // The shared directory cache, not a fresh copy of the whole directory for every answer.
    const prepared = await this.directory.prepared()
    const deputy = user.deputyId ? prepared.deputies.get(user.deputyId) : undefined
    // By the index's map of codes, not a walk through every station (3,000 in a province).
    const viaStation = input.via && !secret ? prepared.index.stationsByCode.get(normalizeCode(input.via)) : undefined
    const stationId = secret ? null : (viaStation?.id ?? deputy?.stationIds[0] ?? null)
    const answers = cleanAnswers(input.answers)
    const comments = input.comments.map((c) => ({ articleId: c.articleId, text: c.text.trim() }))
    const response: SurveyResponse = {
      id: `sr-${secret ? randomUUID() : timeOrderedUuid()}`,
      surveyId: s.id,
      respondentKey: key,
      mpUserId: secret || s.anonymous ? null : user.id,
      deputyId: secret || s.anonymous ? null : user.deputyId,
      stationId,
      districtId: stationId ? districtOfStation(stationId, prepared) : null,
      via: secret ? null : input.via,
      answers,
      comments,
      createdAt: secret ? s.opensAt : now,
    }
    const texts = s.questions
      .filter((q) => q.type === 'text' && typeof answers[q.id] === 'string')
      .map((q) => ({
        responseId: response.id,
        questionId: q.id,
        text: answers[q.id] as string,
        stationId: response.stationId,
        districtId: response.districtId,
        createdAt: now,
      }))
    const opinions: Opinion[] = comments.map((c) => ({
      id: `op-${randomUUID()}`,
      surveyId: s.id,
      responseId: response.id,
      articleId: c.articleId,
      text: c.text,
      mpUserId: response.mpUserId,
      via: input.via,
      stationId,
      outcome: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
    }))
    let saved: SurveyResponse
    try {
      saved = await this.store.surveys.respond({
        revision,
        response,
        increments: tallyIncrements(s, response),
        texts,
        opinions,
        ...(requestKey ? { requestKey } : {}),
      })
    } catch (err) {
      // The same request again (its answer lost on the way): what it first wrote, not a refusal.
      const first =
        requestKey && err instanceof StoreConflict && err.conflict === 'already_responded' ? await this.resent(s, key, requestKey, input, now) : null
      if (first) return first
      // The store knows the conflict, not what was answered: its kind goes along, so a deputy who
      // voted reads 您已经投过票了 (conflict-texts.ts). Still the same StoreConflict for respond()'s retry.
      throw err instanceof StoreConflict ? new StoreConflict(err.conflict, err.details, { ...err.facts, kind: s.kind }) : err
    }
    // The voter's own receipt says when they voted; the stored vote does not.
    return { response: secret ? { ...saved, createdAt: now } : saved, replayed: false }
  }

  /** 409 already_responded, in the words of its kind, when this person's answer is stored already. */
  private async refuseIfAnswered(s: SurveyRecord, user: MpPrincipal): Promise<void> {
    if (await this.store.surveys.hasResponded(s.id, this.respondentKey(s, user))) throw new StoreConflict('already_responded', [], { kind: s.kind })
  }

  /**
   * The response this very request wrote before (the same request key), or null when the one stored was
   * sent by another request (or none is): then the refusal stands. The same key with other answers is
   * refused: the first answer stands, and she is told hers changed nothing.
   */
  private async resent(
    s: SurveyRecord,
    respondentKey: string,
    requestKey: string,
    input: { answers: Answers; comments: ArticleComment[] },
    now: Date,
  ): Promise<{ response: SurveyResponse; replayed: true } | null> {
    const first = await this.store.surveys.answerOf(s.id, respondentKey)
    if (!first || first.requestKey !== requestKey) return null
    const comments = input.comments.map((c) => ({ articleId: c.articleId, text: c.text.trim() }))
    if (canonical(first.response.answers) !== canonical(cleanAnswers(input.answers)) || canonical(first.response.comments) !== canonical(comments))
      throw new UnprocessableError(KIND_WORDS[s.kind].resentChanged, [], 'idempotency_key_reused')
    // A ballot keeps no time of a vote: the receipt says now, as the first one did.
    return { response: s.kind === 'ballot' ? { ...first.response, createdAt: now } : first.response, replayed: true }
  }

  /**
   * The request key kept with a response: a keyed hash of the Idempotency-Key, per survey. Kept with the
   * response and nowhere else (no idempotency_keys row naming the account and the minute beside a secret
   * ballot's votes, which are stored in the order they were cast).
   */
  private requestKeyOf(surveyId: string, key: string): string {
    return `h:${this.cipher.blindIndex(`survey-request:${surveyId}:${key}`)}`
  }

  /**
   * The keys a deputy's answer would be stored under: a ballot's names the deputy, whichever
   * account votes; a survey's names the account, so each of theirs (mini-program, bot) counts.
   */
  deputyKeys(s: SurveyRecord, deputyId: string, accounts: ReadonlyArray<{ id: string }>): string[] {
    if (s.kind === 'ballot') return [this.respondentKey(s, { kind: 'mp_user', id: '', deputyId })]
    return accounts.map((a) => this.respondentKey(s, { kind: 'mp_user', id: a.id, deputyId }))
  }

  /** Who answered, as the unique key stores it: the person, a keyed hash of them, or (ballots) the deputy. */
  respondentKey(s: SurveyRecord, user: MpPrincipal): string {
    const who = s.kind === 'ballot' && user.deputyId ? `deputy:${user.deputyId}` : `mp:${user.id}`
    return s.anonymous ? this.secretKey(s.id, who) : who
  }

  /** The keyed hash an anonymous survey keeps of `who` (deputy:<id> or mp:<id>): per survey, so two cannot be linked. */
  secretKey(surveyId: string, who: string): string {
    return `h:${this.cipher.blindIndex(`survey:${surveyId}:${who}`)}`
  }
}
