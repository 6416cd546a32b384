import { rsvpClosesAt, rsvpOpen, type MeetingInvitee, type MeetingRecord } from '../../domain/meeting.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { Recipient } from '../delivery/outbox-message.js'
import { awaitsBinding } from '../delivery/unreachable-revival.js'
import { meetingMessage, meetingMessageKey, noticeTexts, type MeetingNoticeKind } from './meeting-notices.js'

/*
 * The messages that tell an invitee by when to answer — the 会议通知 itself and 提醒未回复 — carry
 * that deadline (payload rsvpClosesAt). One held overnight (quiet hours) or for a subscription would
 * go with the old deadline once only the deadline is moved: no change notice goes out for that.
 * So each one still waiting is written again with the deadline as it is now, in the same transaction
 * as the edit, and the old one is superseded when it would go (delivery/reminder-done.ts compares
 * the deadline it says). The writings of one message to one person form a chain of dedupe keys
 * (the first as always, then `:again:2`, `:again:3`…), so both the next rewrite and the organizer's
 * "did the notice arrive" find every one of them.
 */

const WAITING = new Set<OutboxMessage['status']>(['pending', 'failed', 'sending'])

/** The change the n-th writing of a message is under: the first as it always was, each rewrite numbered. */
const written = (change: string, n: number) => (n === 1 ? change : `${change}:again:${n}`)

const nudgeChange = (round: number) => `nudge:${round}`
const toOf = (i: Pick<MeetingInvitee, 'personKind' | 'personId'>): Recipient => ({ kind: i.personKind, id: i.personId })
const personKey = (to: Recipient) => `${to.kind}:${to.id}`
const said = (r: OutboxMessage) => (r.payload as { rsvpClosesAt?: string }).rsvpClosesAt

function deadlineMessage(m: MeetingRecord, kind: MeetingNoticeKind, to: Recipient, text: string, closesAt: Date, change: string, now: Date) {
  return meetingMessage(m, kind, to, text, change, now, { rsvpClosesAt: closesAt.toISOString() })
}

/** The 会议通知 to one invitee, saying when their answers close (`n`: its writing, 1 unless rewritten). */
export function invitationMessage(m: MeetingRecord, to: Recipient, closesAt: Date, timeZone: string, now: Date, n = 1): OutboxMessage {
  return deadlineMessage(m, 'meeting.notice', to, noticeTexts(m, timeZone).notice(closesAt), closesAt, written('published', n), now)
}

/** A 提醒未回复 of one round to one invitee, saying when their answers close (`n`: its writing, 1 unless rewritten). */
export function nudgeMessage(m: MeetingRecord, to: Recipient, closesAt: Date, round: number, timeZone: string, now: Date, n = 1): OutboxMessage {
  return deadlineMessage(m, 'meeting.rsvp_nudge', to, noticeTexts(m, timeZone).nudge(closesAt), closesAt, written(nudgeChange(round), n), now)
}

/** Every writing of one message to each of these people, first to last (a person with none: an empty list). */
async function writings(store: Pick<Store, 'outbox'>, meetingId: string, change: string, people: Recipient[]): Promise<Map<string, OutboxMessage[]>> {
  const found = new Map(people.map((p) => [personKey(p), [] as OutboxMessage[]]))
  // One read per writing, not per person: a chain is rarely longer than two.
  for (let n = 1, asked = people; asked.length; n++) {
    const key = (p: Recipient) => meetingMessageKey(meetingId, written(change, n), p)
    const rows = new Map((await store.outbox.byDedupeKeys(asked.map(key))).map((r) => [r.dedupeKey, r]))
    asked = asked.filter((p) => {
      const row = rows.get(key(p))
      if (row) found.get(personKey(p))!.push(row)
      return !!row
    })
  }
  return found
}

/**
 * The outbox row that says whether each invitee's 会议通知 reached them, by `personKind:personId`:
 * of its writings, the last one sent, else the last still waiting, else the last (not delivered).
 */
export async function invitationRows(
  store: Pick<Store, 'outbox'>,
  meetingId: string,
  invitees: Array<Pick<MeetingInvitee, 'personKind' | 'personId'>>,
): Promise<Map<string, OutboxMessage | undefined>> {
  const chains = await writings(store, meetingId, 'published', invitees.map(toOf))
  const pick = (chain: OutboxMessage[]) => {
    const lastFirst = [...chain].reverse()
    return lastFirst.find((r) => r.status === 'sent') ?? lastFirst.find((r) => WAITING.has(r.status)) ?? lastFirst[0]
  }
  return new Map([...chains].map(([person, chain]) => [person, pick(chain)]))
}

/**
 * After only the reply deadline moved (before → after): each 会议通知, and each 提醒未回复 of the
 * last round, still waiting for an invitee whose deadline moved, written again with the new one.
 * Nobody is told twice: one whose message already went needs none (what he reads next says the
 * deadline), one whose waiting message already says the new deadline (moved back) gets that one.
 * 提醒未回复 only to those who may and have not answered, as it is pressed.
 */
export async function heldDeadlinesRewritten(
  store: Pick<Store, 'meetings' | 'outbox'>,
  before: MeetingRecord,
  after: MeetingRecord,
  now: Date,
  timeZone: string,
): Promise<OutboxMessage[]> {
  if (after.status !== 'published') return []
  const moved = (await store.meetings.invitees([after.id])).filter((i) => rsvpClosesAt(before, i).getTime() !== rsvpClosesAt(after, i).getTime())
  const round = before.nudgeRounds
  const asked = round ? moved.filter((i) => i.rsvp === 'pending' && rsvpOpen(after, i, now)) : []
  return [
    ...(await rewrites(store, after, 'published', moved, (i, closesAt, n) => invitationMessage(after, toOf(i), closesAt, timeZone, now, n))),
    ...(await rewrites(store, after, nudgeChange(round), asked, (i, closesAt, n) => nudgeMessage(after, toOf(i), closesAt, round, timeZone, now, n))),
  ]
}

async function rewrites(
  store: Pick<Store, 'outbox'>,
  m: MeetingRecord,
  change: string,
  invitees: MeetingInvitee[],
  write: (i: MeetingInvitee, closesAt: Date, n: number) => OutboxMessage,
): Promise<OutboxMessage[]> {
  if (!invitees.length) return []
  const chains = await writings(store, m.id, change, invitees.map(toOf))
  return invitees.flatMap((i) => {
    const chain = chains.get(personKey(toOf(i)))!
    // One dead only because he had no channel yet is sent when he binds (unreachable-revival.ts): it is rewritten
    // too, so that the one then sent says the new deadline (the old one is then superseded in true words).
    const waiting = chain.filter((r) => WAITING.has(r.status) || awaitsBinding(r))
    const closesAt = rsvpClosesAt(m, i).toISOString()
    // One written before messages carried their deadline is never superseded for it: a rewrite would make two.
    if (!waiting.length || waiting.some((r) => said(r) === closesAt || !said(r))) return []
    return [write(i, new Date(closesAt), chain.length + 1)]
  })
}
