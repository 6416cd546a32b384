import { timeOrderedUuid } from '../../ids.js'
import type { OutboxMessage, RecipientKind } from '../../store/ports.js'

/** Who a message is for: a person, a station's group or an office. */
export interface Recipient {
  kind: RecipientKind
  id: string
}

export interface NewOutboxMessage {
  to: Recipient
  kind: string
  /** What the senders need; `text` is the message ready to read (Chinese). */
  payload: Record<string, unknown>
  /** The same event never makes two messages: a second write with this key is ignored. */
  dedupeKey: string
  /** When it was written, and from when it may be sent. */
  at: Date
  /** How it travels; "auto" (the default) leaves the choice to the dispatcher. */
  channel?: string
}

/**
 * A message pending in the outbox, as every service writes one: a fresh id, no attempts yet,
 * due at once. The one place an outbox row's starting state is decided.
 */
export function outboxMessage(m: NewOutboxMessage): OutboxMessage {
  return {
    id: timeOrderedUuid(),
    channel: m.channel ?? 'auto',
    recipientKind: m.to.kind,
    recipientId: m.to.id,
    kind: m.kind,
    payload: m.payload,
    dedupeKey: m.dedupeKey,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: m.at,
    lastError: null,
    createdAt: m.at,
  }
}
