/**
 * The survey port (问卷 / 征求意见 / 票决), re-exported by ports.ts beside the others. A
 * response, its tally increments, its text answers and its opinions are one write, so a
 * counter never disagrees with the responses behind it.
 */
import type { Opinion, OpinionOutcome, SurveyKind, SurveyRecord, SurveyResponse } from '../domain/survey.js'
import type { TallyIncrement, TallyRow } from '../domain/survey-tally.js'
import type { Page, PageQuery } from './page.js'
import type { OutboxMessage } from './outbox-message.js'

export interface SurveyQuery extends PageQuery {
  /** A district organizer's view: surveys of any of these districts, or that they created (and city-level ones when cityWide). */
  visibleTo?: { districtIds: string[]; cityWide?: boolean }
  kind?: SurveyKind
}

/** A text answer, for reading and searching them page by page. */
export interface TextAnswer {
  responseId: string
  questionId: string
  text: string
  stationId: string | null
  districtId: string | null
  createdAt: Date
}
export interface TextAnswerQuery extends PageQuery {
  questionId: string
  /** Part of the text. */
  q?: string
  stationId?: string
  districtId?: string
  /** Any of these stations (a street organizer's part of a city survey); empty: none. */
  stationIds?: readonly string[]
  /** Any of these districts (an organizer's several districts); empty: none. */
  districtIds?: readonly string[]
}

/** A page of a consultation's opinions, oldest first (the console's 逐条意见, 20 at a time). */
export interface OpinionQuery {
  articleId?: string
  outcome?: OpinionOutcome
  /**
   * A follower's part of a city-level consultation: opinions given at any of these stations or,
   * given at none, in answers of any of these districts. Absent: every opinion.
   */
  within?: { stationIds: readonly string[]; districtIds: readonly string[] }
  /**
   * The draft's article ids in their order (the console's 逐条意见): the page goes article by article in that order,
   * each oldest first; an article not listed comes after them. Absent: oldest first, whatever the article.
   */
  articleOrder?: readonly string[]
  offset: number
  limit: number
}

/**
 * How a consultation's opinions were decided, counted by the store (its public 采纳情况): how many each
 * article has of each outcome, and the reasons given for adopting one wholly or partly, each once.
 */
export interface OpinionTally {
  counts: Array<{ articleId: string; outcome: OpinionOutcome; count: number }>
  /** Adopted or partly adopted with a reason: each (article, outcome, reason) once, in the order first given (oldest first). */
  reasons: Array<{ articleId: string; outcome: OpinionOutcome; reason: string }>
}

/** Everything one response writes. */
export interface SurveySubmission {
  /** The survey's revision the answer was judged on (`forRespondent`): StoreConflict `stale_survey`, nothing written, when it moved since. */
  revision?: number
  response: SurveyResponse
  increments: TallyIncrement[]
  texts: TextAnswer[]
  opinions: Opinion[]
  /**
   * The Idempotency-Key of the request, as a keyed hash: kept with the response, never beside the account
   * (a secret ballot's votes sit in the order they were cast), so a resend of the same request finds it (`answerOf`).
   */
  requestKey?: string
}

