import type { MeetingInvitee, MeetingRecord } from '../../domain/meeting.js'
import { meetingContactWords, meetingWhat, spokenMeetingTime } from '../../domain/meeting-words.js'
import { spokenClose, spokenDeadline, spokenWhenAhead } from '../../domain/spoken-dates.js'
import type { EveningReason } from '../../domain/reminder-moments.js'
import type { OutboxMessage } from '../../store/ports.js'
import { outboxMessage, type Recipient } from '../delivery/outbox-message.js'

export type MeetingNoticeKind =
  | 'meeting.notice'
  | 'meeting.changed'
  | 'meeting.cancelled'
  | 'meeting.reminder'
  | 'meeting.rsvp_nudge'
  | 'meeting.papers'
  | 'meeting.attendance_recorded'
  | 'meeting.leave_recorded'

/**
 * A message about a meeting to one invitee (or a resident with a public seat), pending in the outbox; the dispatcher picks
 * the channel. The dedupe key names the meeting, the change and the person, so each
 * notice reaches each person once per change however often it is written.
 */
export function meetingMessage(
  m: Pick<MeetingRecord, 'id' | 'changeSeq' | 'startAt'>,
  kind: MeetingNoticeKind,
  to: Recipient,
  text: string,
  change: string,
  at: Date,
  /** What else the dispatcher checks before it goes (a nudge's rsvpClosesAt: the deadline its words say). */
  also: Record<string, string> = {},
): OutboxMessage {
  return outboxMessage({
    to,
    kind,
    // `ticket` fills the subscribe template's number keyword, which WeChat refuses empty: a
    // reference made from the id (never the short code, which is the check-in secret).
    // `changeSeq` tells the dispatcher whether a later change of time or place made it untrue.
    // `startsAt`: quiet hours do not hold a notice of a meeting that starts soon after they end (quiet-hours.ts).
    payload: { ...also, meetingId: m.id, ticket: `HY${m.id.slice(3, 11).toUpperCase()}`, text, changeSeq: m.changeSeq, startsAt: m.startAt.toISOString() },
    dedupeKey: meetingMessageKey(m.id, change, to),
    at,
  })
}

/** The dedupe key of a meeting's message about one change to one person: what is looked up to learn whether it went. */
export const meetingMessageKey = (meetingId: string, change: string, to: Recipient) => `meeting:${meetingId}:${change}:${to.kind}:${to.id}`

/** What an invitee has answered so far, which a change notice and a reminder speak to. */
export type StandingAnswer = Pick<MeetingInvitee, 'rsvp' | 'reason' | 'checkedInAt'>

/**
 * How a deputy signs in on the day: the door's code (qr-codes.ts meetingPng, scene m=) opens the mini-program's check-in
 * page from WeChat's own scanner; the chat cannot sign anyone in. Staff invitees cannot scan (the mini-program's
 * check-in is for deputies): the clerk records them, so they are not told this.
 */
export const CHECK_IN_HOW = '到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'

/**
 * What each notice says, in Chinese. Times are said one way in every message, as the digest and the workbench say
 * them (spoken-dates.ts: "12月4日（星期五）下午5:00"), never "17:00" in one line and "下午5:00" in the next; `now`
 * (when the message is written) only decides whether a date needs its year.
 */
