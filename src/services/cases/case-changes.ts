import { timeOrderedUuid } from '../../ids.js'
import type { ActorRole, CaseAction, CaseEvent, CaseEventType, CaseRecord, CaseStatus } from '../../domain/case.js'
import type { OutboxMessage } from '../../store/ports.js'
import { outboxMessage, type Recipient } from '../delivery/outbox-message.js'
import { deputyGist, firstWords } from '../../domain/deputy-gist.js'
import { excerpt } from '../../domain/excerpt.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { StaffPrincipal } from '../accounts/principal.js'
import { withoutWeekday } from '../../domain/spoken-dates.js'

/** Who did something to a case, as the timeline records it. */
export interface CaseActor {
  role: ActorRole
  id: string | null
}
export const SYSTEM: CaseActor = { role: 'system', id: null }

export function caseEvent(
  c: Pick<CaseRecord, 'id'>,
  type: CaseEventType,
  actor: CaseActor,
  at: Date,
  change: { from?: CaseStatus | null; to?: CaseStatus | null; note?: string | null; data?: Record<string, unknown> } = {},
): CaseEvent {
  return {
    id: timeOrderedUuid(),
    caseId: c.id,
    at,
    type,
    actorRole: actor.role,
    actorId: actor.id,
    fromStatus: change.from ?? null,
    toStatus: change.to ?? null,
    note: change.note ?? null,
    data: change.data ?? {},
  }
}

export type { Recipient }

/** Where a case waits when no deputy holds it: its station, else its district office, else the city office. */
export function queueOf(c: Pick<CaseRecord, 'stationId' | 'officeRegionId'>): Recipient {
  if (c.stationId) return { kind: 'station', id: c.stationId }
  return { kind: 'office', id: c.officeRegionId ?? 'city' }
}

/**
 * A message about a case, pending in the outbox. The text is ready to send (Chinese);
 * the dispatcher picks the channel. `dedupeKey` makes the same event produce it once.
 */
export function caseMessage(
  c: Pick<CaseRecord, 'id' | 'ticket'>,
  kind: string,
  to: Recipient,
  text: string,
  dedupeKey: string,
  at: Date,
  extra: Record<string, unknown> = {},
): OutboxMessage {
  return outboxMessage({ to, kind, payload: { caseId: c.id, ticket: c.ticket, text, ...extra }, dedupeKey: `${dedupeKey}:${to.kind}:${to.id}`, at })
}

// The one excerpt rule, here too for the case services that quote a note or an answer in a notice.
export { excerpt } from '../../domain/excerpt.js'

/** How much of her words the new-message notice quotes: it is the one place he reads them before opening it. */
const NEW_MESSAGE_GIST_MAX = 30

/** How many characters the text keyword of a subscribe card holds (thing, wechat.md §2.4). */
export const CARD_TEXT_MAX = 20

/**
 * The line of a subscribe card: the first of the choices that fits its 20 characters whole,
 * longest and most telling first ("张伟代表已答复，请点开查看并评价"), down to fixed words that
 * always fit. A card is never a long text cut off mid-number ("张伟代表答复了您的留言 2026112…"):
 * its title already says what happened and a tap opens the whole message.
 */
export function cardLine(...choices: [string, ...string[]]): string {
  return choices.find((c) => Array.from(c).length <= CARD_TEXT_MAX) ?? choices[choices.length - 1]
}

/**
 * A deadline on a subscribe card's line, said as the chat says it (spokenDeadline's "11月24日（星期二）上午10:00前"):
 * with its weekday when it fits the 20 characters, without it when not ("请在11月24日上午10:00前受理"), else the plain
 * request. Never another way of writing the time ("11月24日 10:00前"), which he would read as another deadline.
 */
export function dueCard(dueText: string, word: '受理' | '答复'): string {
  return cardLine(`请在${dueText}${word}`, `请在${withoutWeekday(dueText)}${word}`, `请尽快${word}`)
}

/**
 * What a deputy reads when a message is placed with him, when it is written or when it is
 * moved to him later: one sentence either way, addressed to him by name as every notice to
 * a deputy is ("张伟代表，您有一条新留言 …，请在11月24日（星期二）上午10:00前受理。"). `cardText` is the
 * line of the subscribe card, whose text keyword holds 20 characters (wechat.md §2.4): the
 * card is his own and its title already says 新留言待受理, so it carries what he must do
 * by when, which the greeting and the ticket would push out.
 */
export function assignedNotice(c: Pick<CaseRecord, 'ticket' | 'topic' | 'text'>, deputyName: string, ackByText: string, replyByText?: string) {
  const to = deputyName ? `${deputyName}代表，` : ''
  // A reply deadline staff set with the move (要求答复日期) is said with it: it is earlier than the one he would expect.
  const answer = replyByText ? `，并在${replyByText}答复` : ''
  return {
    // Her first words as every notice to a deputy quotes them (deputyGist): never cut inside a number, phone and ID numbers masked.
    text: `${to}您有一条新留言 ${c.ticket}（${c.topic}）：${deputyGist(c.text, NEW_MESSAGE_GIST_MAX)}，请在${ackByText}受理${answer}。`,
    extra: { cardText: dueCard(ackByText, '受理') },
  }
}

/**
 * What a deputy reads when a colleague hands him a message (转交), in place of "您有一条新留言": who handed it
 * over and why, and, when it was his before (`back`), that it is handed back to him, which he would otherwise take
 * for a new message under a number he has handled ("张伟代表把留言 … 交回给您办理：还是李代表就近办理更方便。请在
 * 12月7日（星期一）前（含当日）受理。"). Her first words name it as the new-message notice does; the colleague's reason may quote
 * her, so phone and ID numbers are masked in it. The card (its title, else the kind's 新留言待受理) says the same
 * in its 20 characters: who handed it and why in the title, the deadline in its line.
 */
