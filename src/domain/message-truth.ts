/**
 * Whether a message still waiting in the outbox still tells the truth about what it is
 * about. News that a later state made untrue ("已受理" for a case that has since been
 * answered and closed, a notice for a meeting that was cancelled or moved) is dropped as
 * superseded rather than sent late: the later message carries the news. Pure, no I/O.
 */
import { DEPUTY_LOAD_STATUSES, type CaseRecord, type CaseStatus } from './case.js'
import type { MeetingRecord } from './meeting.js'

/** The case states in which each kind of case message is still true; a kind not listed always is. */
const CASE_KIND_HOLDS_IN: Record<string, readonly CaseStatus[]> = {
  'case.assigned': ['assigned'],
  'case.queued': ['submitted', 'assigned'],
  'case.acknowledged': ['acknowledged', 'forwarded'],
  'case.forwarded': ['forwarded'],
  // The answer stays the answer once the case is closed.
  'case.replied': ['replied', 'closed'],
  'case.reopened': ['reopened'],
  'case.closed': ['closed'],
  'case.rejected': ['rejected'],
  'case.merged': ['closed'],
  'case.withdrawn': ['withdrawn'],
  'case.reminder': DEPUTY_LOAD_STATUSES,
  'case.overdue': DEPUTY_LOAD_STATUSES,
  'case.urged': DEPUTY_LOAD_STATUSES,
  // "已转给王芳代表办理" waiting overnight is untrue once the message went back to the station.
  'case.transferred': DEPUTY_LOAD_STATUSES,
  // "已交给张伟代表办理" likewise, once the message went back to the station.
  'case.placed': DEPUTY_LOAD_STATUSES,
  'case.escalated': ['submitted', ...DEPUTY_LOAD_STATUSES],
  // "已转交区人大办办理，会在…答复您" waiting overnight is untrue once she withdrew it, or it was answered or refused meanwhile.
  'case.handed_up': ['submitted', ...DEPUTY_LOAD_STATUSES],
}

/** Kinds that ask a deputy to act: untrue once the case is in another deputy's hands. */
const DEPUTY_ACTION_KINDS = new Set(['case.assigned', 'case.reopened', 'case.reminder', 'case.overdue', 'case.urged'])

/**
 * Kinds that ask a station or an office to act (place it, chase its deputy): untrue once the case has left it. A
 * 督办 to 轻工街道 about a message since moved to another station's deputy would have them chase one they can no longer open.
 */
const QUEUE_ACTION_KINDS = new Set(['case.queued', 'case.escalated'])

/** What of a case says where it is: its state, its deputy, its station or office, and the district supervising it. */
export type CaseWhereabouts = Pick<CaseRecord, 'status' | 'deputyId' | 'stationId' | 'officeRegionId' | 'handlingDistrictId' | 'districtId'>

export function caseMessageHolds(kind: string, recipient: { kind: string; id: string }, c: CaseWhereabouts): boolean {
  const holdsIn = CASE_KIND_HOLDS_IN[kind]
  if (holdsIn && !holdsIn.includes(c.status)) return false
  if (DEPUTY_ACTION_KINDS.has(kind) && recipient.kind === 'deputy' && c.deputyId !== recipient.id) return false
  if (QUEUE_ACTION_KINDS.has(kind) && !stillWith(recipient, c)) return false
  // A station's queue message is answered once a deputy holds the case.
  if (kind === 'case.queued' && c.deputyId) return false
  return true
}

/**
 * Whether the station or office a message is for still has the case: the station it is at; the office whose queue
 * holds it (no station does), or the office supervising whoever holds it, as a 督办's second level reaches it
 * (escalationRecipient). Anyone else is not a place, and always has it.
 */
function stillWith(recipient: { kind: string; id: string }, c: CaseWhereabouts): boolean {
  if (recipient.kind === 'station') return c.stationId === recipient.id
  if (recipient.kind !== 'office') return true
  const queue = c.stationId ? null : (c.officeRegionId ?? 'city')
  const supervising = c.handlingDistrictId ?? c.districtId ?? c.officeRegionId ?? 'city'
  return recipient.id === queue || recipient.id === supervising
}

/** What a deadline message says of its clock: which deadline (受理 or 答复) and, for a reminder, when it falls. */
export interface DeadlineTold {
  clock?: 'ack' | 'reply'
  /** ISO time of the deadline the reminder names ("请在12月8日（星期二）上午10:00前受理"). */
  dueAt?: string
}

/** States in which a case still waits to be acknowledged (受理): "请受理" and "已过受理期限" are true only there. */
const AWAITING_ACK: readonly CaseStatus[] = ['assigned', 'reopened']
/** States a deputy's acknowledgement (受理) or answer (答复) brought the case to; later ones (closed, merged) say no more. */
const ACKNOWLEDGED: readonly CaseStatus[] = ['acknowledged', 'forwarded', 'replied']
const ANSWERED: readonly CaseStatus[] = ['replied']

/**
 * Why a deadline reminder, overdue notice or 督办 about a case is no longer true, in words for the console
 * (after SUPERSEDED_REASON), or null while it is: "请在…前受理" and "已过受理期限，请督促办理" once the deputy has
 * acknowledged, "已过答复期限" once answered, and any "请在…前" once that time has passed (the overdue notice and the
 * 督办 carry the news from then on, and "before yesterday 10:00" helps nobody).
 */
export function deadlineMessageOutdated(kind: string, told: DeadlineTold, c: Pick<CaseRecord, 'status'>, now: Date): string | null {
  if (kind === 'case.escalated') {
    // The station or office is asked to chase what its deputy has since done: the clerk would phone him for nothing.
    // Refused, withdrawn, merged or closed meanwhile, it is dropped all the same (caseMessageHolds), said as any other.
    if (told.clock === 'ack' && ACKNOWLEDGED.includes(c.status)) return '（代表已受理，不用再督办）'
    if (told.clock === 'reply' && ANSWERED.includes(c.status)) return '（代表已答复，不用再督办）'
    return null
  }
  if (kind !== 'case.reminder' && kind !== 'case.overdue') return null
  if (told.clock === 'ack' && !AWAITING_ACK.includes(c.status)) return '（代表已受理，不用再提醒）'
  if (kind === 'case.reminder' && told.dueAt && Date.parse(told.dueAt) <= now.getTime()) return '（提醒的期限已过，改由超期督办提醒）'
  return null
}

/**
 * A meeting message holds while the meeting is still on as it was when the message was
 * written (`changeSeq`: the count of time or place changes then) and not over. A cancel
 * notice always holds, and so does a 补签 notice (it tells of a past meeting; its undoing is
 * judged by the sender, which reads the invitee); a 代请假 notice holds after the end too, its
 * undoing judged likewise.
 */
export function meetingMessageHolds(
  kind: string,
  writtenAtChange: number | undefined,
  meeting: Pick<MeetingRecord, 'status' | 'endAt' | 'changeSeq'>,
  now: Date,
): boolean {
  if (kind === 'meeting.cancelled' || kind === 'meeting.attendance_recorded') return true
  if (meeting.status === 'cancelled') return false
  // A leave staff recorded (代请假) may be entered after the end, for the record: he hears of it all the same.
  if (meeting.endAt.getTime() <= now.getTime() && kind !== 'meeting.leave_recorded') return false
  if (writtenAtChange !== undefined && meeting.changeSeq > writtenAtChange) return false
  return true
}

export const SUPERSEDED_REASON = '已被后来的变化取代，未发送'