export interface SurveyRepo {
  /** ConflictError when the id or short code is taken; the messages (a ballot's notices) in the same transaction. */
  create(survey: SurveyRecord, outbox?: OutboxMessage[]): Promise<SurveyRecord>
  get(id: string): Promise<SurveyRecord | null>
  getByShortCode(shortCode: string): Promise<SurveyRecord | null>
  /**
   * The survey a respondent opens, by id or by its poster's short code, whether it is a
   * 述职评议 (answered only through its own page), and its revision: a number that moves with
   * every `update` and when a 述职评议 takes the survey over (`appraisals.create`).
   */
  forRespondent(ref: { id: string } | { shortCode: string }): Promise<{ survey: SurveyRecord; appraisal: boolean; revision: number } | null>
  /**
   * Writes the definition and times; the response count is the store's and is left as it is.
   * With `unanswered`, only while the survey has no response (checked in the same write):
   * ConflictError `survey_frozen` otherwise, so a response arriving meanwhile is never
   * left answering questions that changed under it.
   */
  update(survey: SurveyRecord, options?: { unanswered?: boolean }): Promise<SurveyRecord>
  /** Newest first. */
  search(query: SurveyQuery): Promise<Page<SurveyRecord>>
  /**
   * Surveys taking answers at `now` (opened, not closed), closing soonest first: what people are
   * asked to do. Not a 述职评议's: only residents of one deputy's area answer it, reached by its poster.
   */
  openAt(now: Date): Promise<SurveyRecord[]>
  /**
   * Stores the response with its tally increments, text answers and opinions in one
   * transaction, and counts it against the cap. ConflictError `already_responded` when the
   * respondent key answered this survey already, `response_cap_reached` when the cap is
   * full, `stale_survey` when the survey is no longer at `revision`; nothing is written then.
   * Atomic under concurrent calls.
   */
  respond(submission: SurveySubmission): Promise<SurveyResponse>
  hasResponded(surveyId: string, respondentKey: string): Promise<boolean>
  /** The response of one respondent key with the request key it was written with (null when sent without one); null when none. */
  answerOf(surveyId: string, respondentKey: string): Promise<{ response: SurveyResponse; requestKey: string | null } | null>
  /** The counters of one scope ('' for everyone). */
  tallies(surveyId: string, scope: string): Promise<TallyRow[]>
  /** Newest first. */
  textAnswers(surveyId: string, query: TextAnswerQuery): Promise<Page<TextAnswer>>
  /** Every response, oldest first (the CSV export). */
  responses(surveyId: string): Promise<SurveyResponse[]>
  /** Oldest first; `mpUserId`: only the opinions that person gave (her own, on the consultation's page). */
  opinions(surveyId: string, filter: { articleId?: string; outcome?: OpinionOutcome; mpUserId?: string }): Promise<Opinion[]>
  /** The counts and reasons of the public 采纳情况, counted by the store: no opinion is read out. */
  opinionTally(surveyId: string): Promise<OpinionTally>
  /** One page of them, oldest first, and how many match the query in all (共 N 条): read page by page, never all. */
  opinionPage(surveyId: string, query: OpinionQuery): Promise<{ items: Opinion[]; total: number }>
  getOpinion(id: string): Promise<Opinion | null>
  /** Records the outcome with its messages (feedback to the commenter) in one transaction. */
  decideOpinion(opinion: Opinion, outbox: OutboxMessage[]): Promise<Opinion>
  /**
   * Makes the ballots an older version stored named (实名) secret, as ballots are made now:
   * each ballot anonymous (its revision moved, so no copy judged on the named one takes votes),
   * each vote keeping its answers only, under `secretKey(surveyId, respondentKey)`, with its
   * ballot's opening as its time and no person, station, district or source; its counters per
   * district and station dropped. A vote already keyed by a hash is left as it is. Returns how
   * many votes it changed.
   */
  sealBallots(secretKey: (surveyId: string, respondentKey: string) => string): Promise<number>
  /**
   * Every ballot's votes made as secret as a vote is kept now, whatever an older version kept
   * with them: no person, station, district or source, the ballot's opening as their time, and
   * each a new id from `newId` (random: an id ordered by time told the minute of the vote),
   * written again in the order of their new ids; counters per district and station dropped.
   * Keys, answers, counts and tallies stay. Returns how many votes it rewrote.
   */
  scrubBallotVotes(newId: () => string): Promise<number>
  /** Published ballots closed by `now` (their end time passed) whose count is not fixed yet, closing soonest first. */
  ballotsToCount(now: Date): Promise<SurveyRecord[]>
  /**
   * Fixes a closed ballot's count once (`ballot.uncountedAtClose`): the first fix stands, a later
   * one changes nothing, and no `update` writes or erases it. Returns the ballot as stored.
   * NotFoundError when there is no such ballot. `outbox` (the result told to those who voted) is
   * written in the same write, and only by the call that fixed the count: a later one sends nothing.
   */
  fixBallotCount(surveyId: string, uncounted: string[], outbox?: OutboxMessage[]): Promise<SurveyRecord>
  /**
   * Records a consultation's 采纳情况 as published (`outcomePublishedAt`) once: the first time
   * stands, a later call changes nothing, and no `update` writes or erases it. Returns the
   * consultation as stored. NotFoundError when there is no such consultation.
   */
  publishOutcome(surveyId: string, at: Date): Promise<SurveyRecord>
}