export function noticeTexts(m: MeetingRecord, timeZone: string, now?: Date) {
  const when = spokenMeetingTime(m.startAt, m.endAt, timeZone, now)
  const what = meetingWhat(m)
  const answer = '回复"参加"，或"请假 原因"。'
  const by = (closesAt: Date) => spokenDeadline(closesAt, timeZone, now)
  const contact = meetingContactWords(m)
  // Never ask for an answer the RSVP would refuse: with answers closed, say since when, and whom to tell instead.
  const answerBy = (closesAt: Date, open: boolean) =>
    open ? `请在${by(closesAt)}${answer}` : `回复已于${spokenClose(closesAt, timeZone, now)}截止，如不能参加，${contact}。`
  /**
   * After a change, what her answer is now: a leave or a yes given before still stands (she is not asked to
   * "confirm again", which reads as if it had been wiped), and how to change it if the new time or place changes
   * things for her; someone who never answered is asked to, by when.
   */
  const answerAfterChange = (closesAt: Date, open: boolean, i: StandingAnswer) => {
    if (i.rsvp === 'leave' && !i.checkedInAt) {
      const leave = `您已请假${i.reason ? `（${i.reason}）` : ''}，仍按请假处理；`
      return open ? `${leave}调整后能参加的话，请在${by(closesAt)}回复"参加"。` : `${leave}调整后能参加的话，${CHECK_IN_HOW}`
    }
    if (i.rsvp === 'attend' || i.checkedInAt)
      return open
        ? `您已回复参加；调整后不能参加的话，请在${by(closesAt)}回复"请假 原因"。`
        : `您已回复参加，请按调整后的时间、地点到会；如不能参加，${contact}。`
    return answerBy(closesAt, open)
  }
  return {
    /**
     * `closesAt`: when this person's answers close (the start, for someone invited after the deadline);
     * `open` false once that has passed (a notice held overnight past it): then it asks for no answer.
     * `scans`: a deputy, who signs in at the door himself (CHECK_IN_HOW).
     */
    notice: (closesAt: Date, open = true, scans = false) =>
      `会议通知：${what}，时间 ${when}，地点 ${m.place}。${answerBy(closesAt, open)}${scans ? CHECK_IN_HOW : ''}`,
    /**
     * `closesAt`: when this person's answers close after the change (reopened if they had closed);
     * `open` false if they are closed; `given`: what they had answered. A meeting under way (its end moved) asks nothing.
     */
    changed: (closesAt: Date, open: boolean, given: StandingAnswer, started = false) =>
      `会议变更：${what}调整为${when}，地点 ${m.place}。${started ? '' : answerAfterChange(closesAt, open, given)}`,
    /** For a resident with a public seat (公民旁听): their place holds. */
    changedForPublic: () => `会议变更：您报名旁听的${what}调整为${when}，地点 ${m.place}。您的旁听席位保留，请按新的时间、地点到场。`,
    cancelled: (reason: string | null) => `会议取消：原定${when}召开的${what}已取消。${reason ? `原因：${reason}` : ''}`,
    cancelledForPublic: (reason: string | null) => `会议取消：您报名旁听、原定${when}召开的${what}已取消，不用到场。${reason ? `原因：${reason}` : ''}`,
    /**
     * When it starts as a person says it on the day the reminder is written ("明天下午2:30召开", "今天上午9:00召开"), never
     * a count of hours ("22 小时 30 分钟后"). "请准时参加" only to whoever said they would come; one who never answered is
     * asked to, while answers are open (`closesAt`, `open`), else told to come if she can and whom to tell if she cannot.
     * `evening`: a reminder brought forward to before quiet hours, and why (reminder-moments.ts). A deputy not yet signed
     * in is told how to sign in on the day (CHECK_IN_HOW): she reads it the day before, when she needs it.
     */
    reminder: (now: Date, given: StandingAnswer & { personKind?: string }, closesAt: Date, open: boolean, evening: EveningReason | null = null) => {
      // Brought forward (nothing is sent at night): said why, so he does not wait for one later. "开始得早" only of a
      // meeting the next morning: one at 23:00 that evening does not start early.
      const early = evening === 'early_start' ? '会议开始得早，今晚先提醒您。' : evening === 'quiet_hours' ? '夜间免打扰时段不发消息，现在先提醒您。' : ''
      const head = `会议提醒：${what}${spokenWhenAhead(m.startAt, timeZone, now)}召开，时间 ${when}，地点 ${m.place}。${early}`
      const signIn = given.personKind === 'deputy' && !given.checkedInAt ? CHECK_IN_HOW : ''
      if (given.rsvp !== 'pending' || given.checkedInAt) return `${head}请准时参加。${signIn}`
      return open ? `${head}您还没有回复，请在${by(closesAt)}${answer}${signIn}` : `${head}您还没有回复；如能参加请准时到会，不能参加${contact}。${signIn}`
    },
    nudge: (closesAt: Date) => `请回复参会情况：${what}，时间 ${when}，地点 ${m.place}。${answerBy(closesAt, true)}`,
    /**
     * Staff entered him as present (补签, from the paper sheet): he is told who did, for which meeting, and that it counts,
     * so that a 补签 he never asked for, or one he asked for by phone, is not news he finds only on the page.
     */
    attendanceRecorded: (staffName: string) => `会议补签：${staffName}已为您补签到会。会议：${what}，时间 ${when}。已记为出席，您不用再签到。`,
    /**
     * Staff entered a leave for him (代请假: he phoned the office, or someone asked for him): he is told for which meeting,
     * the reason as written, that it counts, and whom to call to change it (his own 参加 may be closed by now).
     */
    leaveRecorded: (reason: string) =>
      `会议请假：工作人员已为您登记请假。会议：${what}，时间 ${when}。请假原因：${reason.trim().replace(/[。！!.]+$/, '')}。已记为请假，如需更改，${contact}。`,
    /** Papers the organizer added after publishing, by name without the file's ending ("《…情况汇报》", not "….pdf"). */
    papersAdded: (names: string[]) =>
      `会议材料已更新：${what}，时间 ${when}，新增材料${names.map((n) => `《${paperTitle(n)}》`).join('')}，请在小程序里打开这个会议查看。`,
  }
}

/** A paper's name as people say it: without the file's ending, which means nothing to her. */
const paperTitle = (name: string) => name.replace(/\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|wps|txt)$/i, '').trim() || name
