import { z } from 'zod'
import type { MeetingRecord } from '../../domain/meeting.js'
import { scheduleProblems } from '../../domain/meeting-timing.js'
import { ValidationError, type ErrorDetail } from '../../errors.js'
import { editedSchedule } from './meeting-edit-rules.js'

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s))
const read = (value: unknown) => {
  const result = instant.safeParse(value)
  return result.success ? result.data : null
}
const fieldsOf = (body: unknown) => (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>

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

/**
 * 修改会议's form, refused the same way: its times are judged as the meeting service judges an edit (the times sent
 * with the meeting's others, only a changed start or deadline against now), so a field and the times are said at once.
 * `meeting` is the meeting as it is, read only for a form already refused; one that cannot be read (not hers, gone)
 * leaves the refusal as the schema said it.
 */
export async function readMeetingEditForm<T>(
  parse: () => T,
  body: unknown,
  meeting: () => Promise<Pick<MeetingRecord, 'startAt' | 'endAt' | 'rsvpDeadline'>>,
  now: Date,
): Promise<T> {
  try {
    return parse()
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err
    const times = sentTimes(body)
    // No time sent, or one malformed (refused already): nothing to judge, and the meeting is not read.
    const current = times && Object.keys(times).length ? await meeting().catch(() => null) : null
    if (!times || !current) throw err
    const { next, startChanged, deadlineChanged, touched } = editedSchedule(current, times)
    const problems = touched ? scheduleProblems(next, now, startChanged, deadlineChanged) : []
    throw new ValidationError(err.message, [...err.details, ...unsaid(problems, err.details)], err.code)
  }
}

/** The times a form sends, each well-formed or absent (`null` a deadline taken away); null when one sent is malformed (already refused). */
function sentTimes(body: unknown): { startAt?: Date; endAt?: Date; rsvpDeadline?: Date | null } | null {
  const raw = fieldsOf(body)
  const times: { startAt?: Date; endAt?: Date; rsvpDeadline?: Date | null } = {}
  for (const key of ['startAt', 'endAt', 'rsvpDeadline'] as const) {
    if (raw[key] === undefined) continue
    if (key === 'rsvpDeadline' && raw[key] === null) times.rsvpDeadline = null
    else {
      const at = read(raw[key])
      if (!at) return null
      times[key] = at
    }
  }
  return times
}

/** The service's time rules over the times as sent, when both are well-formed; a field already refused is not said twice. */
function scheduleDetails(body: unknown, now: Date, said: ErrorDetail[]): ErrorDetail[] {
  const raw = fieldsOf(body)
  const [startAt, endAt] = [read(raw.startAt), read(raw.endAt)]
  if (!startAt || !endAt) return []
  const rsvpDeadline = raw.rsvpDeadline === undefined || raw.rsvpDeadline === null ? null : read(raw.rsvpDeadline)
  return unsaid(scheduleProblems({ startAt, endAt, rsvpDeadline }, now), said)
}

const unsaid = (problems: ReturnType<typeof scheduleProblems>, said: ErrorDetail[]): ErrorDetail[] => {
  const refused = new Set(said.map((d) => d.path))
  return problems.map((p) => ({ path: `body.${p.path}`, message: p.message })).filter((d) => !refused.has(d.path))
}
