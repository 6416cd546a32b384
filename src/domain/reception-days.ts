/**
 * A station's reception days (接待日) in words, as a resident is told where to go: "每星期三、星期六接待". Said by the
 * server, so the chat bot and every other reader say the days alike.
 */
import { WEEKDAYS, type Weekday } from './directory.js'

/** A weekday as every date of ours says it (12月2日（星期三）), and so the mini-program's 接待日：每星期三. */
export const WEEKDAY_WORDS: Record<Weekday, string> = {
  mon: '星期一',
  tue: '星期二',
  wed: '星期三',
  thu: '星期四',
  fri: '星期五',
  sat: '星期六',
  sun: '星期日',
}

/** "每星期三、星期六接待", the days in the week's order; null when the station names no day. */
export function receptionDaysText(days: readonly Weekday[]): string | null {
  const words = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_WORDS[d])
  return words.length ? `每${words.join('、')}接待` : null
}
