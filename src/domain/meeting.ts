/**
 * Meetings, activities and reception days (会议 / 活动 / 接待日): what they are, the states
 * they go through, and the rules for answering (RSVP), checking in and reminding. Pure:
 * no I/O, times passed in. Selector resolution is in meeting-selector.ts, attendance
 * figures in meeting-attendance.ts.
 */
import type { DeputyLevel } from './directory.js'
import { localDate } from './dates.js'
import { spokenMoment, spokenTime } from './spoken-dates.js'
import { scopeOwns, type StaffScope } from './staff-scope.js'
import { reminderMoment, type ReminderQuiet } from './reminder-moments.js'

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

const MINUTE = 60_000

/**
 * When answers close: at the deadline, or at the start when there is none. Someone invited
 * after the deadline had no time to answer by it, so they may answer until the start (their
 * notice says so). With no invitation given, the meeting's own closing time.
 */
export function rsvpClosesAt(m: Pick<MeetingRecord, 'rsvpDeadline' | 'startAt'>, invitation?: Pick<MeetingInvitee, 'invitedAt'> | null): Date {
  if (!m.rsvpDeadline) return m.startAt
  if (invitation?.invitedAt && invitation.invitedAt.getTime() > m.rsvpDeadline.getTime()) return m.startAt
  return m.rsvpDeadline
}

/** Whether this invitee's answer is still taken at `now` (the meeting's state aside). */
export const rsvpOpen = (m: Pick<MeetingRecord, 'rsvpDeadline' | 'startAt'>, invitation: Pick<MeetingInvitee, 'invitedAt'> | null, now: Date) =>
  now.getTime() <= rsvpClosesAt(m, invitation).getTime()

export type RsvpRefusal = 'not_invited' | 'meeting_cancelled' | 'rsvp_closed' | 'no_longer_invited'

/** Why an invitee may not answer now, or null when they may (and may change their answer). */
export function rsvpRefusal(m: Pick<MeetingRecord, 'status' | 'rsvpDeadline' | 'startAt'>, invitation: MeetingInvitee | null, now: Date): RsvpRefusal | null {
  if (!invitation || m.status === 'draft') return 'not_invited'
  if (m.status === 'cancelled') return 'meeting_cancelled'
  if (invitation.withdrawn) return 'no_longer_invited'
  if (!rsvpOpen(m, invitation, now)) return 'rsvp_closed'
  return null
}

/**
 * The reply deadline after an edit of a published meeting. A change of time or place asks
 * everyone to answer again, so answers that had closed reopen: until the new start, unless
 * the organizer gives a new deadline in the same edit. A meeting already under way (its end
 * moved) has nothing to reopen.
 */
export function deadlineAfterEdit(
  before: Pick<MeetingRecord, 'startAt' | 'endAt' | 'place' | 'rsvpDeadline'>,
  after: Pick<MeetingRecord, 'startAt' | 'endAt' | 'place' | 'rsvpDeadline'>,
  deadlineGiven: boolean,
  now: Date,
): Date | null {
  if (deadlineGiven || !changesTimeOrPlace(before, after) || after.startAt.getTime() <= now.getTime()) return after.rsvpDeadline
  const closed = now.getTime() > rsvpClosesAt(before).getTime()
  return closed ? null : after.rsvpDeadline
}

/** Whether check-in is open now: from a while before the start until the end, for a meeting that is on. */
export function checkInOpen(m: Pick<MeetingRecord, 'status' | 'startAt' | 'endAt'>, now: Date, opensMinutesBefore: number): boolean {
  const { opensAt, closesAt } = checkInWindow(m, opensMinutesBefore)
  return m.status === 'published' && now >= opensAt && now <= closesAt
}

/**
 * When attendance can first be known: a while before the start, as deputies arrive. The one
 * opening time for the deputy's own scan and for staff recording it for him (补签,
 * meeting-staff-entry.ts): the clerk at the door must not be refused what the phone beside
 * her was just allowed.
 */
export const checkInOpensAt = (m: Pick<MeetingRecord, 'startAt'>, opensMinutesBefore: number) => new Date(m.startAt.getTime() - opensMinutesBefore * MINUTE)

/** Check-in is open from a while before the start until the end. */
export function checkInWindow(m: Pick<MeetingRecord, 'startAt' | 'endAt'>, opensMinutesBefore: number) {
  return { opensAt: checkInOpensAt(m, opensMinutesBefore), closesAt: m.endAt }
}

