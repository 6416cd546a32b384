import { z } from 'zod'
import { scheduleProblems } from '../../domain/meeting-timing.js'
import { ValidationError, type ErrorDetail } from '../../errors.js'

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s))
const read = (value: unknown) => {
  const result = instant.safeParse(value)
  return result.success ? result.data : null
}

/**
 * 新建会议's form. A form refused for what it lacks (地点 left empty) also says, in the same 400, what is wrong with
 * its times (结束时间应晚于开始时间): the organizer fixes both at once, not the place first and then, refused again, the
 * times. A form with nothing else wrong has its times judged by the meeting service, as before (422).
 * `parse` is the route's own schema check (the schema stays beside the route); `body` is the form as sent.
 */
export function readMeetingCreateForm<T>(parse: () => T, body: unknown, now: Date): T {
  try {
    return parse()
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err
    throw new ValidationError(err.message, [...err.details, ...scheduleDetails(body, now, err.details)], err.code)
  }
}

/** The service's time rules over the times as sent, when both are well-formed; a field already refused is not said twice. */
function scheduleDetails(body: unknown, now: Date, said: ErrorDetail[]): ErrorDetail[] {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const [startAt, endAt] = [read(raw.startAt), read(raw.endAt)]
  if (!startAt || !endAt) return []
  const rsvpDeadline = raw.rsvpDeadline === undefined || raw.rsvpDeadline === null ? null : read(raw.rsvpDeadline)
  const refused = new Set(said.map((d) => d.path))
  return scheduleProblems({ startAt, endAt, rsvpDeadline }, now)
    .map((p) => ({ path: `body.${p.path}`, message: p.message }))
    .filter((d) => !refused.has(d.path))
}
