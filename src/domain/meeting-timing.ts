/** When a meeting's answers close, its check-in opens and its reminders are due: the rules of time of meeting.ts, pure, `now` passed in. */
import type { MeetingInvitee, MeetingRecord } from './meeting.js'
import { reminderMoment, type ReminderQuiet } from './reminder-moments.js'

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
