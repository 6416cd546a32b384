/**
 * The privacy port: what a person's rights to a copy and to erasure (PIPL arts. 45, 47),
 * and the retention period, need of storage. Re-exported by ports.ts beside the others.
 * Each erasure is one method, so each adapter makes it one transaction.
 */
import { randomUUID } from 'node:crypto'
import type { CaseRecord } from '../domain/case.js'
import type { PublicRegistration } from '../domain/meeting.js'

/** Who wrote a case once its resident link is removed: matches no person's id. */
export const ERASED_RESIDENT = 'erased'

/**
 * Who holds a public meeting seat once the registrant's link is removed: matches no person's
 * id, and differs for each, since a meeting holds one registration per person.
 */
export const erasedRegistrant = () => `${ERASED_RESIDENT}:${randomUUID()}`

/** A person's 民生实事 proposals once masked: how many, and the photos whose files are now to be deleted. */
export interface ProposalsMasked {
  proposals: number
  photos: string[]
}

/** The masked texts of one case, computed by the service from domain/pii-mask.ts. */
export interface CaseAnonymisation {
  caseId: string
  text: string
  reply: string | null
  ratingComment: string | null
  /**
   * The comment of each rating in the case's `ratings` (oldest first, as read), masked; a rating
   * given since it was read, beyond these, keeps no comment.
   */
  ratingComments: Array<string | null>
  /** Every event's note, masked, by event id. */
  eventNotes: Record<string, string | null>
  /** The text of every message about the case (they quote its first words), masked, by message id. */
  messageTexts: Record<string, string>
  /**
   * The payload's other text fields of those messages (a reply in full, the words quoting her message:
   * `reply`, `about` …), masked, by message id and field name. Only the fields given are written.
   */
  messageFields?: Record<string, Record<string, string>>
  /**
   * The free-text fields of audit entries about the case (a deputy's 转交 reason: `note` …), masked, by
   * entry id and field name. The entries stay (the office keeps its record of who did what).
   */
  auditNotes?: Record<string, Record<string, string>>
  /**
   * Her case's answer as copied onto the messages merged into it (another resident's timeline and the message telling
   * him): per merged case, the masked notes of those events and the masked texts and fields of those messages, written
   * on rows of that case only. The merged case itself is not anonymised by this.
   */
  copies?: CaseCopiesMasked[]
}

/** The copies of one case's words held under another case (a duplicate merged into it), masked. */
export interface CaseCopiesMasked {
  caseId: string
  eventNotes: Record<string, string | null>
  messageTexts: Record<string, string>
  messageFields: Record<string, Record<string, string>>
}

/** An outbox message about a case: its text, and its payload's other text fields (caseId and ticket aside). */
export interface CaseMessageHeld {
  id: string
  text: string | null
  fields: Record<string, string>
}

/** Field names a store may write into a JSON payload by path: plain words, nothing to escape. */
export const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/

/** Ids, not words: never masked. */
const NOT_WORDS = new Set(['caseId', 'ticket', 'text'])

/** A message about a case as the port gives it: the text, and every other top-level string of its payload by name. */
export function caseMessageHeld(id: string, payload: Record<string, unknown> | null | undefined): CaseMessageHeld {
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(payload ?? {}))
    if (typeof value === 'string' && !NOT_WORDS.has(name) && PLAIN_FIELD.test(name)) fields[name] = value
  return { id, text: typeof payload?.text === 'string' ? payload.text : null, fields }
}

export interface SubscriptionHeld {
  templateId: string
  oneTime: number
  longTerm: boolean
  updatedAt: Date
}

export interface SurveyAnswerHeld {
  surveyId: string
  answers: Record<string, unknown>
  comments: unknown[]
  createdAt: Date
}

export interface QuizAttemptHeld {
  quizId: string
  number: number
  status: string
  score: number | null
  maxScore: number
  startedAt: Date
  finishedAt: Date | null
}

