import { awaitsAnswer, type MeetingInvitee, type MeetingRecord } from '../../domain/meeting.js'
import { rsvpClosesAt, rsvpOpen } from '../../domain/meeting-timing.js'
import { momentLabel } from '../../domain/meeting-words.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import type { Recipient } from '../delivery/outbox-message.js'
import { awaitsBinding } from '../delivery/unreachable-revival.js'
import { meetingMessage, meetingMessageKey, noticeTexts, type MeetingNoticeKind } from './meeting-notices.js'

/*
 * The messages that tell an invitee by when to answer — the 会议通知 itself, the 会议变更 ("请在…前重新确认")
 * and 提醒未回复 — carry that deadline (payload rsvpClosesAt). One held overnight (quiet hours) or for a
 * subscription would go with the old deadline once only the deadline is moved: no change notice goes out for that.
 * So each one still waiting is written again with the deadline as it is now, in the same transaction
 * as the edit, and the old one is superseded when it would go (delivery/reminder-done.ts asks
 * answerWordsHold). The writings of one message to one person form a chain of dedupe keys
 * (the first as always, then `:again:2`, `:again:3`…), so both the next rewrite and the organizer's
 * "did the notice arrive" find every one of them.
 * A 会议通知 or 会议变更 whose deadline passes while it is held (written at 22:00 asking for an answer by
 * 07:00, sent at 08:00) is written again when it would go, without asking for an answer: the meeting
 * still needs telling, the reply does not (untrueAnswerWords). Once the meeting is over nothing goes
 * (domain/message-truth.ts).
 */

const WAITING = new Set<OutboxMessage['status']>(['pending', 'failed', 'sending'])

/** The change the n-th writing of a message is under: the first as it always was, each rewrite numbered. */
const written = (change: string, n: number) => (n === 1 ? change : `${change}:again:${n}`)

const nudgeChange = (round: number) => `nudge:${round}`
/** The change a 会议变更 is written under: the meeting's count of time or place changes. */
const changeOf = (changeSeq: number) => `change:${changeSeq}`
const toOf = (i: Pick<MeetingInvitee, 'personKind' | 'personId'>): Recipient => ({ kind: i.personKind, id: i.personId })
const personKey = (to: Recipient) => `${to.kind}:${to.id}`

/** What a message carries of its answer request: the deadline its words name, and `rsvpClosed` when they ask for none. */
interface AnswerWords {
  rsvpClosesAt?: string
  rsvpClosed?: string
  text?: string
}

/**
 * `asks` false: the words say answers closed at `closesAt` (or the meeting is under way) and ask for none;
 * the marker tells it from one asking by that time, so that it is not judged as one when that time has passed.
 */
function deadlineMessage(m: MeetingRecord, kind: MeetingNoticeKind, to: Recipient, text: string, closesAt: Date, change: string, now: Date, asks = true) {
  return meetingMessage(m, kind, to, text, change, now, { rsvpClosesAt: closesAt.toISOString(), ...(asks ? {} : { rsvpClosed: 'true' }) })
}

/**
 * The 会议通知 to one invitee, saying when their answers close (`n`: its writing, 1 unless rewritten);
 * `open` false once they have (held past it): then it asks for no answer and says whom to tell.
 */
export function invitationMessage(m: MeetingRecord, to: Recipient, closesAt: Date, timeZone: string, now: Date, n = 1, open = true): OutboxMessage {
  return deadlineMessage(
    m,
    'meeting.notice',
    to,
    noticeTexts(m, timeZone, now).notice(closesAt, open, to.kind === 'deputy'),
    closesAt,
    written('published', n),
    now,
    open,
  )
}

/**
 * The 会议变更 of the meeting's latest change to one invitee, saying what their answer now is (a leave or a yes
 * stands) and how to change it, or asking one who never answered to, by when their answers close; or saying
 * answers have closed (`open` false); a meeting under way asks nothing (`n`: its writing, 1 unless rewritten).
 */
export function changeMessage(m: MeetingRecord, i: MeetingInvitee, closesAt: Date, open: boolean, timeZone: string, now: Date, n = 1): OutboxMessage {
  const started = m.startAt <= now
  const text = noticeTexts(m, timeZone, now).changed(closesAt, open, i, started)
  return deadlineMessage(m, 'meeting.changed', toOf(i), text, closesAt, written(changeOf(m.changeSeq), n), now, open && !started)
}

/** A 提醒未回复 of one round to one invitee, saying when their answers close (`n`: its writing, 1 unless rewritten). */
export function nudgeMessage(m: MeetingRecord, to: Recipient, closesAt: Date, round: number, timeZone: string, now: Date, n = 1): OutboxMessage {
  return deadlineMessage(m, 'meeting.rsvp_nudge', to, noticeTexts(m, timeZone, now).nudge(closesAt), closesAt, written(nudgeChange(round), n), now)
}