export type CheckInRefusal = 'not_invited' | 'meeting_cancelled' | 'no_longer_invited' | 'check_in_not_open' | 'check_in_closed' | 'already_checked_in'

export function checkInRefusal(
  m: Pick<MeetingRecord, 'status' | 'startAt' | 'endAt'>,
  invitation: MeetingInvitee | null,
  now: Date,
  opensMinutesBefore: number,
): CheckInRefusal | null {
  if (!invitation || m.status === 'draft') return 'not_invited'
  if (m.status === 'cancelled') return 'meeting_cancelled'
  if (invitation.checkedInAt) return 'already_checked_in'
  // Marked 已离任 / 已调到… before it began: not counted there, so not signed in there either; nor does staff record it for him (meeting-staff-entry.ts).
  if (invitation.withdrawn) return 'no_longer_invited'
  const { opensAt, closesAt } = checkInWindow(m, opensMinutesBefore)
  if (now < opensAt) return 'check_in_not_open'
  if (now > closesAt) return 'check_in_closed'
  return null
}

/** Two reminders about one meeting within this many minutes read as a glitch to the person who gets them. */
export const REMINDER_GAP_MINUTES = 10

/**
 * The reminder the job should send now, if any: the nearest lead (in hours) whose time has
 * come before the start and that was not sent for this start time. When the job was down
 * past several leads, one reminder goes out and covers them all, so nobody gets two at once;
 * nor within REMINDER_GAP_MINUTES of the last one (the next run sends it).
 */
export function dueReminder(
  m: Pick<MeetingRecord, 'status' | 'startAt' | 'remindersSent' | 'lastRemindedAt'>,
  now: Date,
  leadHours: readonly number[],
  /** With quiet hours, an early meeting's reminder is due the evening before (reminder-moments.ts). */
  quiet?: ReminderQuiet,
): { lead: number; covers: number[] } | null {
  if (m.status !== 'published' || now >= m.startAt) return null
  if (m.lastRemindedAt && now.getTime() < m.lastRemindedAt.getTime() + REMINDER_GAP_MINUTES * MINUTE) return null
  const due = leadHours.filter((h) => !m.remindersSent.includes(h) && now.getTime() >= reminderMoment(m.startAt, h, quiet).at.getTime())
  if (!due.length) return null
  return { lead: Math.min(...due), covers: due }
}

/**
 * The leads already inside the time left when a start is announced (published, or moved):
 * the notice itself tells the time, so "24 小时后" must not follow a notice sent 20 hours ahead
 * (nor an early meeting's evening reminder one sent after that evening's moment).
 */
export const leadsAlreadyPast = (startAt: Date, announcedAt: Date, leadHours: readonly number[], quiet?: ReminderQuiet) =>
  leadHours.filter((h) => announcedAt.getTime() >= reminderMoment(startAt, h, quiet).at.getTime())

/**
 * When an organizer may send another "please answer" round: after their cooldown since the
 * last round, and never within REMINDER_GAP_MINUTES of any reminder. Null when they may now.
 */