export interface PrivacyRepo {
  /**
   * One transaction: the case's text, reply, rating comments (the current one and those in
   * `ratings`) and event notes replaced by the masked ones; its resident link
   * (ERASED_RESIDENT), phone, images and idempotency key removed; resident actor ids on its
   * events cleared; the texts and other given fields of messages about it, and the given fields of
   * audit entries about it, replaced by the masked ones; the words
   * suggestions linking it quote of it (`cases[].title`) written again from the masked text
   * (linkedCaseTitle), each such suggestion at its next version; the given `copies` written on the events and
   * messages of the cases they belong to; marked anonymised. Status, place,
   * topic, dates and rating stay, so counts and statistics do not change.
   * False when the case does not exist or was anonymised already.
   */
  anonymiseCase(change: CaseAnonymisation, at: Date): Promise<boolean>
  /** The outbox messages about a case (payload.caseId), with their text and other top-level text fields. */
  caseMessages(caseId: string): Promise<CaseMessageHeld[]>
  /** When the case was anonymised, or null. */
  anonymisedAt(caseId: string): Promise<Date | null>
  /** Ended cases (closed, withdrawn, rejected) with closedAt before the instant, not yet anonymised, oldest first. */
  casesToAnonymise(closedBefore: Date, limit: number): Promise<CaseRecord[]>
  /**
   * One transaction: the person's openid, unionid, phone, consent, deputy binding and bot
   * contact cleared, their subscription credits and bot dialogue deleted, the account
   * marked erased. The row stays, holding nothing personal, so ids elsewhere still resolve.
   * What still pointed at the account no longer does: messages to them still waiting are deleted
   * (nobody to deliver them to), those sent keep no address, recipient (ERASED_RESIDENT) or key
   * naming them; their named survey answers' respondent key and their quiz attempts (as a
   * resident) take an erased key (one per person, so attempt numbers stay unique), as do her reading reads, reach
   * and check-ins (the same key); her campaign follows are deleted.
   * False when there is no such person.
   */
  eraseMpUser(userId: string, at: Date): Promise<boolean>
  /** When the person's data was erased, or null. */
  erasedAt(userId: string): Promise<Date | null>
  /**
   * One transaction: the free text a person wrote elsewhere — named survey answers and
   * text answers, opinions on draft articles, reading check-in reflections — replaced by
   * `mask(text)`, and the answers and opinions no longer pointing at them (mpUserId null).
   * Tallies and counts stay. Returns how many records changed.
   */
  maskContributions(mpUserId: string, mask: (text: string) => string): Promise<number>
  /**
   * One transaction: the person's 民生实事 proposals have their title, description, place and
   * reason replaced by `mask(text)`, as have the messages telling them about one; their photos
   * and their link to the person (mpUserId null) removed. Status and candidate stay. Returns the
   * photos the proposals held, for their files to be deleted after the commit.
   */
  maskProposals(mpUserId: string, mask: (text: string) => string): Promise<ProposalsMasked>
  /**
   * One transaction: the name the person gave for each public meeting registration (公民旁听)
   * replaced by `name`, and the registration no longer theirs (erasedRegistrant()); the seat
   * stays taken. Returns how many.
   */
  maskPublicRegistrations(mpUserId: string, name: string): Promise<number>
  /** The person's public meeting registrations, oldest first. */
  publicRegistrationsOf(mpUserId: string): Promise<PublicRegistration[]>
  subscriptionsOf(userId: string): Promise<SubscriptionHeld[]>
  /** Named survey answers given by the person, oldest first. */
  surveyAnswersOf(mpUserId: string): Promise<SurveyAnswerHeld[]>
  /** Quiz attempts by the person (as a resident or as their deputy record), oldest first. */
  quizAttemptsOf(people: Array<{ kind: 'mp_user' | 'deputy'; id: string }>): Promise<QuizAttemptHeld[]>
}
