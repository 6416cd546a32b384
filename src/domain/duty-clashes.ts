/**
 * Reception duty against meetings: a deputy on duty at a station on a day he is expected at a meeting cannot
 * receive residents then, and the clerk who keeps the roster is the one to find someone else. Reception duty is
 * kept by the day (no hours), so any meeting on that day is a clash. Pure: no I/O, times passed in.
 */
import { localDate } from './dates.js'
import { addDays } from './local-days.js'
import { shortOfficeName } from './office-name.js'
import type { MeetingInvitee, MeetingRecord } from './meeting.js'
import { offsetMs } from './zone-offset.js'

/** One day of a meeting a deputy is expected at, in the words a clerk reads beside his name. */
export interface MeetingDay {
  deputyId: string
  date: string
  /** "9:30–11:30要参加“市人大常委会第十次会议”（已回复参加）". */
  words: string
  /** The office that organized it, whom the clerk calls about it (null for meetings older than the field). */
  organizer: string | null
}

/**
 * Whether the invitee is still expected: published, not marked 已离任 / 已调到…, and not on leave (his own 请假, or
 * one staff recorded for him, which his own later answer replaces).
 */
export function expectedAt(meeting: Pick<MeetingRecord, 'status'>, invitation: Pick<MeetingInvitee, 'rsvp' | 'withdrawn' | 'staffEntry'>): boolean {
  if (meeting.status !== 'published' || invitation.withdrawn) return false
  if (invitation.staffEntry?.kind === 'leave') return false
  return invitation.rsvp !== 'leave'
}

/** The local dates a meeting covers, first to last (an end at midnight does not take the next day). */
export function meetingDates(startAt: Date, endAt: Date, timeZone: string): string[] {
  const first = localDate(startAt, timeZone)
  const last = localDate(new Date(Math.max(startAt.getTime(), endAt.getTime() - 1)), timeZone)
  const out: string[] = []
  // Bounded: a meeting of a few days; a mistyped year-long one is not a roster's business past a quarter.
  for (let d = first; d <= last && out.length < 92; d = addDays(d, 1)) out.push(d)
  return out
}

/** "14:30": the wall clock of `at`, on the 24-hour clock every console page writes times with. */
function clockOn(at: Date, timeZone: string): string {
  const d = new Date(at.getTime() + offsetMs(at.getTime(), timeZone))
  return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/**
 * "9:30–11:30", "9:30起", "到17:00", "全天": the part of `date` the meeting takes, its span written as the meeting
 * pages and the station's 接待时间 write one (en dash, 24-hour clock, no 上午).
 */
export function meetingHoursOn(date: string, startAt: Date, endAt: Date, timeZone: string): string {
  const starts = localDate(startAt, timeZone) === date
  const ends = localDate(new Date(Math.max(startAt.getTime(), endAt.getTime() - 1)), timeZone) === date
  const from = clockOn(startAt, timeZone)
  const to = clockOn(endAt, timeZone)
  // An end at midnight takes the rest of its last day: "到0:00" would read as the early hours of that day.
  const untilMidnight = localDate(endAt, timeZone) !== localDate(new Date(endAt.getTime() - 1), timeZone)
  if (ends && untilMidnight) return starts ? `${from}起` : '全天'
  if (starts && ends) return `${from}–${to}`
  if (starts) return `${from}起`
  if (ends) return `到${to}`
  return '全天'
}

/**
 * The days of meetings these deputies are expected at (expectedAt), each day of each meeting once, from `from` on.
 * A 接待日 the station itself holds for its deputies is its reception, not a clash with it: left out for `stationId`.
 */
export function meetingDays(
  invitations: ReadonlyArray<{ meeting: MeetingRecord; invitation: MeetingInvitee }>,
  { from, timeZone, stationId }: { from: string; timeZone: string; stationId?: string },
): MeetingDay[] {
  const out: MeetingDay[] = []
  for (const { meeting, invitation } of invitations) {
    if (invitation.personKind !== 'deputy' || !expectedAt(meeting, invitation)) continue
    if (stationId && meeting.kind === 'reception_day' && meeting.selector.stationIds?.includes(stationId)) continue
    const answered = invitation.rsvp === 'attend' || invitation.staffEntry?.kind === 'attended'
    for (const date of meetingDates(meeting.startAt, meeting.endAt, timeZone)) {
      if (date < from) continue
      const hours = meetingHoursOn(date, meeting.startAt, meeting.endAt, timeZone)
      out.push({
        deputyId: invitation.personId,
        date,
        words: `${hours}要参加“${meeting.title}”（${answered ? '已回复参加' : '还没有回复是否参加'}）`,
        organizer: meeting.organizer,
      })
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.deputyId.localeCompare(b.deputyId))
}

/** The line a clerk reads under a duty day: "与会议时间冲突：陈晓婷代表当天9:30–11:30要参加“…”（已回复参加）". */
export const clashLine = (deputyName: string, day: Pick<MeetingDay, 'words'>) => `与会议时间冲突：${deputyName}代表当天${day.words}`

/**
 * Who runs meetings, said on the station's roster page: meetings (会议活动, with their answers, check-in and 补签) are
 * the offices' work, and a station's account has no meeting page. `office` is the clerk's own office by its full name.
 */
export function meetingsRunBy(office: string): string {
  const short = shortOfficeName(office)
  return (
    `会议由组织会议的人大办安排（本站归${short}）：会议通知、参会回复、签到和补签，都由人大办在“会议活动”里办理，联络站账号没有会议页面。` +
    '值班代表当天要开会时，请在值班表上另外安排代表；会议的事请联系组织会议的人大办。'
  )
}
