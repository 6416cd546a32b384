import type { Clock } from '../clock.js'
import { dueReminder, remindable } from '../domain/meeting.js'
import { quietHold, type QuietPolicy } from '../domain/quiet-hours.js'
import { ConflictError } from '../errors.js'
import type { Logger } from '../logger.js'
import { meetingMessage, noticeTexts } from '../services/meetings/meeting-notices.js'
import type { Store } from '../store/ports.js'

export const MEETING_REMINDERS_JOB = 'meeting-reminders'
/** Every five minutes: a 2 h reminder then goes out between 2 h and 1 h 55 min before the start. */
export const MEETING_REMINDERS_SCHEDULE = '*/5 * * * *'

export interface MeetingRemindersDeps {
  store: Store
  clock: Clock
  logger: Logger
  policy: { reminderHours: number[]; timeZone: string; quietHours?: QuietPolicy }
}

const HOUR = 3_600_000

/**
 * One pass over the published meetings starting within the longest lead: each invitee who
 * has not declined gets the reminder whose time has come. Never twice: the leads sent are
 * stored on the meeting in the same transaction as the messages (checked against its
 * version), and each message's dedupe key names the meeting, the lead, the start and the person.
 */
export async function runMeetingRemindersJob({ store, clock, logger, policy }: MeetingRemindersDeps) {
  const now = clock.now()
  // A reminder written in quiet hours would be held until they end and then say a time left
  // that is no longer true ("2 小时后" at 08:00 for a 09:00 meeting): the first run after them writes it.
  if (policy.quietHours && quietHold('meeting.reminder', now, policy.quietHours, policy.timeZone)) return { reminded: 0 }
  const longest = Math.max(0, ...policy.reminderHours)
  const meetings = await store.meetings.list({ statuses: ['published'], startFrom: now, startTo: new Date(now.getTime() + longest * HOUR + 1) })
  let reminded = 0
  for (const m of meetings) {
    const due = dueReminder(m, now, policy.reminderHours)
    if (!due) continue
    const people = remindable(await store.meetings.invitees([m.id]))
    const text = noticeTexts(m, policy.timeZone).reminder(now)
    const change = `remind:${due.lead}h:${m.startAt.toISOString()}`
    const messages = people.map((i) => meetingMessage(m, 'meeting.reminder', { kind: i.personKind, id: i.personId }, text, change, now))
    try {
      await store.meetings.update({ ...m, remindersSent: [...m.remindersSent, ...due.covers], lastRemindedAt: now }, messages)
      reminded += messages.length
    } catch (err) {
      // An organizer changed the meeting meanwhile: the next run looks again at the new version.
      if (!(err instanceof ConflictError)) throw err
    }
  }
  if (reminded) logger.info({ reminded }, 'meeting reminders')
  return { reminded }
}
