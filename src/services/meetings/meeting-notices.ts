import { MEETING_KIND_LABELS, meetingContactWords, momentLabel, timeLabel, timeLeftLabel, type MeetingRecord } from '../../domain/meeting.js'
import type { OutboxMessage } from '../../store/ports.js'
import { outboxMessage, type Recipient } from '../delivery/outbox-message.js'

export type MeetingNoticeKind = 'meeting.notice' | 'meeting.changed' | 'meeting.cancelled' | 'meeting.reminder' | 'meeting.rsvp_nudge'

/**
 * A message about a meeting to one invitee (or a resident with a public seat), pending in the outbox; the dispatcher picks
 * the channel. The dedupe key names the meeting, the change and the person, so each
 * notice reaches each person once per change however often it is written.
 */
export function meetingMessage(
  m: Pick<MeetingRecord, 'id' | 'changeSeq'>,
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
    payload: { ...also, meetingId: m.id, ticket: `HY${m.id.slice(3, 11).toUpperCase()}`, text, changeSeq: m.changeSeq },
    dedupeKey: meetingMessageKey(m.id, change, to),
    at,
  })
}

/** The dedupe key of a meeting's message about one change to one person: what is looked up to learn whether it went. */
export const meetingMessageKey = (meetingId: string, change: string, to: Recipient) => `meeting:${meetingId}:${change}:${to.kind}:${to.id}`

/** What each notice says, in Chinese, with times in the business time zone. */
export function noticeTexts(m: MeetingRecord, timeZone: string) {
  const when = timeLabel(m.startAt, m.endAt, timeZone)
  const what = `${m.title}（${MEETING_KIND_LABELS[m.kind]}）`
  const answer = '回复"参加"，或"请假 原因"。'
  // Never ask for an answer the RSVP would refuse: with answers closed, say since when, and whom to tell instead.
  const answerBy = (closesAt: Date, open: boolean, again = '') =>
    open
      ? `请在 ${momentLabel(closesAt, timeZone)} 前${again}${answer}`
      : `回复已于 ${momentLabel(closesAt, timeZone)} 截止，如不能参加，${meetingContactWords(m)}。`
  return {
    /**
     * `closesAt`: when this person's answers close (the start, for someone invited after the deadline);
     * `open` false once that has passed (a notice held overnight past it): then it asks for no answer.
     */
    notice: (closesAt: Date, open = true) => `会议通知：${what}，时间 ${when}，地点 ${m.place}。${answerBy(closesAt, open)}`,
    /**
     * `closesAt`: when this person's answers close after the change (reopened if they had closed);
     * `open` false if they are closed. A meeting under way (its end moved) asks nothing.
     */
    changed: (closesAt: Date, open: boolean, started = false) =>
      `会议变更：${what} 调整为 ${when}，地点 ${m.place}。${started ? '' : answerBy(closesAt, open, '重新确认：')}`,
    /** For a resident with a public seat (公民旁听): their place holds. */
    changedForPublic: () => `会议变更：您报名旁听的${what} 调整为 ${when}，地点 ${m.place}。您的旁听席位保留，请按新的时间、地点到场。`,
    cancelled: (reason: string | null) => `会议取消：原定 ${when} 的${what}已取消。${reason ? `原因：${reason}` : ''}`,
    cancelledForPublic: (reason: string | null) => `会议取消：您报名旁听的${what}（原定 ${when}）已取消，不用到场。${reason ? `原因：${reason}` : ''}`,
    /** The time left as it really is when the reminder is written (the job runs every few minutes, and may have been down). */
    reminder: (now: Date) => `会议提醒：${what} 将于 ${timeLeftLabel(m.startAt.getTime() - now.getTime())}后（${when}）在 ${m.place} 召开，请准时参加。`,
    nudge: (closesAt: Date) => `请回复参会情况：${what}，时间 ${when}，地点 ${m.place}。${answerBy(closesAt, true)}`,
  }
}
