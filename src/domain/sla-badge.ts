import { nextDeadline, type CaseRecord } from './case.js'
import { localDate } from './dates.js'
import { dueDateText } from './due-date-text.js'

export type SlaTone = 'overdue' | 'today' | 'soon' | 'ok'

export interface SlaBadge {
  /** What staff read on the badge: "已超期 2 天", "今天到期", "明天到期", "还有 5 天". */
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
 * time zone. The clock stops once the deputy has replied or the case has ended: those
 * cases carry no badge (null).
 */
export function slaBadge(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>, now: Date, timeZone: string): SlaBadge | null {
  const due = nextDeadline(c)
  if (!due) return null
  const step = due === c.ackDueAt ? 'acknowledge' : 'reply'
  const dueText = dueDateText(due, timeZone, now)
  const days = daysBetween(localDate(now, timeZone), localDate(due, timeZone))
  if (due < now) {
    const late = -days
    return { text: late >= 1 ? `已超期 ${late} 天` : '今天已超期', tone: 'overdue', step, dueText }
  }
  if (days === 0) return { text: '今天到期', tone: 'today', step, dueText }
  if (days === 1) return { text: '明天到期', tone: 'soon', step, dueText }
  return { text: `还有 ${days} 天`, tone: days <= 3 ? 'soon' : 'ok', step, dueText }
}
