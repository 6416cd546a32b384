/**
 * Meetings, activities and reception days (会议 / 活动 / 接待日): what they are, the states
 * they go through, who manages them and whether an invitee still owes an answer. Pure:
 * no I/O, times passed in. When answers close, check-in opens and reminders are due is in
 * meeting-timing.ts, how messages say a meeting in meeting-words.ts; selector resolution is
 * in meeting-selector.ts, attendance figures in meeting-attendance.ts.
 */
import type { DeputyLevel } from './directory.js'
import { scopeOwns, type StaffScope } from './staff-scope.js'

export const MEETING_KINDS = ['standing_committee', 'deputy_activity', 'inspection', 'training', 'reception_day', 'other'] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  standing_committee: '常委会会议',
  deputy_activity: '代表活动',
  inspection: '视察调研',
  training: '培训',
  reception_day: '接待日',
  other: '其他',
}

/** draft → published → (cancelled); a draft may also be cancelled, quietly. */
export const MEETING_STATUSES = ['draft', 'published', 'cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { draft: '草稿', published: '已发布', cancelled: '已取消' }

/**
 * Who is invited, resolved to people when the meeting is published. Levels, stations and
 * districts narrow one group together (city deputies of 湛河区); named deputies and staff
 * are added to it.
 */
export interface InviteeSelector {
  levels?: DeputyLevel[]
  stationIds?: string[]
  districtIds?: string[]
  deputyIds?: string[]
  staffIds?: string[]
}

export type InviteeKind = 'deputy' | 'staff'
export interface PersonRef {
  kind: InviteeKind
  id: string
}

export const RSVP_ANSWERS = ['pending', 'attend', 'leave'] as const
export type Rsvp = (typeof RSVP_ANSWERS)[number]
export const RSVP_LABELS: Record<Rsvp, string> = { pending: '未回复', attend: '参加', leave: '请假' }

export interface Attachment {
  name: string
  url: string
}

export interface MeetingRecord {
  id: string
  /** Printed in the check-in QR code (scene m=<code>); knowing it proves the scan. */
  shortCode: string
  title: string
  kind: MeetingKind
  status: MeetingStatus
  startAt: Date
  endAt: Date
  place: string
  agenda: string
  attachments: Attachment[]
  selector: InviteeSelector
  /** Places for public attendance (公民旁听); 0 when the meeting is not open to the public. */
  publicSeats: number
  /** Answers are taken until then; null means until the start. */
  rsvpDeadline: Date | null
  /** Whom invitees call about it, as the organizer recorded (optional; a name only with a phone, as typed). */
  contactName: string | null
  contactPhone: string | null
  /** The office that organized it, named when it was made (市人大常委会办公室 …); null for older meetings. */
  organizer: string | null
  /** The districts whose organizers see it; empty for a city-level meeting. */
  districtIds: string[]
  /**
   * The districts and streets of the people invited (set at publishing and when people are added):
   * their organizers follow a city-level meeting aimed at them, read-only, with their place's answers.
   * Street ids too, despite the name (older than streets: the field, column and API keep it);
   * meetings published before are given their streets at start (services/meetings/meeting-audiences.ts).
   */
  audienceDistrictIds: string[]
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt: Date | null
  cancelledAt: Date | null
  cancelReason: string | null
  /** Bumped by each change of time or place after publishing: one change notice per person per change. */
  changeSeq: number
  /** Reminder leads (hours) already sent for the current start time. */
  remindersSent: number[]
  /** Rounds of "please answer" reminders sent by organizers. */
  nudgeRounds: number
  /** The last reminder of any kind (the job's or an organizer's): none follows within REMINDER_GAP_MINUTES. */
  lastRemindedAt: Date | null
  /** The last organizer's "please answer" round, for its cooldown. */
  lastNudgedAt: Date | null
  /** Optimistic concurrency: every write checks and bumps it. */
  version: number
}

/** Attendance (补签) or leave (代请假) staff recorded for an invitee; the rules are in meeting-staff-entry.ts. */
export const STAFF_ENTRY_KINDS = ['attended', 'leave'] as const
export type StaffEntryKind = (typeof STAFF_ENTRY_KINDS)[number]

export interface StaffEntry {
  kind: StaffEntryKind
  /** 补签's note (纸质签到) or the leave's reason, as the staff member wrote it. */
  note: string
  staffId: string
  staffName: string
  at: Date
  /** The invitee's own answer before a leave entry, given back when it is undone; null for attendance. */
  before: { rsvp: Rsvp; reason: string | null; rsvpAt: Date | null } | null
}

export interface MeetingInvitee {
  meetingId: string
  personKind: InviteeKind
  personId: string
  /** The name when the meeting was published, as the table and the export show it. */
  name: string
  rsvp: Rsvp
  reason: string | null
  rsvpAt: Date | null
  checkedInAt: Date | null
  /** When they were invited (at publishing, or added later); null for invitations older than the field. */
  invitedAt: Date | null
  /** Attendance or leave that staff recorded for them (meeting-staff-entry.ts); null or absent when none. */
  staffEntry?: StaffEntry | null
  /**
   * No longer expected: a deputy who left office, or moved away from the stations (or districts) the meeting
   * is for, before it began (meeting-departures.ts). Kept on the list, marked; counted, reminded and asked for
   * nothing. Null or absent while he is invited.
   */
  withdrawn?: InviteeWithdrawal | null
}

export const WITHDRAWAL_REASONS = ['left_office', 'moved'] as const
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number]

