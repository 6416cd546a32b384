/**
 * When each reminder before a meeting is due, with quiet hours in mind. A lead's moment ("2 hours before") that falls
 * in quiet hours is held until they end; for an early meeting that is too late (07:30 → 05:30 is held to 08:00, after
 * the start): its reminder goes the evening before, before quiet hours begin, and says "明天上午7:30". Pure, no I/O.
 */
import { localDate } from './dates.js'
import { quietSince, quietUntil, SOON_AFTER_QUIET_MINUTES, type QuietHours } from './quiet-hours.js'
import { spokenTime } from './spoken-dates.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * How long before quiet hours begin an early meeting's reminder goes the evening before: from 20:00 for quiet hours
 * from 21:00, while an elderly deputy still reads his phone, with the job's runs of an hour to send it in.
 */
export const EVENING_REMINDER_MINUTES_BEFORE_QUIET = 60

/** Quiet hours as the reminders follow them, in the business time zone; absent: every lead at its own moment. */
export interface ReminderQuiet {
  hours: QuietHours
  timeZone: string
}

/**
 * Why a reminder was brought forward to before quiet hours, as its words say it: `early_start`, the meeting starts the
 * next morning (明天上午7:30: 会议开始得早); `quiet_hours`, any other (a meeting late that evening or in the small hours,
 * which does not start early: only its reminder's own moment fell in quiet hours).
 */
export type EveningReason = 'early_start' | 'quiet_hours'

/**
 * When the reminder `leadHours` before `startAt` is due, and whether it was brought forward to the evening before
 * (`evening`, with why; null: at its own moment): when its own moment falls in quiet hours that end less than
 * SOON_AFTER_QUIET_MINUTES before the start (or after it), as the dispatcher would not hold a message for it either.
 */
export function reminderMoment(startAt: Date, leadHours: number, quiet?: ReminderQuiet): { at: Date; evening: EveningReason | null } {
  const at = new Date(startAt.getTime() - leadHours * HOUR)
  if (!quiet) return { at, evening: null }
  const until = quietUntil(at, quiet.hours, quiet.timeZone)
  if (!until || startAt.getTime() - until.getTime() >= SOON_AFTER_QUIET_MINUTES * MINUTE) return { at, evening: null }
  const since = quietSince(at, quiet.hours, quiet.timeZone)!
  const evening = new Date(since.getTime() - EVENING_REMINDER_MINUTES_BEFORE_QUIET * MINUTE)
  // Early only when it starts on a later day in the morning, as the reminder names its time (上午, not 凌晨 or 晚上).
  const nextMorning = localDate(startAt, quiet.timeZone) > localDate(evening, quiet.timeZone) && spokenTime(startAt, quiet.timeZone).startsWith('上午')
  return { at: evening, evening: nextMorning ? 'early_start' : 'quiet_hours' }
}
