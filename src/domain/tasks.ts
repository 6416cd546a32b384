/**
 * 我的待办: what a person is asked to do, in words they read at a glance. Pure: times
 * passed in, days counted on the calendar of the business time zone.
 */
import { nextDeadline, type CaseRecord } from './case.js'
import { ackLate, waitingLate } from './case-stats.js'
import { localDate } from './dates.js'
import { lastOpenMoment } from './due-date-text.js'
import { spokenDeadline } from './spoken-dates.js'

const DAY = 86_400_000

/** Whole calendar days from one local date (YYYY-MM-DD) to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)

/** `ack_late`: a message not acknowledged by its deadline, its reply not yet due (未按时受理): late, but never 超期. */
export type DueState = 'overdue' | 'ack_late' | 'today' | 'upcoming'

/**
 * "已超期 3 天", "今天到期", "明天到期", "还有 5 天到期". Past the deadline earlier today
 * reads "今天已超期": the person must not read "今天到期" about something already late. A deputy's message says
 * what is late in its own words (deputyCaseDue: replyLateWords, ackLateWords), never the bare 已超期.
 */
export function dueWords(due: Date, now: Date, timeZone: string): { state: DueState; words: string; days: number } {
  const days = daysBetween(localDate(now, timeZone), localDate(due, timeZone))
  if (due.getTime() < now.getTime()) {
    return { state: 'overdue', words: days < 0 ? `已超期 ${-days} 天` : '今天已超期', days: Math.min(0, days) }
  }
  if (days === 0) return { state: 'today', words: '今天到期', days: 0 }
  return { state: 'upcoming', words: days === 1 ? '明天到期' : `还有 ${days} 天到期`, days }
}

/**
 * When a meeting is, counted on the calendar as people count it: "今天开会", "明天开会", "3天后开会".
 * A meeting is not "due": 还有 3 天到期 would read as a deadline to meet, not a day to go.
 */
export function meetingDayWords(startAt: Date, now: Date, timeZone: string): string {
  const days = daysBetween(localDate(now, timeZone), localDate(startAt, timeZone))
  if (days < 0) return '会议已开始'
  if (days === 0) return '今天开会'
  return days === 1 ? '明天开会' : `${days}天后开会`
}

/**
 * A message's deadline as its deputy reads it (我的待办, the home page's count): 超期 is the reply deadline's alone, as
 * the office counts it (case-stats.ts waitingLate), its days counted from that deadline and said as the answer's
 * ("答复已超期 2 天": a bare 已超期 left him asking what was late); one only late
 * in being acknowledged (ackLate) says that in its own words ("已过受理期限 3 天", state `ack_late`), never 已超期;
 * otherwise the deadline that matters now (nextDeadline). Null once nothing is due (answered or ended).
 */
export function deputyCaseDue(
  c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>,
  now: Date,
  timeZone: string,
): { at: Date; state: DueState; words: string } | null {
  const at = nextDeadline(c)
  if (!at) return null
  if (waitingLate(c, now)) {
    const { state, days } = dueWords(c.replyDueAt, now, timeZone)
    return { at: c.replyDueAt, state, words: replyLateWords(days) }
  }
  const { state, words, days } = dueWords(at, now, timeZone)
  if (!ackLate(c, now)) return { at, state, words }
  return { at, state: 'ack_late', words: ackLateWords(days) }
}

/** "已过受理期限 3 天" (whole calendar days past the acknowledgement's deadline, `days` below 0), "今天已过受理期限". */
export const ackLateWords = (days: number) => (days < 0 ? `已过受理期限 ${-days} 天` : '今天已过受理期限')

/**
 * "答复已超期 2 天" (whole calendar days past the reply's deadline, `days` 0 or below); gone by earlier today, "答复期限今天已过"
 * ("今天答复已超期" read as today's answer being late).
 */
export const replyLateWords = (days: number) => (days < 0 ? `答复已超期 ${-days} 天` : '答复期限今天已过')

/**
 * What his 我的待办 asks of him about a message, the act and its deadline in one line, said as his papers' lines are
 * (spokenDeadline), with the days left in dueWords' words: "请在11月24日（星期二）上午10:00前受理，明天到期",
 * "请在12月14日（星期一）前（含当日）答复，还有 21 天到期". "请受理 新留言 明天到期" left him asking what was due, and by
 * when. The days are counted to the day the line names (a close at 00:00 is the day before: lastOpenMoment); today's and
 * a late one's own words stand beside it in red (deputyCaseDue), so the line then only asks: "请尽快答复". Null once
 * nothing is due.
 */
export function deputyCaseTodo(
  c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>,
  now: Date,
  timeZone: string,
  // The list has it already for its red words: passed in, it is not worked out twice per message.
  due = deputyCaseDue(c, now, timeZone),
): string | null {
  if (!due) return null
  const acknowledging = nextDeadline(c)?.getTime() === c.ackDueAt.getTime() && !c.acknowledgedAt
  const act = acknowledging ? '受理' : '答复'
  if (due.state === 'overdue' || due.state === 'ack_late') return `请尽快${acknowledging && due.state === 'overdue' ? '受理并答复' : act}`
  const { state, words } = dueWords(lastOpenMoment(due.at, timeZone), now, timeZone)
  return `请在${spokenDeadline(due.at, timeZone, now)}${act}${state === 'upcoming' ? `，${words}` : ''}`
}