export function nudgeAllowedAt(m: Pick<MeetingRecord, 'lastRemindedAt' | 'lastNudgedAt'>, now: Date, cooldownMinutes: number): Date | null {
  const after = Math.max(
    m.lastNudgedAt ? m.lastNudgedAt.getTime() + cooldownMinutes * MINUTE : 0,
    m.lastRemindedAt ? m.lastRemindedAt.getTime() + REMINDER_GAP_MINUTES * MINUTE : 0,
  )
  return after > now.getTime() ? new Date(after) : null
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

/** Whether an edit moves the meeting in time or space, which invitees must hear about. */
export const changesTimeOrPlace = (before: Pick<MeetingRecord, 'startAt' | 'endAt' | 'place'>, after: Pick<MeetingRecord, 'startAt' | 'endAt' | 'place'>) =>
  before.startAt.getTime() !== after.startAt.getTime() || before.endAt.getTime() !== after.endAt.getTime() || before.place !== after.place

export type ScheduleProblem = { path: 'startAt' | 'endAt' | 'rsvpDeadline'; message: string }

/**
 * Times that make no sense: ending before starting, starting in the past, answers due after
 * the start or already past (which would close answers for everyone at once, unseen).
 * `startChanged` / `deadlineChanged` false (an edit that keeps them) skip the past checks: an
 * organizer extends a meeting under way without being told its start or deadline has passed.
 */
export function scheduleProblems(
  m: Pick<MeetingRecord, 'startAt' | 'endAt' | 'rsvpDeadline'>,
  now: Date,
  startChanged = true,
  deadlineChanged = true,
): ScheduleProblem[] {
  const problems: ScheduleProblem[] = []
  if (startChanged && m.startAt <= now) problems.push({ path: 'startAt', message: '开始时间不能早于现在' })
  if (m.endAt <= m.startAt) problems.push({ path: 'endAt', message: '结束时间应晚于开始时间' })
  if (m.rsvpDeadline && m.rsvpDeadline > m.startAt) problems.push({ path: 'rsvpDeadline', message: '回复截止时间不能晚于开始时间' })
  else if (deadlineChanged && m.rsvpDeadline && m.rsvpDeadline <= now)
    problems.push({ path: 'rsvpDeadline', message: '回复截止时间已经过去，请选现在以后、会议开始以前的时间' })
  return problems
}

// Creating an Intl formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>()
function parts(at: Date, timeZone: string) {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    formatters.set(timeZone, format)
  }
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]))
  // en-CA pads a numeric day ("05") and the hour ("09"): a deputy read "12月05日 09:00" here and "12月5日 9:00"
  // everywhere else (due-date-text, the console's time.ts). The minutes stay two digits.
  return { day: `${Number(p.month)}月${Number(p.day)}日`, time: `${Number(p.hour)}:${p.minute}` }
}

/**
 * When a meeting is, as every message to an invitee says it (spoken-dates.ts, the digest's and the workbench's way):
 * "11月26日（星期四）上午9:30至上午11:30"; with the end's day too when it ends on another day. The year only when it
 * is not the year of `now`.
 */
export function spokenMeetingTime(startAt: Date, endAt: Date, timeZone: string, now?: Date): string {
  const sameDay = localDate(startAt, timeZone) === localDate(endAt, timeZone)
  return `${spokenMoment(startAt, timeZone, now)}至${sameDay ? spokenTime(endAt, timeZone) : spokenMoment(endAt, timeZone, now)}`
}

/** Whether words end in a bracketed part ("…会议（邀请代表列席）"): another bracket right after it would read as two in a row. */
export const endsInBrackets = (words: string) => /[）)]$/.test(words.trim())

/**
 * A meeting as its messages name it: the title with its kind ("…培训班（培训）"); a title that ends in brackets of its
 * own ("…第三十二次会议（邀请代表列席）") is said alone, never "（邀请代表列席）（常委会会议）".
 */
export function meetingWhat(m: Pick<MeetingRecord, 'title' | 'kind'>): string {
  return endsInBrackets(m.title) ? m.title : `${m.title}（${MEETING_KIND_LABELS[m.kind]}）`
}

/** "11月25日 9:30", "11月25日 14:05": the hour as people write it, no leading zero. */
export function momentLabel(at: Date, timeZone: string): string {
  const p = parts(at, timeZone)
  return `${p.day} ${p.time}`
}

/**
 * Whom an invitee is to call about the meeting (a leave after the deadline), as words that follow
 * "如需请假，": the contact the organizer recorded with the phone, else the office that organized it by
 * name. Never "会务人员", which names nobody he can reach.
 */
export function meetingContactWords(m: Pick<MeetingRecord, 'contactName' | 'contactPhone' | 'organizer'>): string {
  if (m.contactPhone) return m.contactName ? `请联系${m.contactName}（电话 ${m.contactPhone}）` : `请拨打会务电话 ${m.contactPhone}`
  return `请联系组织会议的${m.organizer ?? '人大常委会办公室'}`
}

/**
 * What a deputy who came but could not sign in before the end does, as words that follow "如果您到了会，":
 * ask the contact the organizer recorded (by name and phone), else the office that organized it by name, to
 * enter him as present (补签, which the office makes in the console). Never "会务工作人员": after the meeting
 * there is nobody at the door to find.
 */
export function lateCheckInWords(m: Pick<MeetingRecord, 'contactName' | 'contactPhone' | 'organizer'>): string {
  if (m.contactPhone && !m.contactName) return `请拨打会务电话 ${m.contactPhone}，请工作人员为您补签`
  return `${meetingContactWords(m)}为您补签`
}
