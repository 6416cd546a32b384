import { createHash } from 'node:crypto'
import { leaveOvertaken, stillInvited, type Attachment, type MeetingInvitee, type MeetingRecord } from '../../domain/meeting.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { ERASED_RESIDENT } from '../../store/privacy-ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'

// Whom a change to a meeting reaches, as outbox messages written with the change (MeetingService's edits).

export const toOf = (i: MeetingInvitee) => ({ kind: i.personKind, id: i.personId })

/**
 * 会议材料已更新 to each invitee who has not excused himself (one who asked leave and came after all is there
 * again): one message a person for all the papers of this save; the same papers announced again reach nobody twice.
 */
export async function papersNotices(
  store: Pick<Store, 'meetings' | 'outbox'>,
  timeZone: string,
  m: MeetingRecord,
  papers: Attachment[],
  now: Date,
): Promise<OutboxMessage[]> {
  if (!papers.length) return []
  const text = noticeTexts(m, timeZone, now).papersAdded(papers.map((a) => a.name))
  const change = `papers:${createHash('sha256')
    .update(
      papers
        .map((a) => a.url)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16)}`
  const invitees = await store.meetings.invitees([m.id])
  const messages = invitees
    .filter((i) => stillInvited(i) && (i.rsvp !== 'leave' || leaveOvertaken(i)))
    .map((i) => meetingMessage(m, 'meeting.papers', toOf(i), text, change, now))
  // The same papers taken out and added again were told already: those told are not told, nor counted, twice.
  const told = new Set((await store.outbox.byDedupeKeys(messages.map((x) => x.dedupeKey))).map((x) => x.dedupeKey))
  return messages.filter((x) => !told.has(x.dedupeKey))
}

/**
 * A change or cancellation for everyone who expects to be there: each invitee (their own
 * text, as their answers may close at another time), and each resident holding a public
 * seat (公民旁听) in the mini-program; a place whose holder erased their data reaches nobody.
 */
export async function tellEveryone(
  store: Pick<Store, 'meetings'>,
  m: MeetingRecord,
  kind: 'meeting.changed' | 'meeting.cancelled',
  inviteeMessage: (i: MeetingInvitee) => OutboxMessage,
  publicText: string,
  change: string,
  at: Date,
): Promise<OutboxMessage[]> {
  const [invitees, seats] = await Promise.all([store.meetings.invitees([m.id]), store.meetings.publicRegistrations(m.id)])
  return [
    // One who left office or moved station since is no longer expected there: he hears nothing of it.
    ...invitees.filter(stillInvited).map(inviteeMessage),
    ...seats
      .filter((r) => !r.mpUserId.startsWith(`${ERASED_RESIDENT}:`))
      .map((r) => meetingMessage(m, kind, { kind: 'mp_user', id: r.mpUserId }, publicText, change, at)),
  ]
}
