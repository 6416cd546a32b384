/**
 * Whether the notice that asked a person to do something reached them, as organizers read
 * it beside "who has not answered". Pure: read from the notice's outbox row.
 */
import type { OutboxStatus } from '../store/ports.js'
import { SUPERSEDED_REASON } from './message-truth.js'
import { reasonInWords } from './send-failure.js'

export type NoticeDelivery = 'delivered' | 'waiting' | 'undeliverable' | 'none' | 'dropped' | 'answered'
export const NOTICE_DELIVERY_LABELS: Record<NoticeDelivery, string> = {
  delivered: '已送达',
  waiting: '待发送',
  undeliverable: '未能送达',
  none: '未发通知',
  dropped: '不再发送',
  // The column says what became of the notice, never the answer (which has its own column): not sent yet.
  answered: '待发送',
}

export interface NoticeState {
  state: NoticeDelivery
  label: string
  /** Why it did not arrive (the row's last error in plain words, send-failure.ts), or why it waits; null when delivered. */
  reason: string | null
  sentAt: Date | null
}

/**
 * sent → 已送达; pending or sending → 待发送 (with why it waits, when known); failed or dead →
 * 未能送达 with the row's last error: a person with no channel, a refused send. No row →
 * 未发通知 (someone invited before notices were recorded, or a kind that sends none).
 */
export function noticeState(
  row: { status: OutboxStatus; lastError: string | null; lastErrorCode?: string | null; waitingReason?: string | null; sentAt?: Date | null } | undefined,
): NoticeState {
  if (!row) return { state: 'none', label: NOTICE_DELIVERY_LABELS.none, reason: null, sentAt: null }
  const state: NoticeDelivery = row.status === 'sent' ? 'delivered' : row.status === 'pending' || row.status === 'sending' ? 'waiting' : 'undeliverable'
  // The bot's code speaks for its failure (never the puppet's English); `failed` is tried again by itself, `dead` is final.
  const failure = () => reasonInWords(row.lastError ?? row.waitingReason ?? null, row.lastErrorCode, row.status === 'dead')
  const reason = state === 'delivered' ? null : state === 'waiting' ? (row.waitingReason ?? null) : failure()
  return { state, label: NOTICE_DELIVERY_LABELS[state], reason, sentAt: row.sentAt ?? null }
}

/**
 * A notice asking for what can no longer be done (a ballot or survey closed while it waited for quiet hours or a
 * subscription credit): the dispatcher drops it when its time comes (delivery/reminder-done.ts), so it is not
 * 待发送 — nor 未能送达 once dropped, which would read as a fault. Delivered and undeliverable stay as they were.
 */
export function noticeAfterClose(notice: NoticeState, row: { status: OutboxStatus; lastError: string | null } | undefined, why: string): NoticeState {
  const droppedAlready = row?.status === 'dead' && !!row.lastError?.startsWith(SUPERSEDED_REASON)
  if (notice.state !== 'waiting' && !droppedAlready) return notice
  return { state: 'dropped', label: NOTICE_DELIVERY_LABELS.dropped, reason: why, sentAt: null }
}

/** Beside a notice not sent yet to someone who has already answered: it still goes out (it has the time and place). */
export const ANSWERED_BEFORE_NOTICE = '已回复，通知会照常发出'

/**
 * The notice of someone who has already answered (参加, 请假, or came) before it went out: 待发送 alone beside her 参加
 * read as if she had not been told, and 已回复 in this column said the answer, not the notice (its own column does).
 * So the notice's state, with why nobody need wait for it. Sent or undeliverable stays as it was.
 */
export function noticeOnceAnswered(notice: NoticeState): NoticeState {
  return notice.state === 'waiting' ? { state: 'answered', label: NOTICE_DELIVERY_LABELS.answered, reason: ANSWERED_BEFORE_NOTICE, sentAt: null } : notice
}
