import type { CaseRecord } from '../../domain/case.js'
import { dueDateText, hoursText } from '../../domain/due-date-text.js'
import type { SlaAction, SlaClock } from '../../domain/sla-actions.js'
import { queueOf, type Recipient } from './case-changes.js'

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

/** What the deputy reads shortly before a deadline. */
export function reminderText(c: Pick<CaseRecord, 'ticket'>, action: RemindAction, timeZone: string, now: Date) {
  return `提醒：留言 ${c.ticket} 请在${dueDateText(action.dueAt, timeZone, now)}${CLOCK_WORDS[action.clock]}，请及时处理。`
}

/**
 * Who hears of a passed deadline and what they read: the station's queue first, then the
 * office supervising whoever holds the case (after a cross-district transfer, the handler's);
 * the deputy holding it is told it has been reported.
 */
export function escalationNotices(c: CaseRecord, action: EscalateAction, repeatHours: number) {
  const word = CLOCK_WORDS[action.clock]
  const to: Recipient = action.level === 1 ? queueOf(c) : { kind: 'office', id: c.handlingDistrictId ?? c.districtId ?? c.officeRegionId ?? 'city' }
  // "已超过答复期限72 小时" read like a machine; people say how long it has been late.
  const late = action.level === 2 ? `逾期未${word}已超过 ${hoursText(repeatHours)}` : `已过${word}期限`
  return {
    to,
    text: `督办：留言 ${c.ticket} ${late}，请督促办理。`,
    deputyText: `留言 ${c.ticket} 已逾期未${word}，已报告督办。`,
  }
}