/**
 * Whether a message asks for an answer. One written before messages carried their deadline (invitations
 * waiting when that was deployed) says so only in its words: "请在 11月24日 12:00 前回复…".
 */
function asksAnswer(r: OutboxMessage): boolean {
  const p = r.payload as AnswerWords
  if (p.rsvpClosed) return false
  return p.rsvpClosesAt ? true : /请在 .+ 前/.test(p.text ?? '')
}

/** Whether a message asking for an answer names this deadline: the one it carries, or else the one its words name. */
function namesDeadline(r: OutboxMessage, closesAt: Date, timeZone: string): boolean {
  const p = r.payload as AnswerWords
  if (p.rsvpClosesAt) return p.rsvpClosesAt === closesAt.toISOString()
  // Minutes are all the words ever said: the same minute is the same deadline to whoever reads it. Those messages
  // were written when the hour had a leading zero ("请在 11月24日 09:00 前"); today's words say "9:00".
  const words = momentLabel(closesAt, timeZone)
  const padded = words.replace(/ (\d):/, ' 0$1:')
  return [words, padded].some((w) => (p.text ?? '').includes(`请在 ${w} 前`))
}

/**
 * Whether what a meeting message says about answering is true for this invitee at `now`: while answers
 * are open, that they close when they do; once closed, nothing asking for one.
 */
export function answerWordsHold(r: OutboxMessage, m: MeetingRecord, i: MeetingInvitee, now: Date, timeZone: string): boolean {
  const open = rsvpOpen(m, i, now)
  return asksAnswer(r) ? open && namesDeadline(r, rsvpClosesAt(m, i), timeZone) : !open
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
 * The 会议通知 to each of these invitees brought back onto the meeting's list (marked 已离任 / 已调到…, then expected
 * again), so that each is told of it once, as the next writing of his notice (the organizer's "did the notice arrive"
 * follows the last: invitationRows). None to one whose notice, or 会议变更 of the latest change, still waits to go
 * and still holds (held by quiet hours, for a subscription, for his binding): it goes now that the mark is gone, and a
 * second would tell him twice. `retell` false (the directory brought him back: he came back to the station) neither
 * to one who already knows the meeting as it is: one of those was sent him since its latest change of time or place.
 * An organizer who names him again (`retell`) has him told again, as the others were when invited: his first is long
 * read, or was dropped while he was marked. `invitees`: as they are once back (their invitedAt: when answers close).
 */
export async function noticesToReturning(
  store: Pick<Store, 'outbox'>,
  m: MeetingRecord,
  invitees: MeetingInvitee[],
  now: Date,
  timeZone: string,
  { retell }: { retell: boolean },
): Promise<OutboxMessage[]> {
  if (!invitees.length) return []
  const people = invitees.map(toOf)
  const notices = await writings(store, m.id, 'published', people)
  const changes = m.changeSeq ? await writings(store, m.id, changeOf(m.changeSeq), people) : new Map<string, OutboxMessage[]>()
  // Written since the latest change of time or place: a notice written before it no longer goes (message-truth.ts).
  const current = (r: OutboxMessage) => {
    const seq = (r.payload as { changeSeq?: number }).changeSeq
    return r.kind !== 'meeting.notice' || seq === undefined || seq === m.changeSeq
  }
  return invitees.flatMap((i) => {
    const chain = notices.get(personKey(toOf(i)))!
    const told = [...chain, ...(changes.get(personKey(toOf(i))) ?? [])].filter(current)
    if (told.some(stillToGo) || (!retell && told.some((r) => r.status === 'sent'))) return []
    return [invitationMessage(m, toOf(i), rsvpClosesAt(m, i), timeZone, now, chain.length + 1, rsvpOpen(m, i, now))]
  })
}

/**
 * The outbox row that says whether each invitee's 会议通知 reached them, by `personKind:personId`:
 * of its writings, the last one sent, else the last still waiting, else the last (not delivered).
 * One held until a change of time or place made it untrue gives way to the 会议变更 of the latest change,
 * which tells all it did: when no writing of the notice was sent, that one's row says whether he was told
 * (else the table would say 未能送达 of a deputy who was told, and 提醒未回复 would pass him by).
 */
export async function invitationRows(
  store: Pick<Store, 'outbox'>,
  m: Pick<MeetingRecord, 'id' | 'changeSeq'>,
  invitees: Array<Pick<MeetingInvitee, 'personKind' | 'personId'>>,
): Promise<Map<string, OutboxMessage | undefined>> {
  const people = invitees.map(toOf)
  const notices = await writings(store, m.id, 'published', people)
  const changes = m.changeSeq ? await writings(store, m.id, changeOf(m.changeSeq), people) : new Map<string, OutboxMessage[]>()
  const sent = (chain: OutboxMessage[]) => [...chain].reverse().find((r) => r.status === 'sent')
  const waiting = (chain: OutboxMessage[]) => [...chain].reverse().find((r) => WAITING.has(r.status))
  const pick = (notice: OutboxMessage[], change: OutboxMessage[]) =>
    sent(notice) ?? sent(change) ?? waiting(notice) ?? waiting(change) ?? notice.at(-1) ?? change.at(-1)
  return new Map([...notices].map(([person, chain]) => [person, pick(chain, changes.get(person) ?? [])]))
}

