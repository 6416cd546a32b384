/** A meeting as every message to an invitee says it: its time, its name with its kind, whom to call. */
import { localDate } from './dates.js'
import { MEETING_KIND_LABELS, type MeetingRecord } from './meeting.js'
import { spokenMoment, spokenTime } from './spoken-dates.js'

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
