import { SUPERSEDED_REASON } from '../../domain/message-truth.js'
import { reasonInWords } from '../../domain/send-failure.js'
import type { OutboxMessage } from '../../store/ports.js'

/**
 * What became of one outbox message, in the words organizers read: 已送达 (sent), 待发送
 * (still on its way, with why it waits), 未能送达 (it will not arrive: no way to reach the
 * person, or WeChat refused it, with the reason), or 不用再发 (dropped because later news
 * replaced it; not a failure). Reports ("who has not answered, and did their notice
 * arrive") read a person's row through this. 消息发送情况's tabs say the same words
 * (admin/src/views/admin/words.ts OUTBOX_STATUS): a row's tag is the name of the tab it is under.
 */
export type DeliveryState = 'sent' | 'pending' | 'undeliverable' | 'superseded'

export const DELIVERY_LABELS: Record<DeliveryState, string> = { sent: '已送达', pending: '待发送', undeliverable: '未能送达', superseded: '不用再发' }

const PENDING_LABELS: Partial<Record<OutboxMessage['status'], string>> = { sending: '正在发送', failed: '没发出去，稍后自动再发' }

/**
 * The reason is in plain words (send-failure.ts): the bot's code speaks for the failure it came with, never the
 * puppet's English (kept in lastError for the logs); a reason the message waits for (waitingReason) is said as is.
 */
export function deliveryOf(m: Pick<OutboxMessage, 'status' | 'lastError' | 'waitingReason' | 'lastErrorCode'>): {
  state: DeliveryState
  label: string
  reason: string | null
} {
  const state: DeliveryState =
    m.status === 'sent' ? 'sent' : m.status === 'dead' ? (m.lastError?.startsWith(SUPERSEDED_REASON) ? 'superseded' : 'undeliverable') : 'pending'
  const reason =
    state === 'sent'
      ? null
      : state === 'superseded'
        ? m.lastError
        : state === 'pending' && m.waitingReason
          ? m.waitingReason
          : reasonInWords(m.lastError, m.lastErrorCode, state === 'undeliverable')
  // Still on its way, said as finely as the tabs split it: one being sent now, one that failed once and will be tried again.
  const label = state === 'pending' ? (PENDING_LABELS[m.status] ?? DELIVERY_LABELS.pending) : DELIVERY_LABELS[state]
  return { state, label, reason }
}
