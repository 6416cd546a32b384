import { nextDeadline, type CaseRecord } from './case.js'
import { localDate } from './dates.js'
import { dueDateText } from './due-date-text.js'

export type SlaTone = 'overdue' | 'ack_late' | 'today' | 'soon' | 'ok'

export interface SlaBadge {
  /** What staff read on the badge: "已超期 2 天" (past the reply deadline), "未按时受理", "今天到期", "明天到期", "还有 5 天". */
  text: string
  tone: SlaTone
  /** Which step is due: acknowledging the message or replying to it. */
  step: 'acknowledge' | 'reply'
  /** The deadline itself, as people say it: "11月24日 10:00前", "12月22日 24:00前". */
  dueText: string
}

const DAY = 86_400_000
/** Whole calendar days from one local date to another (both YYYY-MM-DD). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)

/**
 * The SLA badge of a case in words, in calendar days as people count them in the business
 * time zone. 已超期 is the reply deadline's (答复期限) alone, as 按时答复 judges it: how many days
 * past it an unanswered message is. One only late in being acknowledged, its reply not yet due,
 * is 未按时受理 (the acknowledgement's deadline in its words), not 已超期. The clock stops once
 * the deputy has replied or the case has ended: those cases carry no badge (null).
 */
export function slaBadge(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date, timeZone: string): SlaBadge | null {
  const due = nextDeadline(c)
  if (!due) return null
  const today = localDate(now, timeZone)
  if (c.replyDueAt < now) {
    const late = -daysBetween(today, localDate(c.replyDueAt, timeZone))
    return { text: late >= 1 ? `已超期 ${late} 天` : '今天已超期', tone: 'overdue', step: 'reply', dueText: dueDateText(c.replyDueAt, timeZone, now) }
  }
  const step = due === c.ackDueAt ? 'acknowledge' : 'reply'
  const dueText = dueDateText(due, timeZone, now)
  if (due < now) return { text: '未按时受理', tone: 'ack_late', step, dueText }
  const days = daysBetween(today, localDate(due, timeZone))
  if (days === 0) return { text: '今天到期', tone: 'today', step, dueText }
  if (days === 1) return { text: '明天到期', tone: 'soon', step, dueText }
  return { text: `还有 ${days} 天`, tone: days <= 3 ? 'soon' : 'ok', step, dueText }
}
