/**
 * Quiet hours: pushes nobody is waiting for (reminders, digests, nudges) are not sent late
 * in the evening or at night, but held until the morning, in the business time zone.
 * Pure, no I/O.
 */
import { DEPUTY_BINDING_MOVED_KIND, TO_THE_CHAT_KINDS } from './notice-kinds.js'

export interface QuietHours {
  /** HH:MM, business time zone: from then on nothing that can wait is sent… */
  start: string
  /** …until then (the next morning when it is earlier than start). Equal to start: never quiet. */
  end: string
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

// Making an Intl formatter costs far more than using one, and the dispatcher asks for every message: one per time zone.
const clocks = new Map<string, Intl.DateTimeFormat>()
function localClock(at: Date, timeZone: string) {
  let format = clocks.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    clocks.set(timeZone, format)
  }
  const parts = format.formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') }
}

/** When quiet hours end, if `now` falls within them; null when sending now is fine. */
export function quietUntil(now: Date, quiet: QuietHours, timeZone: string): Date | null {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  if (start === end) return null
  const { minutes, seconds } = localClock(now, timeZone)
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end
  if (!inside) return null
  // Wall-clock minutes to the end; a daylight-saving shift overnight (none in China) would move it by its size.
  const ahead = (end - minutes + 1440) % 1440
  return new Date(now.getTime() - (now.getTime() % 1000) - seconds * 1000 + ahead * 60_000)
}

/** When the quiet hours that `at` falls within began (the evening before, for a moment after midnight); null outside them. */
export function quietSince(at: Date, quiet: QuietHours, timeZone: string): Date | null {
  if (!quietUntil(at, quiet, timeZone)) return null
  const { minutes, seconds } = localClock(at, timeZone)
  const into = (minutes - minutesOf(quiet.start) + 1440) % 1440
  return new Date(at.getTime() - (at.getTime() % 1000) - seconds * 1000 - into * 60_000)
}

/** Quiet hours with the kinds a person is waiting for (their own case moving on), which go at once. */
export type QuietPolicy = QuietHours & { immediateKinds: readonly string[] }

/**
 * Kinds that go at once whatever a deployment lists in `immediateKinds`: a chat told that it was just joined to a
 * mini-program account, or let go of one (TO_THE_CHAT_KINDS). They are its one warning of a
 * join it did not make (her code sent by a scammer, or from her grandson's phone): held until 08:00, the night would
 * pass with a stranger reading her messages before she could say 解除. So is `deputy.binding_moved`, the WeChat a
 * deputy used until now told that his identity was just bound elsewhere (a possible takeover: whoever bound it reads
 * his residents' messages as him until he calls the station). No deployment has a reason to hold them, so they are
 * not left to its list (a list written without them would hold them without a word).
 */
export const ALWAYS_IMMEDIATE_KINDS: readonly string[] = [...TO_THE_CHAT_KINDS, DEPUTY_BINDING_MOVED_KIND]

/**
 * A message about something that starts this soon after quiet hours end is not held: a notice written at 22:00 for a
 * meeting at 08:30 would reach the deputy at 08:00, too late to come on time or to ask for leave.
 */
export const SOON_AFTER_QUIET_MINUTES = 60

/**
 * Until when a message of this kind is held back now, with the reason shown in the console; null: send it. `startsAt`:
 * when what it is about begins (a meeting's start, in its payload: startsAtOf), when that is ahead.
 */
export function quietHold(kind: string, now: Date, quiet: QuietPolicy, timeZone: string, startsAt?: Date | null): { until: Date; reason: string } | null {
  if (ALWAYS_IMMEDIATE_KINDS.includes(kind) || quiet.immediateKinds.includes(kind)) return null
  const until = quietUntil(now, quiet, timeZone)
  if (!until) return null
  if (startsAt && startsAt > now && startsAt.getTime() - until.getTime() < SOON_AFTER_QUIET_MINUTES * 60_000) return null
  return { until, reason: `夜间免打扰，${clockText(quiet.end)} 后发送` }
}

/** A setting's time of day (08:00) as people read every time of ours: without a leading zero on the hour (8:00). */
export const clockText = (hhmm: string): string => hhmm.replace(/^0(?=\d:)/, '')

/** When what a message is about starts (`startsAt` in its payload, as meeting messages carry it), or null. */
export function startsAtOf(payload: Record<string, unknown>): Date | null {
  const at = typeof payload.startsAt === 'string' ? new Date(payload.startsAt) : null
  return at && !Number.isNaN(at.getTime()) ? at : null
}

/** Whether a time of day (HH:MM) falls within quiet hours. */
export function isQuietTime(hhmm: string, quiet: QuietHours): boolean {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  const at = minutesOf(hhmm)
  if (start === end) return false
  return start < end ? at >= start && at < end : at >= start || at < end
}

/** How often the digest job runs (its default schedule, every 15 minutes): a digest is made at the first run after its time. */
export const DIGEST_JOB_MINUTES = 15

/**
 * The times of day a digest may be set for (08:00 to 20:45 for quiet hours 21:00–08:00): outside quiet hours, and
 * early enough that the job's run after it still comes before they begin — a digest made inside them waits for
 * the morning, when its day is over and it is no longer sent. Null when nothing is quiet.
 */
export function sendWindow(quiet: QuietHours): { from: string; to: string } | null {
  const start = minutesOf(quiet.start)
  if (start === minutesOf(quiet.end)) return null
  const last = (start - DIGEST_JOB_MINUTES + 1440) % 1440
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return { from: quiet.end, to: hhmm(last) }
}

/** Whether a time of day (HH:MM) lies in a send window, which may pass midnight. */
export function inSendWindow(hhmm: string, window: { from: string; to: string }): boolean {
  return window.from <= window.to ? hhmm >= window.from && hhmm <= window.to : hhmm >= window.from || hhmm <= window.to
}
