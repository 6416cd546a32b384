import { shallowRef } from 'vue'

/**
 * The business time zone (the backend's config business.timeZone): every date and time the console
 * shows, and every day or time a person picks, is read in it, whatever the office PC's own zone.
 * The server tells it with the session (GET /me, POST /login …), before the first page that shows
 * a time; until then, Beijing time, the zone of nearly every deployment.
 */
export const FALLBACK_ZONE = 'Asia/Shanghai'

// Reactive: a page drawn before the zone was known is drawn again in it.
const zone = shallowRef(FALLBACK_ZONE)

export const businessZone = (): string => zone.value

/** Takes the zone the server names; one this browser does not know leaves the one in use. */
export function setBusinessZone(timeZone: string | null | undefined) {
  if (!timeZone || timeZone === zone.value) return
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    return
  }
  zone.value = timeZone
}

// Making an Intl formatter costs far more than using one: one per zone, locale and options.
const formatters = new Map<string, Intl.DateTimeFormat>()

/** A formatter that writes instants in the business zone. */
export function zoneFormat(locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
  const key = `${zone.value}|${locale}|${JSON.stringify(options)}`
  let format = formatters.get(key)
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone.value })))
  return format
}

const WALL = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const

/** An instant's wall clock in the business zone, as numbers. */
function wallClock(at: number) {
  const p = Object.fromEntries(
    zoneFormat('en-US', WALL)
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  )
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second }
}

/** How far the business zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(at: number): number {
  const whole = Math.floor(at / 1000) * 1000
  const w = wallClock(whole)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-26": the business day of an instant (now when none is given). */
export function localDate(at: Date | number | string = Date.now()): string {
  const w = wallClock(new Date(at).getTime())
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** The business year now: New Year's Eve evening in Beijing is already the next year for the office. */
export const businessYear = (): number => Number(localDate().slice(0, 4))

/** The calendar day after "2026-11-26" (no zone: days are days). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/**
 * A day and wall-clock time in the business zone ("2026-11-26", "09:30" or "23:59:59") as ISO 8601
 * with the zone's offset then ("2026-11-26T09:30:00+08:00"), as the API takes times.
 */
export function zonedIso(date: string, time = '00:00'): string {
  const [y, m, d] = date.split('-').map(Number)
  const [hh = 0, mm = 0, ss = 0] = time.split(':').map(Number)
  const wall = Date.UTC(y, m - 1, d, hh, mm, ss)
  const clock = time.length === 5 ? `${time}:00` : time
  // Not a day and time (a field left empty): sent as written, so the server's words say what is missing.
  if (!Number.isFinite(wall)) return `${date}T${clock}${offsetText(offsetMs(Date.now()))}`
  // The offset at the wall time read as UTC is at most one change away from the right one: asked twice.
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}${offsetText(offsetMs(wall - offsetMs(wall)))}`
}

/** "+08:00" for eight hours ahead of UTC. */
function offsetText(offset: number): string {
  const minutes = Math.abs(offset) / 60_000
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** The instant the next business day begins, after `now` (ms). */
export function nextMidnight(now = Date.now()): number {
  return Date.parse(zonedIso(nextDate(localDate(now))))
}
