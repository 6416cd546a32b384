import { localDate, monthDayText } from '../../src/domain/dates.js'
import { addDays, startOfLocalDate } from '../../src/domain/local-days.js'

const ZONE = 'Asia/Shanghai'
const NINE_OH_FIVE_MS = (9 * 60 + 5) * 60_000

/**
 * The first 9:05 in Beijing after `now` (on a day `isDay` takes, a working day for a deadline): a story moves the
 * server's clock there so that a time it reads has a one-digit hour, and a padded one ("09:05") would show. Forward
 * only, so nothing the story did before seems to happen after it.
 */
export function nextMorning(now: Date, isDay: (date: string) => boolean = () => true): Date {
  for (let date = localDate(now, ZONE); ; date = addDays(date, 1)) {
    const at = new Date(startOfLocalDate(date, ZONE).getTime() + NINE_OH_FIVE_MS)
    if (at.getTime() > now.getTime() && isDay(date)) return at
  }
}

/** "12月7日", the Beijing day of `at` in words. */
export const dayOf = (at: Date) => monthDayText(localDate(at, ZONE))
