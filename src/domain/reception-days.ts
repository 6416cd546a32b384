/**
 * A station's reception days (接待日) in words, as a resident is told where to go: "每周三、周六接待". Said by the
 * server, so the chat bot and every other reader say the days alike.
 */
import { WEEKDAYS, type Weekday } from './directory.js'

/** A weekday as people say it. */
export const WEEKDAY_WORDS: Record<Weekday, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' }

/** "每周三、周六接待", the days in the week's order; null when the station names no day. */
export function receptionDaysText(days: readonly Weekday[]): string | null {
  const words = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_WORDS[d])
  return words.length ? `每${words.join('、')}接待` : null
}
