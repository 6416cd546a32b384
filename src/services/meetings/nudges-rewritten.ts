import { rsvpClosesAt, rsvpOpen, type MeetingRecord } from '../../domain/meeting.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'

const NUDGE = 'meeting.rsvp_nudge'

/** The change a round's 提醒未回复 is written under: the round, and (once rewritten) the deadline it says. */
export const nudgeChange = (round: number, closesAt?: Date) => (closesAt ? `nudge:${round}:until:${closesAt.toISOString()}` : `nudge:${round}`)

/** A 提醒未回复 to one invitee, carrying the deadline its words say, so that a later deadline supersedes it when it would go. */
export function nudgeMessage(
  m: MeetingRecord,
  to: { kind: OutboxMessage['recipientKind']; id: string },
  closesAt: Date,
  change: string,
  timeZone: string,
  now: Date,
) {
  return meetingMessage(m, NUDGE, to, noticeTexts(m, timeZone).nudge(closesAt), change, now, { rsvpClosesAt: closesAt.toISOString() })
}

/**
 * A 提醒未回复 pressed at 22:00 waits for 08:00 (quiet hours), or for a subscription, saying "请在
 * <deadline> 前回复". When only the deadline is moved meanwhile no change notice goes out, so the
 * waiting one would go with the old deadline. Each one still waiting of the last round is written
 * again with the deadline as it is now, in the same transaction as the edit; the old one is then
 * superseded when it would go (delivery/reminder-done.ts compares the deadline it says). Nobody is
 * asked twice: one whose nudge already went needs none, and an invitee whose deadline did not move
 * (invited after it: he answers until the start) keeps his.
 */
export async function nudgesRewritten(
  store: Pick<Store, 'meetings' | 'outbox'>,
  before: MeetingRecord,
  after: MeetingRecord,
  now: Date,
  timeZone: string,
): Promise<OutboxMessage[]> {
  const round = before.nudgeRounds
  if (after.status !== 'published' || !round) return []
  const moved = (await store.meetings.invitees([after.id])).filter(
    (i) => i.rsvp === 'pending' && rsvpOpen(after, i, now) && rsvpClosesAt(before, i).getTime() !== rsvpClosesAt(after, i).getTime(),
  )
  if (!moved.length) return []
  const to = (i: (typeof moved)[number]) => ({ kind: i.personKind, id: i.personId })
  // Written first under the round alone, then (if moved before) under the deadline it said.
  const keysOf = (i: (typeof moved)[number]) =>
    [nudgeChange(round), nudgeChange(round, rsvpClosesAt(before, i))].map((change) => meetingMessage(before, NUDGE, to(i), '', change, now).dedupeKey)
  const rows = await store.outbox.byDedupeKeys(moved.flatMap(keysOf))
  const waiting = new Set(rows.filter((r) => r.status === 'pending' || r.status === 'failed' || r.status === 'sending').map((r) => r.dedupeKey))
  return moved
    .filter((i) => keysOf(i).some((k) => waiting.has(k)))
    .map((i) => {
      const closesAt = rsvpClosesAt(after, i)
      return nudgeMessage(after, to(i), closesAt, nudgeChange(round, closesAt), timeZone, now)
    })
}
