import { endOfLocalDay } from './business-calendar.js'

const parts = new Map<string, Intl.DateTimeFormat>()

function wallClock(at: Date, timeZone: string) {
  let format = parts.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    parts.set(timeZone, format)
  }
  const p: Record<string, string> = {}
  for (const { type, value } of format.formatToParts(at)) p[type] = value
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), time: `${p.hour}:${p.minute}` }
}

/**
 * A deadline as people say it: "12月22日前（含当日）" when it is the end of a day (the
 * whole day still counts), "12月22日 20:00前" when it is a time of day. The year is
 * written only when it is not the year of `now`, as in "2027年1月15日前（含当日）".
 */
export function dueDateText(dueAt: Date, timeZone: string, now?: Date): string {
  const due = wallClock(dueAt, timeZone)
  const year = now && wallClock(now, timeZone).year !== due.year ? `${due.year}年` : ''
  const date = `${year}${due.month}月${due.day}日`
  return endOfLocalDay(dueAt, timeZone).getTime() === dueAt.getTime() ? `${date}前（含当日）` : `${date} ${due.time}前`
}

/** A span of hours as people say it: "3 天" for whole days, otherwise "30 个小时". */
export function hoursText(hours: number): string {
  return hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 个小时`
}
