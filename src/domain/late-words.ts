import { localDate } from './dates.js'
import { ackLateWords, replyLateWords } from './tasks.js'

/**
 * A message gone past a deadline, as its deputy reads it wherever it is written to him (his 每日摘要, his workbench's
 * 待办): "答复已超期 2 天", "已过受理期限 3 天". One way, with the days: "受理期限已过" in the chat beside "已过受理期限
 * 2 天" on his page read as two different things. Pure, no I/O.
 */

/**
 * The words for a message late against `deadline` (the reply's when its answer is late, else the acknowledgement's), on
 * the local date `today` (YYYY-MM-DD): whole calendar days from the deadline's local date, counted as his workbench counts
 * them (tasks.ts deputyCaseDue), so the chat and the page say the same number on the same day.
 */
export function deputyLateWords(late: 'reply' | 'acknowledge', deadline: Date, today: string, timeZone: string): string {
  const days = Math.round((Date.parse(`${localDate(deadline, timeZone)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  const past = Math.min(0, days)
  return late === 'reply' ? replyLateWords(past) : ackLateWords(past)
}
