import { deliveryOf } from '../../services/delivery/delivery-state.js'
import type { OutboxMessage } from '../../services/records.js'

/** One outbox message as the console lists it; `retryable`: whether 重新发送 can bring it to anyone (a failure, to someone still reachable). */
export const presentOutboxMessage = (m: OutboxMessage, names: ReadonlyMap<string, string> = new Map(), retryable = false) => {
  const delivery = deliveryOf(m)
  return {
    id: m.id,
    channel: m.channel,
    recipientKind: m.recipientKind,
    recipientId: m.recipientId,
    kind: m.kind,
    status: m.status,
    recipientName: names.get(`${m.recipientKind}:${m.recipientId}`) ?? null,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    lastError: m.lastError,
    waitingReason: m.waitingReason ?? null,
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    text: (m.payload as { text?: string }).text ?? null,
    // 已送达 / 待发送 / 未能送达 / 已取代 with the reason, as organizers read it.
    delivery,
    // Why the bot could not send it, as its code (the console's what-to-do goes by it), and the reason in plain words
    // (deliveryOf): never the puppet's own English, which stays in lastError. A message held now (quiet hours, a
    // subscription) has no code: an old failure's code would have what-to-do blame the bot for the wait.
    reasonCode: waitsNow(m, delivery) ? null : (m.lastErrorCode ?? null),
    reasonWords: delivery.reason,
    retryable,
  }
}

/** Held for a reason of its own (waitingReason), as deliveryOf says it instead of the bot's code. */
const waitsNow = (m: OutboxMessage, delivery: ReturnType<typeof deliveryOf>) => delivery.state === 'pending' && !!m.waitingReason
