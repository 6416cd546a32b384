/**
 * Where an invitee stands once a meeting has begun or ended, in words for his meeting page and the chat: what is true
 * ("没有您的签到记录") and the one thing left to do ("请联系孙丽（电话 …）为您补签"). Before the start his answer says it
 * all (参加 / 请假 and the scan at the door); after it, an answer no longer helps and a scan no longer works, so the page
 * must not keep offering them. Pure: no I/O, times passed in.
 */
import type { MeetingInvitee, MeetingRecord } from './meeting.js'
import { lateCheckInWords } from './meeting-words.js'
import { checkInWay } from './meeting-staff-entry.js'
import { spokenClose, spokenMoment } from './spoken-dates.js'

export type MeetingPhase = 'ahead' | 'under_way' | 'ended'
export const MEETING_PHASE_LABELS: Record<MeetingPhase, string> = { ahead: '未开始', under_way: '进行中', ended: '已结束' }

/** Before its start, between its start and its end, or after its end (a cancelled one has none of this: it did not happen). */
export function meetingPhase(m: Pick<MeetingRecord, 'startAt' | 'endAt'>, now: Date): MeetingPhase {
  if (now.getTime() < m.startAt.getTime()) return 'ahead'
  return now.getTime() <= m.endAt.getTime() ? 'under_way' : 'ended'
}

/** How many days an ended meeting stays on an invitee's list: long enough to notice a missing check-in and ask for 补签. */
export const ENDED_KEPT_DAYS = 7

/**
 * How his coming reads: "已到会，12月1日（星期二）上午9:20签到" for his own scan, the moment said as every other on his
 * pages (and as the check-in page says it under the meeting's time; in brackets its weekday made brackets in brackets);
 * "已到会（工作人员为您补签）" for staff's entry (补签): first that he counts as present, then how ("工作人员补签到会" read
 * as something staff did, not as his attendance). Never the time staff typed it, which is not when he came (an entry at
 * 14:00 for a morning meeting reads as if he came after it ended). Null without a check-in.
 */
export function cameWords(i: Pick<MeetingInvitee, 'checkedInAt' | 'staffEntry'>, timeZone: string, now: Date): string | null {
  const way = checkInWay(i)
  if (!way) return null
  if (way === 'staff') return '已到会（工作人员为您补签）'
  return `已到会，${spokenMoment(i.checkedInAt!, timeZone, now)}签到`
}

export interface Standing {
  /** What is true now: "会议已于12月1日（星期二）上午11:30结束，没有您的签到记录". */
  state: string
  /** The one thing to do, or null when nothing is left: "如果您到了会，请联系孙丽（电话 …）为您补签". */
  todo: string | null
  /** Expected and not signed in (neither on leave nor entered by staff): the page says it in the colour of to-do. */
  missing: boolean
}

/**
 * His standing once the meeting has begun, or null before it (and for a cancelled meeting, or one he is no longer on
 * the list of: the page says those already). Signed in (by his scan or staff's 补签): nothing to do. On leave: under
 * way he may still come and scan; ended, nothing. Neither: under way, scan at the door; ended, ask the meeting's
 * contact (by name and phone, else the office by name) for 补签 — the only way his attendance can still count.
 */
export function standingAfterStart(
  m: Pick<MeetingRecord, 'status' | 'startAt' | 'endAt' | 'contactName' | 'contactPhone' | 'organizer'>,
  i: Pick<MeetingInvitee, 'rsvp' | 'checkedInAt' | 'staffEntry' | 'withdrawn'>,
  timeZone: string,
  now: Date,
): Standing | null {
  const phase = meetingPhase(m, now)
  if (phase === 'ahead' || m.status !== 'published' || (i.withdrawn && !i.checkedInAt)) return null
  const ended = phase === 'ended'
  const head = ended ? `会议已于${spokenClose(m.endAt, timeZone, now)}结束` : '会议已经开始'
  if (i.checkedInAt) return { state: `${head}，${checkInWay(i) === 'staff' ? '工作人员已为您补签到会' : '您已签到'}`, todo: null, missing: false }
  if (i.rsvp === 'leave') return { state: `${head}，您已请假`, todo: ended ? null : '如果来了，到会后请扫会场的签到二维码签到', missing: false }
  if (!ended) return { state: `${head}，还没有您的签到记录`, todo: '到会后请扫会场的签到二维码签到', missing: true }
  return { state: `${head}，没有您的签到记录`, todo: `如果您到了会，${lateCheckInWords(m)}`, missing: true }
}
