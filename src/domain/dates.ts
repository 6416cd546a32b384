import { offsetMs } from './zone-offset.js'

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const ms = at.getTime()
  return new Date(ms + offsetMs(ms, timeZone)).toISOString().slice(0, 10)
}
