/**
 * A station's reception days (接待日) and hours in words, as a resident is told when to come: "每星期三、星期六 8:30–11:30接待".
 * Said by the server, so the chat bot, the mini-program and the console's poster say the days alike.
 */
import { WEEKDAYS, type ReceptionHours, type Weekday } from './directory.js'

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

/** "H:MM", 24-hour, the hour without a leading zero as people read times here (8:30, 14:00). */
export const CLOCK_TIME = /^([01]?\d|2[0-3]):[0-5]\d$/

/** Minutes past midnight of an "H:MM" (or "HH:MM") time. */
export const clockMinutes = (t: string) => {
  const [h, m] = t.split(':')
  return Number(h) * 60 + Number(m)
}

/** "08:30" → "8:30": one way of writing a time, whoever typed it. */
export const clockTime = (t: string) => {
  const minutes = clockMinutes(t)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * "每星期三、星期六 8:30–11:30接待", the days in the week's order; without hours "每星期三、星期六接待" (as before hours
 * were kept); null when the station names no day (hours alone say nothing of when to come).
 */
export function receptionDaysText(days: readonly Weekday[], hours: ReceptionHours | null = null): string | null {
  const words = WEEKDAYS.filter((d) => days.includes(d)).map((d) => WEEKDAY_WORDS[d])
  if (!words.length) return null
  return hours ? `每${words.join('、')} ${clockTime(hours.from)}–${clockTime(hours.to)}接待` : `每${words.join('、')}接待`
}
