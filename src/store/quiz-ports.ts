/**
 * The quiz port (知识竞赛), re-exported by ports.ts beside the others. Starting an attempt
 * is one transaction (one open attempt per person, a cap on attempts); submitting is one
 * conditional write, so 2,000 people finishing in the same minute cost 2,000 row updates.
 */
import type { AttemptRecord, AttemptStatus, QuizPersonKind, QuizQuestion, QuizRecord } from '../domain/quiz.js'
import type { Page, PageQuery } from './page.js'
import type { OutboxMessage } from './outbox-message.js'

export interface QuizQuery extends PageQuery {
  /** An organizer's view: quizzes whose scope shares a district with these (absent: all). */
  scopeDistrictIds?: string[]
  /** With scopeDistrictIds: city-level quizzes (no district scope) too. */
  cityWide?: boolean
  campaignId?: string
}

export interface QuizPerson {
  kind: QuizPersonKind
  id: string
}

/** An attempt without its paper: whose, at which quiz, and how it stands (what decides whether a quiz is still owed). */
export type AttemptHead = Pick<AttemptRecord, 'quizId' | 'personKind' | 'personId' | 'status' | 'deadline'>

/** How an attempt ends: submitted with its answers and score, or expired (nothing counted). */
export interface AttemptOutcome {
  status: Exclude<AttemptStatus, 'open'>
  finishedAt: Date
  answers: number[][]
  score: number
}

export interface QuizRepo {
  /** ConflictError when the id is taken; the messages (its audience's notices) in the same transaction. */
  create(quiz: QuizRecord, outbox?: OutboxMessage[]): Promise<QuizRecord>
  get(id: string): Promise<QuizRecord | null>
  /**
   * Replaces the settings (title … audience) of a quiz that exists. With `unstarted`, only
   * while nobody has started it, checked in the write itself: ConflictError `quiz_started` otherwise.
   */
  update(quiz: QuizRecord, options?: { unstarted?: boolean }): Promise<QuizRecord>
  /**
   * Removes a draft and its question pool in one write, only while it is still a draft (checked in
   * the write itself: a publish that won the race keeps it). False when there is no such draft.
   */
  deleteDraft(id: string): Promise<boolean>
  /** Newest first. */
  search(query: QuizQuery): Promise<Page<QuizRecord>>
  /** Published quizzes open at `now` (opened, not closed), closing soonest first. */
  openAt(now: Date): Promise<QuizRecord[]>
  /** Published quizzes that closed after `since` and by `now`, the latest closed first (participants look back at them). */
  closedBetween(since: Date, now: Date): Promise<QuizRecord[]>
  /** All or nothing: ConflictError (and nothing written) when an id is taken. */
  addQuestions(questions: QuizQuestion[]): Promise<void>
  /**
   * Replaces a question's content (type … tags); its quiz and position stay. NotFoundError
   * when it does not exist. With `unstarted`, only while nobody has started the quiz,
   * checked in the write itself: ConflictError `quiz_started` otherwise.
   */
  updateQuestion(question: QuizQuestion, options?: { unstarted?: boolean }): Promise<QuizQuestion>
  /** The pool in position order. */
  questions(quizId: string): Promise<QuizQuestion[]>
  getQuestions(ids: string[]): Promise<QuizQuestion[]>
  /**
   * Starts an attempt in one transaction: this person's open attempts past their deadline
   * at `now` are expired first; then ConflictError "attempt_open" (details: the open
   * attempt's id) when one is still open, ConflictError "attempts_used_up" when the person
   * already has `attemptsAllowed`; else the attempt is stored with the next number. Holds
   * under concurrency (a unique index on open attempts).
   */
  startAttempt(attempt: AttemptRecord, now: Date, attemptsAllowed: number): Promise<AttemptRecord>
  getAttempt(id: string): Promise<AttemptRecord | null>
  /** Finishes the attempt if it is still open (one write); false when it was already finished. */
  finishAttempt(id: string, outcome: AttemptOutcome): Promise<boolean>
  /** One person's attempts at a quiz, first first. */
  attemptsOf(quizId: string, person: QuizPerson): Promise<AttemptRecord[]>
  /** Every attempt of a quiz, by start time (leaderboards, the export). */
  attempts(quizId: string): Promise<AttemptRecord[]>
  /**
   * Every attempt of people of one kind at these quizzes, without the papers, in one read for all of them: the daily
   * digest judges which quizzes each of 100,000 deputies still owes from it, not from a read a deputy. In no order.
   */
  attemptHeads(quizIds: readonly string[], kind: QuizPersonKind): Promise<AttemptHead[]>
}