export interface InviteeWithdrawal {
  reason: WithdrawalReason
  at: Date
  /** The stations he moved to, by name as they were then ("桂花镇代表联络站"); null when he left office or is at none. */
  to: string | null
}

/** 已离任, or 已调到桂花镇代表联络站 (已调离 when where he went is not known): what the invitee table says instead of his answer. */
export const withdrawalLabel = (w: InviteeWithdrawal) => (w.reason === 'left_office' ? '已离任' : w.to ? `已调到${w.to}` : '已调离')

/** Whether the person is still expected at the meeting: not one who left office or moved away before it. */
export const stillInvited = (i: Pick<MeetingInvitee, 'withdrawn'>) => !i.withdrawn

export interface PublicRegistration {
  meetingId: string
  mpUserId: string
  name: string
  createdAt: Date
}

/**
 * Who manages a meeting: admins, organizers of the whole city, and an organizer of some
 * districts or streets for the meetings that belong to a region in their scope (a district's
 * organizer also manages its streets' meetings; one that belongs to regions beyond their scope as
 * well, only the office). Not by who made it: an organizer moved to
 * another district leaves its meetings, their invitees and answers behind, as campaigns and
 * quizzes (a meeting made by a district's organizer belongs to that district). `scope` is the
 * viewer's, judged once per request on the region tree (domain/staff-scope.ts).
 */
export function canManageMeeting(m: Pick<MeetingRecord, 'districtIds'>, scope: StaffScope): boolean {
  if (scope.kind === 'none') return false
  // A meeting the office made for several districts together is run by the office: one
  // district's organizer could not publish it (its other districts' people are not theirs to
  // invite) and must not re-aim or call it off for the others. They follow it, read-only.
  return scope.kind === 'city' || (m.districtIds.length > 0 && m.districtIds.every((id) => scope.covers(id)))
}

/**
 * Who follows a meeting without managing it: an organizer of a district or street whose
 * people it invites (a city-level meeting aimed at them). They read it and their place's answers.
 */
export function canFollowMeeting(m: Pick<MeetingRecord, 'districtIds' | 'audienceDistrictIds'>, scope: StaffScope): boolean {
  return canManageMeeting(m, scope) || (scope.kind === 'regions' && (scopeOwns(scope, m.districtIds) || scopeOwns(scope, m.audienceDistrictIds)))
}

/**
 * Whether someone still owes an answer: no reply, and not come either. Whoever checked in
 * answered by coming: not counted 未回复, not asked by 提醒未回复 (his own reply, if he gave
 * one, stays as he gave it).
 */
export const awaitsAnswer = (i: Pick<MeetingInvitee, 'rsvp' | 'checkedInAt' | 'withdrawn'>) => i.rsvp === 'pending' && !i.checkedInAt && !i.withdrawn

export const CAME_WITHOUT_REPLY = '已签到出席'
/**
 * The reply as staff and the invitee read it: one who never answered but came reads 已签到出席, not 未回复; so does
 * one who asked for leave and came after all (his check-in is his answer now: counted once, as 到会, meetingAttendance).
 */
export const replyLabel = (i: Pick<MeetingInvitee, 'rsvp' | 'checkedInAt' | 'withdrawn'>) =>
  // Withdrawn before the meeting: his old answer (参加) no longer stands, and 未回复 would ask for one he owes nobody.
  i.withdrawn && !i.checkedInAt ? withdrawalLabel(i.withdrawn) : i.rsvp !== 'attend' && i.checkedInAt ? CAME_WITHOUT_REPLY : RSVP_LABELS[i.rsvp]

/** Asked for leave, then came and checked in: the leave no longer stands (`rsvp` keeps what he said, for the record). */
export const leaveOvertaken = (i: Pick<MeetingInvitee, 'rsvp' | 'checkedInAt'>) => i.rsvp === 'leave' && i.checkedInAt !== null

/** Who a reminder is for: everyone invited who has not declined, nor left office or moved away since. */
export const remindable = (invitees: MeetingInvitee[]) => invitees.filter((i) => i.rsvp !== 'leave' && stillInvited(i))