export function handedToYouNotice(
  c: Pick<CaseRecord, 'ticket' | 'topic' | 'text'>,
  names: { deputy: string; from: string },
  reason: string | null,
  back: boolean,
  ackByText: string,
) {
  const to = names.deputy ? `${names.deputy}代表，` : ''
  const gist = deputyGist(c.text, NEW_MESSAGE_GIST_MAX)
  const plain = reason?.trim().replace(/[。！!？?.]+$/, '') ?? ''
  const why = plain ? excerpt(maskPhoneAndIdNumbers(plain), 40) : ''
  const verb = back ? '交回给您办理' : '转给您办理'
  const word = back ? '交回' : '转来'
  const head = `${names.from}代表${word}：`
  const room = CARD_TEXT_MAX - Array.from(head).length
  // Whole when it fits; a cut is marked "…", one character more than the words it keeps.
  const whole = plain ? firstWords(plain, room, maskPhoneAndIdNumbers) : ''
  const said = Array.from(whole).length <= room ? whole : firstWords(plain, room - 1, maskPhoneAndIdNumbers)
  const titles: string[] = [...(said ? [`${head}${said}`] : []), `${names.from}代表${word}留言`]
  return {
    text: `${to}${names.from}代表把留言 ${c.ticket}（${c.topic}${gist ? `：${gist}` : ''}）${verb}${why ? `：${why}` : ''}。请在${ackByText}受理。`,
    extra: {
      cardTitle: cardLine(...(titles as [string, ...string[]]), back ? '留言交回您办理' : '其他代表转来留言'),
      cardText: dueCard(ackByText, '受理'),
    },
  }
}

/**
 * What a deputy reads when staff give him back a message that had been his (he handed it back to the station, or it
 * was moved from him), in place of "您有一条新留言": who gave it (`by`: "湛河区人大常委会办公室孙丽"), that it is the same
 * message again, and their words ("刘建国代表，湛河区人大常委会办公室孙丽把留言 20261117-0002（城乡建设：建设路社区
 * 3号院…）再次交给您办理：区人大办已协调区城管局牵头，请刘代表跟进并答复群众。请在11月19日（星期四）上午10:00前受理。"). Read as
 * 新留言 without the office's words, he took it for the one he had handed back and let it wait. The note may quote her:
 * phone and ID numbers masked, as in handedToYouNotice.
 */
export function placedAgainNotice(
  c: Pick<CaseRecord, 'ticket' | 'topic' | 'text'>,
  names: { deputy: string; by: string },
  note: string | null,
  ackByText: string,
  replyByText?: string,
) {
  const to = names.deputy ? `${names.deputy}代表，` : ''
  const gist = deputyGist(c.text, NEW_MESSAGE_GIST_MAX)
  const plain = note?.trim().replace(/[。！!？?.]+$/, '') ?? ''
  const why = plain ? excerpt(maskPhoneAndIdNumbers(plain), 80) : ''
  const answer = replyByText ? `，并在${replyByText}答复` : ''
  return {
    text: `${to}${names.by}把留言 ${c.ticket}（${c.topic}${gist ? `：${gist}` : ''}）再次交给您办理${why ? `：${why}` : ''}。请在${ackByText}受理${answer}。`,
    extra: {
      cardTitle: cardLine(`${names.by}再次交给您`, '留言再次交给您办理'),
      cardText: dueCard(ackByText, '受理'),
    },
  }
}

/** One move of a case: the transition, what changes, who hears about it, what else is written with it. */
export interface CaseChange {
  action: CaseAction
  type: CaseEventType
  to: CaseStatus
  patch?: Partial<CaseRecord>
  note?: string | null
  data?: Record<string, unknown>
  /** Who hears about it, and what they read. */
  tell?: Array<{ to: Recipient; kind: string; text: string; extra?: Record<string, unknown> }>
  /** Kinds of this case's messages, still waiting, that the change makes untrue. */
  withdraw?: string[]
  /** Events on other cases and their messages, written in the same transaction (merged duplicates). */
  also?: (event: CaseEvent, now: Date) => { events: CaseEvent[]; messages: OutboxMessage[] }
  /** 合并: the case this one goes into, checked again inside the write (CaseUpdateAlso.mergeInto). */
  mergeInto?: string
}

/** Messages asking a handler to act: untrue once the case is merged into another. */
export const WORK_KINDS = ['case.assigned', 'case.queued', 'case.reminder', 'case.escalated', 'case.overdue', 'case.urged']

export const deputyActor = (d: MpPrincipal): CaseActor => ({ role: 'deputy', id: d.deputyId })
export const staffActor = (s: StaffPrincipal): CaseActor => ({ role: s.role, id: s.id })
/** A message to the resident who wrote the case, with the line of its subscribe card (cardLine). */
export const resident = (c: CaseRecord, kind: string, text: string, cardText: string) => ({
  to: { kind: 'mp_user' as const, id: c.residentId },
  kind,
  text,
  extra: { cardText } as Record<string, unknown>,
})
/** A message told with more in its payload (a reply in full beside its short line). */
export const withExtra = <T extends { extra: Record<string, unknown> }>(told: T, more: Record<string, unknown>): T => ({
  ...told,
  extra: { ...told.extra, ...more },
})
/** A message to the deputy holding the case, with the line of its subscribe card (cardLine). */
export const toDeputy = (deputyId: string, kind: string, text: string, cardText: string) => ({
  to: { kind: 'deputy' as const, id: deputyId },
  kind,
  text,
  extra: { cardText } as Record<string, unknown>,
})
