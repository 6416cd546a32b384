import type { CaseRecord } from '../../domain/case.js'
import { localDate } from '../../domain/dates.js'
import { hoursText } from '../../domain/due-date-text.js'
import { deputyLateWords } from '../../domain/late-words.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import type { SlaAction, SlaClock } from '../../domain/sla-actions.js'
import { caseCards } from './case-cards.js'
import { cardLine, queueOf, type Recipient } from './case-changes.js'

export type RemindAction = Extract<SlaAction, { kind: 'remind' }>
export type EscalateAction = Extract<SlaAction, { kind: 'escalate' }>

const CLOCK_WORDS = { ack: '受理', reply: '答复' } as const

/**
 * One round of a clock: a reopened case runs its clocks again, and is reminded and escalated again.
 * So does a case given a new time to acknowledge (another deputy, back to the station, up to the
 * office): the one who has it now is reminded before their own deadline, and a missed one is
 * reported again. Its reply deadline stands when it moves, but the deputy who inherits it is
 * reminded of it too.
 */
export const slaRound = (c: Pick<CaseRecord, 'reopenCount' | 'ackDueAt' | 'deputyId'>, clock: SlaClock) =>
  clock === 'ack' ? `ack:${c.reopenCount}:${c.ackDueAt.getTime()}` : `reply:${c.reopenCount}:${c.deputyId ?? ''}`

/**
 * Shortly before a deadline: the timeline's note, and what the deputy reads, addressed to him by name
 * as every notice to a deputy is. The subscribe card's text keyword holds 20 characters and its title
 * already says what it is about, so the card carries only what he must do by when.
 */
export function reminderNotice(c: Pick<CaseRecord, 'ticket'>, action: RemindAction, deputyName: string | null, timeZone: string, now: Date) {
  // As his chat's 待办 and digest say it ("11月24日（星期二）上午10:00前"), never "24:00".
  const due = spokenDeadline(action.dueAt, timeZone, now)
  const todo = `请在${due}${CLOCK_WORDS[action.clock]}`
  return {
    note: `提醒：留言 ${c.ticket} ${todo}，请及时处理。`,
    text: `${greeting(deputyName)}提醒您：留言 ${c.ticket} ${todo}，请及时处理。`,
    cardText: caseCards.dueBy(due, CLOCK_WORDS[action.clock]),
  }
}

const greeting = (deputyName: string | null) => (deputyName ? `${deputyName}代表，` : '')

/** Whom a passed deadline is reported to (督办): the station's queue first, then the office supervising whoever holds the case (after a cross-district transfer, the handler's). */
export function escalationRecipient(c: CaseRecord, action: EscalateAction): Recipient {
  return action.level === 1 ? queueOf(c) : { kind: 'office', id: c.handlingDistrictId ?? c.districtId ?? c.officeRegionId ?? 'city' }
}

/**
 * Who hears of a passed deadline and what they read: the report to `escalationRecipient`, and the deputy holding the
 * case, told what is true as it is written. `reported`: the report has a way to reach them (their WeChat group's
 * robot or the bot's room), by name ("轻工街道代表联络站", "澜江区人大办"), or null when none does: then it is sent to
 * nobody (未能送达, as the clerk's timeline says) and he is not told it was reported. Either way he reads what to do next:
 * answer soon, or, when he cannot, hand it back (交回) to whoever assigns it, who will help; not a reprimand alone.
 * `now`, in `timeZone`: when it is written, so he reads how late it is as his workbench says it then.
 */
export function escalationNotices(
  c: CaseRecord,
  action: EscalateAction,
  repeatHours: number,
  deputyName: string | null,
  reported: string | null,
  timeZone: string,
  now: Date,
) {
  const word = CLOCK_WORDS[action.clock]
  // "已超过答复期限72 小时" read like a machine; people say how long it has been late.
  const late = action.level === 2 ? `超期未${word}已超过 ${hoursText(repeatHours)}` : `已过${word}期限`
  // 交回 gives it back to the queue that assigned it (the station's, else the office's), whoever the report went to.
  const helper = queueOf(c).kind === 'station' ? '联络站' : '人大办'
  // As his workbench and 每日摘要 say it that moment ("答复期限今天已过", "已过受理期限 3 天"): one way, with the days.
  const deadline = action.clock === 'ack' ? c.ackDueAt : c.replyDueAt
  const spoken = deputyLateWords(action.clock === 'ack' ? 'acknowledge' : 'reply', deadline, localDate(now, timeZone), timeZone)
  // Quiet hours may hold this till the next morning, when "今天已过受理期限" would name the wrong day: no 今天 in a notice.
  const lateNow = spoken.includes('今天') ? `已过${word}期限` : spoken
  const passed = `${greeting(deputyName)}留言 ${c.ticket} ${lateNow}，群众还在等您${word}`
  // The whole number: the bot reads it whichever of his messages end alike; quoted, as the bot's other examples are.
  const next = `请尽快${word}；办不了请发"交回 ${c.ticket} 再写上原因"，${helper}会帮忙另行安排。`
  return {
    to: escalationRecipient(c, action),
    text: `督办：留言 ${c.ticket} ${late}，请督促办理。`,
    deputyText: reported ? `${passed}，已告知${reported}。${next}` : `${passed}。${next}`,
    // The card's 20 characters hold how late and what to do, not also who was told ("今天已过受理期限，联络站已知道，
    // 请尽快受理" is 21): the text says that. 或交回 gives way when a long count of days would not fit.
    deputyCardText: cardLine(`${lateNow}，请尽快${word}或交回`, `${lateNow}，请尽快${word}`),
  }
}
