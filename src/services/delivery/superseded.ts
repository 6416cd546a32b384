import { localDate } from '../../domain/dates.js'
import { caseMessageHolds, deadlineMessageOutdated, meetingMessageHolds, SUPERSEDED_REASON, type DeadlineTold } from '../../domain/message-truth.js'
import type { OutboxMessage, OutboxSubject, Store } from '../../store/ports.js'
import type { Subjects } from './content.js'
import type { ReminderDone } from './reminder-done.js'
import { urgedTogetherOutdated } from './urged-together.js'

const SUBJECT_KEYS: Array<OutboxSubject['key']> = ['caseId', 'meetingId', 'surveyId', 'quizId', 'itemId']

/**
 * Kinds addressed to a deputy that stay theirs after they leave office: the fate of a
 * suggestion they made, of an activity they recorded, of a project they proposed. Every
 * other deputy message is about work in office (cases with residents' words, meetings,
 * ballots, the digest), which a former deputy must no longer be sent.
 */
const KEPT_AFTER_OFFICE = new Set(['record.activity_reviewed', 'livelihood.proposal'])
export const keptAfterOffice = (kind: string) => kind.startsWith('suggestion.') || KEPT_AFTER_OFFICE.has(kind)

/**
 * The records a message is about, as they are now, and why it must not be sent, if so:
 * a later state of its case or meeting made it untrue, newer news about the same thing
 * already reached the same person (a dead message retried from the console after later
 * ones went out would otherwise arrive out of order), a digest's day is over, the deputy it is
 * for has left office, or a reminder asks him for what he has done since (voted, answered, read)
 * or can no longer do (its ballot or survey closed, its campaign ended), or a 一起催办 notice urges
 * him on messages he no longer holds (none left: dropped; some: said again for those, urged-together.ts).
 * Run just before a message goes out, by the dispatcher and when the bot leases it (a bot logged
 * out for hours sends what waited).
 */
