import { WAITING_STATUSES, type CaseRecord } from './case.js'
import { monthDayText } from './dates.js'
import { lastOpenDate } from './due-date-text.js'
import { endOfLocalDate } from './local-days.js'

/**
 * The reply deadline staff may set when they assign a message (交办: 要求答复日期), earlier than the rules' (SLA): a
 * local date whose whole day counts, as the rules' reply deadline does (the end of a working day). Pure.
 */

/** The instant a 要求答复日期 ends: the last millisecond of that local day, as the rules' reply deadline is kept. */
export const replyByInstant = (date: string, timeZone: string): Date => endOfLocalDate(date, timeZone)

/** The reply deadline the rules give this message: what the resident was told, and the latest staff may ask for. */
export const rulesReplyDueAt = (c: Pick<CaseRecord, 'replyDueAt' | 'slaReplyDueAt'>): Date => c.slaReplyDueAt ?? c.replyDueAt

/**
 * The latest 要求答复日期 分派 may ask of this message (YYYY-MM-DD): its rules' reply deadline's date, the last day
 * replyByRefusal lets through; null once it is answered or ended (no 分派 to ask it at). The case page's date picker
 * and the inbox's 批量分派 picker refuse the days after it, as the server does.
 */
export function latestReplyByDate(c: Pick<CaseRecord, 'status' | 'repliedAt' | 'replyDueAt' | 'slaReplyDueAt'>, timeZone: string): string | null {
  return c.repliedAt || !WAITING_STATUSES.includes(c.status) ? null : lastOpenDate(rulesReplyDueAt(c), timeZone)
}

/**
 * Why a 要求答复日期 may not be set, in words for the clerk, or null when it may: a day already gone, a day off (the
 * SLA clocks never make anyone late on a day off, so no deadline ends on one), or later than the rules allow
 * (staff may ask for an answer sooner, never give more time than the resident was promised).
 */
export function replyByRefusal(date: string, at: { today: string; rulesDueAt: Date; timeZone: string; workingDay: boolean }): string | null {
  const latest = lastOpenDate(at.rulesDueAt, at.timeZone)
  if (date < at.today) return `要求答复的日期（${monthDayText(date)}）已经过去了，请选今天或以后的日子。`
  if (date > latest) return `要求答复的日期不能晚于规定的答复期限（${monthDayText(latest)}），只能要求代表提前答复。`
  if (!at.workingDay) return `${monthDayText(date)}是休息日，请选一个工作日。`
  return null
}

/** Ticked messages the chosen deputy already holds: they will not go (留言已在该代表名下), so their dates do not count. */
export interface AlreadyHeld {
  /** Their numbers, only ones she may see. */
  tickets: readonly string[]
  /** The deputy's name, as 陈晓婷. */
  deputy: string
}

/** Past this many numbers, the others are counted rather than named: the words stay one line under the field. */
const HELD_NAMED = 3

/**
 * Why one 要求答复日期 for several messages at once (批量分派) may not be set: later than every one of them allows
 * (`latest`: the latest of their latestReplyByDate), so it would hold none of them, each keeping its own. Said with the
 * latest day she may ask, as the dialog's picker offers it, or, once that day is gone too (`today` after it), that no
 * date can be asked of them; null when the date holds at least one. `held`: ticked messages that would have let the
 * date through but are the deputy's already (a colleague gave them meanwhile): named first, so she knows why the
 * latest day is earlier than her dialog said.
 */
export function replyByTogetherRefusal(date: string, latest: string, today: string, held?: AlreadyHeld): string | null {
  if (date <= latest) return null
  if (!held?.tickets.length) {
    return latest < today
      ? `选中的留言规定的答复期限都已经过了（最晚是${monthDayText(latest)}），不能再要求答复日期：请空着不填，仍按原来的答复期限。`
      : `要求答复的日期最晚可以选${monthDayText(latest)}：选中的留言里，规定的答复期限最晚是这一天，只能要求代表提前答复。`
  }
  const named = held.tickets.slice(0, HELD_NAMED).join('、')
  const which = held.tickets.length > HELD_NAMED ? `${named} 等 ${held.tickets.length} 条留言` : named
  const why = `${which} 已经由${held.deputy}代表办理，不再分派`
  return latest < today
    ? `${why}；其余留言规定的答复期限都已经过了（最晚是${monthDayText(latest)}），不能再要求答复日期：请空着不填，仍按原来的答复期限。`
    : `${why}；其余留言里，规定的答复期限最晚是${monthDayText(latest)}，要求答复的日期最晚可以选这一天。`
}
