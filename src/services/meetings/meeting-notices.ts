import { MEETING_KIND_LABELS, momentLabel, rsvpClosesAt, timeLabel, timeLeftLabel, type MeetingRecord, type PersonRef } from '../../domain/meeting.js'
import type { OutboxMessage } from '../../store/ports.js'
import { outboxMessage } from '../delivery/outbox-message.js'

export type MeetingNoticeKind = 'meeting.notice' | 'meeting.changed' | 'meeting.cancelled' | 'meeting.reminder' | 'meeting.rsvp_nudge'

/**
 * A message about a meeting to one invitee, pending in the outbox; the dispatcher picks
 * the channel. The dedupe key names the meeting, the change and the person, so each
 * notice reaches each person once per change however often it is written.
 */
export function meetingMessage(
  m: Pick<MeetingRecord, 'id' | 'changeSeq'>,
  kind: MeetingNoticeKind,
  to: PersonRef,
  text: string,
  change: string,
  at: Date,
): OutboxMessage {
  return outboxMessage({
    to,
    kind,
    // `ticket` fills the subscribe template's number keyword, which WeChat refuses empty: a
    // reference made from the id (never the short code, which is the check-in secret).
    // `changeSeq` tells the dispatcher whether a later change of time or place made it untrue.
    payload: { meetingId: m.id, ticket: `HY${m.id.slice(3, 11).toUpperCase()}`, text, changeSeq: m.changeSeq },
    dedupeKey: `meeting:${m.id}:${change}:${to.kind}:${to.id}`,
    at,
  })
}

/** What each notice says, in Chinese, with times in the business time zone. */
export function noticeTexts(m: MeetingRecord, timeZone: string) {
  const when = timeLabel(m.startAt, m.endAt, timeZone)
  const what = `${m.title}（${MEETING_KIND_LABELS[m.kind]}）`
  const answer = '回复"参加"，或"请假 原因"。'
  return {
    notice: () => `会议通知：${what}，时间 ${when}，地点 ${m.place}。请在 ${momentLabel(rsvpClosesAt(m), timeZone)} 前${answer}`,
    changed: () => `会议变更：${what} 调整为 ${when}，地点 ${m.place}。如有变化请重新回复。`,
    cancelled: (reason: string | null) => `会议取消：原定 ${when} 的${what}已取消。${reason ? `原因：${reason}` : ''}`,
    /** The time left as it really is when the reminder is written (the job runs every few minutes, and may have been down). */
    reminder: (now: Date) => `会议提醒：${what} 将于 ${timeLeftLabel(m.startAt.getTime() - now.getTime())}后（${when}）在 ${m.place} 召开，请准时参加。`,
    nudge: () => `请回复参会情况：${what}，时间 ${when}，地点 ${m.place}。请在 ${momentLabel(rsvpClosesAt(m), timeZone)} 前${answer}`,
  }
}
