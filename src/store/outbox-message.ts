/**
 * A message in the outbox, as every port that writes one with its change sees it (cases,
 * quizzes, surveys …). A file of its own so the port files never import each other in a circle.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'dead'
export type RecipientKind = 'mp_user' | 'deputy' | 'staff' | 'station' | 'office'

export interface OutboxMessage {
  id: string
  /** How it will travel; "auto" leaves the choice to the dispatcher (the person's channels). */
  channel: string
  recipientKind: RecipientKind
  /** A person's or station's id; for an office, the district id or "city". */
  recipientId: string
  kind: string
  payload: Record<string, unknown>
  /** The same event never makes two messages: a second insert with this key is ignored. */
  dedupeKey: string
  status: OutboxStatus
  attempts: number
  nextAttemptAt: Date
  lastError: string | null
  /** Why the chat bot could not send it, as its code (src/domain/send-failure.ts); none for other failures and old rows. */
  lastErrorCode?: string | null
  createdAt: Date
  /** When it was delivered. */
  sentAt?: Date | null
  /** Where the chosen channel delivers it (an openid, a robot, a contact, a room). */
  address?: string | null
  /** Why it is not sent yet, shown in the console (no subscription left, no channel …). */
  waitingReason?: string | null
}