/**
 * After only the reply deadline moved (before → after): each 会议通知, 会议变更 of the latest change, and
 * 提醒未回复 of the last round, still waiting for an invitee whose deadline moved, written again with the new one.
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
  const asked = round ? moved.filter((i) => awaitsAnswer(i) && rsvpOpen(after, i, now)) : []
  const again = (change: string, invitees: MeetingInvitee[], write: (i: MeetingInvitee, closesAt: Date, n: number) => OutboxMessage) =>
    rewrites(store, after, change, invitees, write, now, timeZone)
  return [
    ...(await again('published', moved, (i, closesAt, n) => invitationMessage(after, toOf(i), closesAt, timeZone, now, n))),
    // The 会议变更 of the latest change asks everyone to confirm again by the deadline (earlier ones no longer go).
    ...(after.changeSeq
      ? await again(changeOf(after.changeSeq), moved, (i, closesAt, n) => changeMessage(after, i, closesAt, rsvpOpen(after, i, now), timeZone, now, n))
      : []),
    ...(await again(nudgeChange(round), asked, (i, closesAt, n) => nudgeMessage(after, toOf(i), closesAt, round, timeZone, now, n))),
  ]
}

/** Waiting to go: pending, retried, being sent, or dead only for want of a channel (sent when he binds). */
const stillToGo = (r: OutboxMessage) => WAITING.has(r.status) || awaitsBinding(r)

async function rewrites(
  store: Pick<Store, 'outbox'>,
  m: MeetingRecord,
  change: string,
  invitees: MeetingInvitee[],
  write: (i: MeetingInvitee, closesAt: Date, n: number) => OutboxMessage,
  now: Date,
  timeZone: string,
): Promise<OutboxMessage[]> {
  if (!invitees.length) return []
  const chains = await writings(store, m.id, change, invitees.map(toOf))
  return invitees.flatMap((i) => {
    const chain = chains.get(personKey(toOf(i)))!
    // One dead only because he had no channel yet is sent when he binds (unreachable-revival.ts): it is rewritten
    // too, so that the one then sent says the new deadline (the old one is then superseded in true words).
    const waiting = chain.filter(stillToGo)
    // One written before messages carried their deadline is judged by its words (answerWordsHold), as it is when it would go.
    if (!waiting.length || waiting.some((r) => answerWordsHold(r, m, i, now, timeZone))) return []
    return [write(i, rsvpClosesAt(m, i), chain.length + 1)]
  })
}

/**
 * Just before a held 会议通知 or 会议变更 goes: why it must not, because what it says about answering is no
 * longer true for its invitee, or null. 'moved': the deadline it names was moved (the edit wrote it again);
 * 'closed': answers have closed since it was written (held overnight past the deadline). Unless another
 * writing of it still to go or sent says what is true, the next writing is made now, in the outbox, with
 * the answer request as it is now: without one once answers closed ("回复已于…截止，如不能参加，请联系会务人员").
 * So the deputy still learns of the meeting, once. Safe to ask again after a crash: the next asking finds it.
 */
export async function untrueAnswerWords(
  store: Pick<Store, 'meetings' | 'outbox'>,
  r: OutboxMessage,
  m: MeetingRecord,
  now: Date,
  timeZone: string,
): Promise<'moved' | 'closed' | null> {
  if (r.kind !== 'meeting.notice' && r.kind !== 'meeting.changed') return null
  if (r.recipientKind !== 'deputy' && r.recipientKind !== 'staff') return null
  const to = { kind: r.recipientKind, id: r.recipientId } as const
  const i = await store.meetings.invitation(m.id, to)
  if (!i || answerWordsHold(r, m, i, now, timeZone)) return null
  const notice = r.kind === 'meeting.notice'
  const chain = (await writings(store, m.id, notice ? 'published' : changeOf(m.changeSeq), [to])).get(personKey(to))!
  const open = rsvpOpen(m, i, now)
  // Another writing that goes (or went) is judged on its own when it goes: one more would tell him twice.
  if (!chain.some((x) => x.id !== r.id && (x.status === 'sent' || stillToGo(x)))) {
    const closesAt = rsvpClosesAt(m, i)
    const n = chain.length + 1
    await store.outbox.enqueue([notice ? invitationMessage(m, to, closesAt, timeZone, now, n, open) : changeMessage(m, i, closesAt, open, timeZone, now, n)])
  }
  return open ? 'moved' : 'closed'
}
