/**
 * The contact phone on one of her messages: what she may do with it, and why, in her words. One rule and one set of
 * words for the page that lists her phones (我的信息) and the refusal when she tries to change one all the same.
 */
import type { CaseRecord } from './case.js'
import { residentDueDateText } from './due-date-text.js'

/** Messages whose handling is over: nobody calls their phone again, unless she may still ask for one to be handled again. */
const ENDED = new Set(['closed', 'withdrawn', 'rejected'])

/**
 * What she may do with the phone on one of her messages. Removing it she always may: a number kept is hers to take
 * back (PIPL art. 47). Changing it only matters while someone may still call it: the message is being handled
 * (`open`), or it is closed but she may still ask for it to be handled again (`reopen`, until `until`), when the
 * deputy would call that number. Over (`ended`) or merged into another message (`merged`, whose phone is used),
 * nobody will call it, so there is nothing to change it for.
 */
export type CasePhoneStanding =
  { canChange: true; why: 'open' } | { canChange: true; why: 'reopen'; until: Date } | { canChange: false; why: 'ended' | 'merged' }

/**
 * The standing of a message's phone; `reopenOffer`, whether a closed message may still be handled again (the case
 * workflow's answer for this message: null when it may not be asked at all).
 */
export function casePhoneStanding(c: Pick<CaseRecord, 'status' | 'mergedInto'>, reopenOffer: { allowed: boolean; until: Date } | null): CasePhoneStanding {
  if (c.mergedInto) return { canChange: false, why: 'merged' }
  if (!ENDED.has(c.status)) return { canChange: true, why: 'open' }
  return reopenOffer?.allowed ? { canChange: true, why: 'reopen', until: reopenOffer.until } : { canChange: false, why: 'ended' }
}

/** What the words say of the message: its status, and a merged one's carrier (the message the work goes on under). */
export interface CasePhoneFacts {
  status: string
  /** The number of the message a merged one went into; null when it cannot be read. */
  carrierTicket: string | null
}

const ENDED_AS: Record<string, string> = { closed: '已经办完', withdrawn: '已经撤回', rejected: '没有受理' }

/** Why nobody will call the phone of a message over or merged: the first half of both sentences below. */
function nobodyCalls(standing: Extract<CasePhoneStanding, { canChange: false }>, facts: CasePhoneFacts): string {
  return standing.why === 'merged'
    ? `这条留言已和留言 ${facts.carrierTicket ?? '另一条相同问题的留言'} 合并办理，代表按那条留言联系，不会再打这个电话`
    : `这条留言${ENDED_AS[facts.status] ?? '已经办完'}，代表不会再打这个电话`
}

/** Beside the phone in 我的信息: why she may change it, or why only removing it makes sense; null while it is handled. */
export function casePhoneNote(standing: CasePhoneStanding, facts: CasePhoneFacts, at: { timeZone: string; now: Date }): string | null {
  if (standing.why === 'open') return null
  if (standing.why === 'reopen')
    return `这条留言已经办完。${residentDueDateText(standing.until, at.timeZone, at.now)}您还可以申请重新办理，那时代表会打这个电话，号码不对可以改。`
  return `${nobodyCalls(standing, facts)}。不想留着，可以删掉。`
}

/** The refusal of a change to a phone nobody will call, with what she can do instead. */
export function casePhoneRefusal(standing: Extract<CasePhoneStanding, { canChange: false }>, facts: CasePhoneFacts): string {
  return `${nobodyCalls(standing, facts)}，所以不用改号码。不想留着这个电话，可以删掉。`
}
