import { ConflictError, type ErrorDetail } from '../errors.js'

/** What a store refuses because of what is already there. The code is the API's `error.code`. */
export type StoreConflictCode =
  | 'conflict'
  | 'stale_case'
  | 'merge_target_closed'
  | 'merge_target_answered'
  | 'stale_meeting'
  | 'stale_suggestion'
  | 'already_registered'
  | 'public_seats_full'
  | 'survey_frozen'
  | 'already_responded'
  | 'response_cap_reached'
  | 'stale_survey'
  | 'quiz_started'
  | 'attempt_open'
  | 'attempts_used_up'
  | 'already_checked_in'
  | 'stale_activity'
  | 'already_appraised'
  | 'stale_away'
  | 'proposal_limit'
  | 'collection_closed'
  | 'deputy_busy'
  | 'no_longer_invited'
  | 'deputy_channel_taken'
  | 'chat_moved'
  | 'unjoin_chat_first'
  | 'duty_day_changed'
  | 'account_disabled'

/**
 * A conflict found by an adapter, named by its code with the facts that word it; the words
 * a person reads are written once, in the service layer (`services/conflict-texts.ts`),
 * not copied into both adapters. Callers that only need "a conflict" catch ConflictError.
 */
export class StoreConflict extends ConflictError {
  constructor(
    readonly conflict: StoreConflictCode,
    details: ErrorDetail[] = [],
    readonly facts: Record<string, string | number> = {},
  ) {
    super(conflict, details, conflict)
  }
}