export async function supersededReason(
  store: Pick<Store, 'campaigns' | 'cases' | 'deputies' | 'meetings' | 'outbox'>,
  reminders: Pick<ReminderDone, 'done'>,
  m: OutboxMessage,
  now: Date,
  timeZone: string,
): Promise<{ subjects: Subjects; reason: string | null }> {
  const p = m.payload as Partial<Record<OutboxSubject['key'], string>> & { changeSeq?: number; day?: string }
  const subjects: Subjects = {
    case: p.caseId ? await store.cases.get(p.caseId) : null,
    meeting: p.meetingId ? await store.meetings.get(p.meetingId) : null,
  }
  if (m.recipientKind === 'deputy' && !keptAfterOffice(m.kind) && !(await store.deputies.get(m.recipientId))?.active) {
    return { subjects, reason: `${SUPERSEDED_REASON}（收件人已不再担任人大代表）` }
  }
  // "暂停接收新留言：12月1日至12月5日" (or its end) waiting while staff changed the mark since, or past its last day,
  // would be untrue or old news.
  if (m.kind === 'deputy.away' || m.kind === 'deputy.away_ended') {
    // To him, or (one he set himself) to his station's group, whose notice names him.
    const told = m.payload as { from?: string; until?: string; deputyId?: string }
    const away = (await store.deputies.get(m.recipientKind === 'deputy' ? m.recipientId : (told.deputyId ?? '')))?.away
    const same = !!away && away.from === told.from && away.until === told.until
    const over = !!told.until && told.until < localDate(now, timeZone)
    if (over || same !== (m.kind === 'deputy.away')) return { subjects, reason: SUPERSEDED_REASON }
  }
  // Digests are one a day, each made afresh: a day's digest that waited past its day (no
  // subscription credit, quiet hours) is old news, and would take the credit today's needs.
  if (m.kind === 'digest' && p.day !== localDate(now, timeZone)) return { subjects, reason: `${SUPERSEDED_REASON}（过了当天的每日摘要不再补发）` }
  // 一起催办's notice names several of his messages: not sent once none still waits on him, said again for those that do.
  const urged = await urgedTogetherOutdated(store, m, now, timeZone)
  if (urged) return { subjects, reason: urged }
  const recipient = { kind: m.recipientKind, id: m.recipientId }
  if (subjects.case) {
    // "请在…前受理" waiting for a subscription credit overnight: untrue once acknowledged or once that time is past;
    // a 督办 to the station or office waiting on a retry, once its deputy acknowledged (or answered) meanwhile.
    const outdated = deadlineMessageOutdated(m.kind, deadlineTold(m), subjects.case, now)
    if (outdated) return { subjects, reason: `${SUPERSEDED_REASON}${outdated}` }
  }
  if (subjects.case && !caseMessageHolds(m.kind, recipient, subjects.case)) return { subjects, reason: SUPERSEDED_REASON }
  if (subjects.meeting && !meetingMessageHolds(m.kind, p.changeSeq, subjects.meeting, now)) return { subjects, reason: SUPERSEDED_REASON }
  // "已为您补签到会" once staff undid the entry would tell him of attendance no longer recorded; "已为您登记请假" once staff
  // undid the leave, or his own answer replaced it, of a leave no longer recorded. Undone and entered again, it is
  // another entry (its own notice, perhaps another reason): the first entry's notice would quote words no longer on record.
  if (
    (m.kind === 'meeting.attendance_recorded' || m.kind === 'meeting.leave_recorded') &&
    subjects.meeting &&
    (m.recipientKind === 'deputy' || m.recipientKind === 'staff')
  ) {
    const invitee = await store.meetings.invitation(subjects.meeting.id, { kind: m.recipientKind, id: m.recipientId })
    const entry = invitee?.staffEntry
    const told = staffEntryTold(m)
    const same = entry?.kind === (m.kind === 'meeting.leave_recorded' ? 'leave' : 'attended') && (told === null || new Date(entry.at).toISOString() === told)
    if (!same) return { subjects, reason: `${SUPERSEDED_REASON}${m.kind === 'meeting.leave_recorded' ? '（代请假已撤销）' : '（补签已撤销）'}` }
  }
  // "发布了《…》" for a reading item the organizer withdrew while the notice waited would send people to nothing;
  // one naming several published together is not sent either: the withdrawal wrote one naming only the others
  // (ReadingPublisher.noticesWithout).
  if (m.kind === 'reading.published' && p.itemId) {
    const named = (m.payload as { itemIds?: string[] }).itemIds ?? [p.itemId]
    if ((await store.campaigns.getItems(named)).some((i) => i.withdrawnAt)) return { subjects, reason: SUPERSEDED_REASON }
  }
  const done = await reminders.done(m, now)
  if (done) return { subjects, reason: `${SUPERSEDED_REASON}${done}` }
  const key = SUBJECT_KEYS.find((k) => typeof p[k] === 'string')
  if (key && (await store.outbox.newerSent(m, { key, id: p[key]! }))) return { subjects, reason: `${SUPERSEDED_REASON}（已有更新的消息送达）` }
  return { subjects, reason: null }
}

/**
 * A deadline message's clock and deadline; one written before they were carried in it says its clock in
 * its dedupe key (`sla:<case>:remind:ack:…`, `sla:<case>:overdue:<level>:ack:…`, `sla:<case>:escalate:<level>:ack:…`).
 */
function deadlineTold(m: Pick<OutboxMessage, 'payload' | 'dedupeKey'>): DeadlineTold {
  const p = m.payload as { clock?: unknown; dueAt?: unknown }
  const clock = p.clock === 'ack' || p.clock === 'reply' ? p.clock : /^sla:[^:]+:(?:remind|(?:overdue|escalate):\d+):(ack|reply):/.exec(m.dedupeKey)?.[1]
  return { clock: clock as DeadlineTold['clock'], dueAt: typeof p.dueAt === 'string' ? p.dueAt : undefined }
}

/**
 * Which staff entry (补签, 代请假) a notice tells of, by when it was entered: in its payload, or for one written before
 * that was carried, in its dedupe key (`meeting:<id>:attended:<ISO time>:…`). Null: neither says.
 */
function staffEntryTold(m: Pick<OutboxMessage, 'payload' | 'dedupeKey'>): string | null {
  const p = m.payload as { entryAt?: unknown }
  if (typeof p.entryAt === 'string') return p.entryAt
  return /:(?:attended|leave):(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z):/.exec(m.dedupeKey)?.[1] ?? null
}
