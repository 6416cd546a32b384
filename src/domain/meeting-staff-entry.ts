/**
 * What staff record for an invitee who could not do it themselves: attendance (补签: signed
 * the paper sheet, has no smartphone) or leave (代请假: asked the office after the reply
 * deadline). The entry writes the invitee's own fields (checked in; answered 请假 with the
 * reason), so every count, sheet and 履职档案 takes it as a check-in or a leave; it keeps
 * who, when and why, and the answer it replaced so that undoing it gives that answer back.
 * Pure: no I/O, time passed in.
 */
import { STAFF_ENTRY_KINDS, type MeetingInvitee, type MeetingRecord, type Rsvp, type StaffEntry, type StaffEntryKind } from './meeting.js'
import { checkInOpensAt } from './meeting-timing.js'

export { STAFF_ENTRY_KINDS, type StaffEntry, type StaffEntryKind }

export const STAFF_ENTRY_LABELS: Record<StaffEntryKind, string> = { attended: '工作人员补签', leave: '工作人员代请假' }

export type StaffEntryRefusal =
  'meeting_not_published' | 'meeting_cancelled' | 'no_longer_invited' | 'check_in_not_open' | 'already_checked_in' | 'already_recorded'
export type StaffUndoRefusal = 'nothing_recorded'

/**
 * Why staff may not record this entry now, or null when they may. Someone not invited is the caller's 404.
 * `checkInOpensMinutesBefore` is the deputies' own scanning window's: attendance is known from the same moment.
 */
export function staffEntryRefusal(
  m: Pick<MeetingRecord, 'status' | 'startAt'>,
  invitee: Pick<MeetingInvitee, 'checkedInAt' | 'staffEntry' | 'withdrawn'>,
  kind: StaffEntryKind,
  now: Date,
  checkInOpensMinutesBefore: number,
): StaffEntryRefusal | null {
  if (m.status === 'draft') return 'meeting_not_published'
  if (m.status === 'cancelled') return 'meeting_cancelled'
  // Marked 已离任 / 已调到… (not expected there): as his own scan is refused, nothing is recorded for him either; what
  // was recorded or scanned before the mark stays, and is said as such below.
  if (invitee.withdrawn && !invitee.staffEntry && !invitee.checkedInAt) return 'no_longer_invited'
  // Leave may be asked ahead; attendance is known from when deputies may scan in at the door (after the end too: the paper sheet).
  if (kind === 'attended' && now.getTime() < checkInOpensAt(m, checkInOpensMinutesBefore).getTime()) return 'check_in_not_open'
  // One entry at a time: a leave recorded by mistake is undone before the attendance is recorded.
  if (invitee.staffEntry) return 'already_recorded'
  if (invitee.checkedInAt) return 'already_checked_in'
  return null
}

/** The invitee with the entry written into their own fields. */
export function withStaffEntry(invitee: MeetingInvitee, entry: Omit<StaffEntry, 'before'>): MeetingInvitee {
  if (entry.kind === 'attended') return { ...invitee, checkedInAt: entry.at, staffEntry: { ...entry, before: null } }
  return {
    ...invitee,
    rsvp: 'leave',
    reason: entry.note,
    rsvpAt: entry.at,
    staffEntry: { ...entry, before: { rsvp: invitee.rsvp, reason: invitee.reason, rsvpAt: invitee.rsvpAt } },
  }
}

/** The invitee as before the entry (their own check-in and answers are never staff's to undo). */
export function withoutStaffEntry(invitee: MeetingInvitee): MeetingInvitee | StaffUndoRefusal {
  const entry = invitee.staffEntry
  if (!entry) return 'nothing_recorded'
  if (entry.kind === 'attended') return { ...invitee, checkedInAt: null, staffEntry: null }
  const before = entry.before ?? { rsvp: 'pending' as const, reason: null, rsvpAt: null }
  return { ...invitee, rsvp: before.rsvp, reason: before.reason, rsvpAt: before.rsvpAt, staffEntry: null }
}

/** How presence was known: the invitee's own scan of the code at the door, or staff's 登记到会 (补签). */
export type CheckInWay = 'scan' | 'staff'
export const CHECK_IN_WAY_LABELS: Record<CheckInWay, string> = { scan: '扫码签到', staff: '工作人员登记' }

/**
 * How the invitee's check-in was made, or null when they have none. Staff's attendance entry is written in the
 * same write as the check-in it makes (withStaffEntry) and undone with it, and neither is taken over the other
 * (staffEntryRefusal, the store's single check-in): a check-in without it is the invitee's own scan.
 */
export function checkInWay(i: Pick<MeetingInvitee, 'checkedInAt' | 'staffEntry'>): CheckInWay | null {
  if (!i.checkedInAt) return null
  return i.staffEntry?.kind === 'attended' ? 'staff' : 'scan'
}

/** What the invitee reads on their meeting page. */
export function staffEntryNotice(entry: Pick<StaffEntry, 'kind'>): string {
  return entry.kind === 'attended' ? '工作人员已为您登记到会' : '工作人员已为您登记请假'
}

type StoredDate = Date | string | null | undefined
/** An entry as a store reads it back (a JSON column's strings, a document's dates): each field picked, dates made dates. */
export interface StoredStaffEntry {
  kind: StaffEntryKind
  note: string
  staffId: string
  staffName: string
  at: Date | string
  before?: { rsvp: Rsvp; reason?: string | null; rsvpAt?: StoredDate } | null
}

export function staffEntryFromStored(e: StoredStaffEntry | null | undefined): StaffEntry | null {
  if (!e) return null
  const b = e.before
  return {
    kind: e.kind,
    note: e.note,
    staffId: e.staffId,
    staffName: e.staffName,
    at: new Date(e.at),
    before: b ? { rsvp: b.rsvp, reason: b.reason ?? null, rsvpAt: b.rsvpAt == null ? null : new Date(b.rsvpAt) } : null,
  }
}
