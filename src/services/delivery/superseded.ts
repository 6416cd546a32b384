import { caseMessageHolds, meetingMessageHolds, SUPERSEDED_REASON } from '../../domain/message-truth.js'
import type { OutboxMessage, OutboxSubject, Store } from '../../store/ports.js'
import type { Subjects } from './content.js'

const SUBJECT_KEYS: Array<OutboxSubject['key']> = ['caseId', 'meetingId', 'surveyId', 'quizId', 'itemId']

/**
 * The records a message is about, as they are now, and why it must not be sent, if so:
 * a later state of its case or meeting made it untrue, or newer news about the same thing
 * already reached the same person (a dead message retried from the console after later
 * ones went out would otherwise arrive out of order).
 */
export async function supersededReason(
  store: Pick<Store, 'campaigns' | 'cases' | 'meetings' | 'outbox'>,
  m: OutboxMessage,
  now: Date,
): Promise<{ subjects: Subjects; reason: string | null }> {
  const p = m.payload as Partial<Record<OutboxSubject['key'], string>> & { changeSeq?: number }
  const subjects: Subjects = {
    case: p.caseId ? await store.cases.get(p.caseId) : null,
    meeting: p.meetingId ? await store.meetings.get(p.meetingId) : null,
  }
  const recipient = { kind: m.recipientKind, id: m.recipientId }
  if (subjects.case && !caseMessageHolds(m.kind, recipient, subjects.case)) return { subjects, reason: SUPERSEDED_REASON }
  if (subjects.meeting && !meetingMessageHolds(m.kind, p.changeSeq, subjects.meeting, now)) return { subjects, reason: SUPERSEDED_REASON }
  // "发布了《…》" for a reading item the organizer withdrew while the notice waited would send people to nothing.
  if (m.kind === 'reading.published' && p.itemId && (await store.campaigns.getItem(p.itemId))?.withdrawnAt) return { subjects, reason: SUPERSEDED_REASON }
  const key = SUBJECT_KEYS.find((k) => typeof p[k] === 'string')
  if (key && (await store.outbox.newerSent(m, { key, id: p[key]! }))) return { subjects, reason: `${SUPERSEDED_REASON}（已有更新的消息送达）` }
  return { subjects, reason: null }
}
