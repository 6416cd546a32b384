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

/** What the person typed or the file holds, read as hours: the hours (null: none named), or why they cannot be kept. */
export type ReceptionHoursReading =
  | { ok: true; hours: ReceptionHours | null }
  /** `field`: the box at fault when the hours came as two (from, to); null for a range written in one cell. */
  | { ok: false; problem: string; field: 'from' | 'to' | null }

/** 8：30 typed with a Chinese keyboard is 8:30. */
const typedTime = (t: string) => t.replace(/：/g, ':').trim()
/** The ways a sheet's cell joins the two times: 8:30-11:30, 8:30至11:30, 8:30～11:30, 8:30到11:30. */
const RANGE_JOINS = /\s*(?:-|－|–|—|~|～|至|到)\s*/
const RANGE_EXAMPLE = '请写成“8:30-11:30”（24 小时制）'

/**
 * The one rule for a station's 接待时间, wherever it comes from: the console's two boxes and the API ({from, to}), an
 * import file, or a sheet's cell ("8:30-11:30"). Blank (or null) is no hours; each time is 0:00–23:59, 8:30 or 08:30,
 * kept as "8:30"; the end is after the start. A problem is said in the words of where it was typed: at the box for two
 * times, quoting the cell for one.
 */
export function parseReceptionHours(input: string | ReceptionHours | null | undefined): ReceptionHoursReading {
  if (input == null) return { ok: true, hours: null }
  return typeof input === 'string' ? readRange(input) : readPair(typedTime(input.from), typedTime(input.to))
}

/** What is wrong with two times, if anything: the rule itself, worded below for the boxes and for a cell. */
function fault(from: string, to: string): 'from' | 'to' | 'order' | null {
  if (!CLOCK_TIME.test(from)) return 'from'
  if (!CLOCK_TIME.test(to)) return 'to'
  return clockMinutes(from) < clockMinutes(to) ? null : 'order'
}

function readPair(from: string, to: string): ReceptionHoursReading {
  if (!from && !to) return { ok: true, hours: null }
  const wrong = fault(from, to)
  if (wrong === 'order') return { ok: false, problem: '接待结束时间应晚于开始时间', field: 'to' }
  if (wrong) return { ok: false, problem: `${wrong === 'from' ? '接待开始时间' : '接待结束时间'}应为 0:00 至 23:59 之间的时间，如 8:30`, field: wrong }
  return { ok: true, hours: { from: clockTime(from), to: clockTime(to) } }
}

function readRange(cell: string): ReceptionHoursReading {
  const text = typedTime(cell)
  if (!text) return { ok: true, hours: null }
  const [from = '', to = '', ...more] = text.split(RANGE_JOINS)
  const wrong = more.length ? 'from' : fault(from, to)
  if (wrong === 'order') return { ok: false, problem: `“${cell}”的结束时间不晚于开始时间，${RANGE_EXAMPLE}`, field: null }
  if (wrong) return { ok: false, problem: `“${cell}”不是一段时间，${RANGE_EXAMPLE}`, field: null }
  return { ok: true, hours: { from: clockTime(from), to: clockTime(to) } }
}
