/**
 * What the assign dialog (分派/改派) says beside a deputy's name about his work now, so that a clerk does not give an
 * urgent message to one who is behind or has just said he cannot take messages (review 37): his open messages and how
 * many of them are late, and a message he handed back to the station in the last few days, with his reason. Pure.
 */
import { localDate, monthDayText } from './dates.js'
import { maskPhoneAndIdNumbers } from './pii-mask.js'

/** How far back a hand-back to the station is said beside his name (“今天交回了留言 …”): a week of a clerk's memory. */
export const RECENT_HAND_BACK_DAYS = 7

/**
 * "在办 3 条，已超期 1 条，未按时受理 1 条": his open messages, of them those past their reply deadline as 工作概览 and the
 * inbox's 只看已超期 count them (case-stats.ts waitingLate), and those not acknowledged in time, the reply not yet due, as
 * its 只看未按时受理 counts them (ackLate): each message in one of the two at most. Said in 条, as 工作概览's rows say a
 * deputy's 在办 and 超期.
 */
export function deputyLoadText(open: number, overdue: number, ackLate: number): string {
  return `在办 ${open} 条${overdue ? `，已超期 ${overdue} 条` : ''}${ackLate ? `，未按时受理 ${ackLate} 条` : ''}`
}

/** A message he handed back to the station himself (his own 转交 back, not a colleague's), that the clerk may read. */
export interface RecentHandBack {
  ticket: string
  at: Date
  /** His reason, as he wrote it. */
  note: string | null
}

/**
 * "12月6日交回了留言 20261206-0001，说：这段时间在外地学习，请站里另派代表": one word for it, 交回, not a 退回 before
 * it as well (review J2). His reason is another message's business: a number in it (the resident's phone, quoted) is masked, as every list masks them.
 */
export function recentHandBackText(h: RecentHandBack, timeZone: string, now: Date): string {
  const day = localDate(h.at, timeZone)
  const when = day === localDate(now, timeZone) ? '今天' : monthDayText(day)
  const why = h.note?.trim() ? `，说：${maskPhoneAndIdNumbers(h.note.trim())}` : ''
  return `${when}交回了留言 ${h.ticket}${why}`
}
