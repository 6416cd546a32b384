import type { Clock } from '../../clock.js'
import { dueReminder, remindable, rsvpClosesAt, rsvpOpen } from '../../domain/meeting.js'
import { quietHold, type QuietPolicy } from '../../domain/quiet-hours.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'

const HOUR = 3_600_000

/**
 * The reminders before a published meeting ("明天上午9:00召开"): each invitee who has not
 * declined gets the one whose time has come. Never twice: the leads sent are stored on
 * the meeting in the same transaction as the messages (checked against its version), and
 * each message's dedupe key names the meeting, the lead, the start and the person.
 */
export class MeetingReminders {
  constructor(
    private readonly store: Pick<Store, 'meetings'>,
    private readonly clock: Clock,
    private readonly settings: { reminderHours: number[]; timeZone: string; quietHours?: QuietPolicy },
  ) {}

  /** One pass over the published meetings starting within the longest lead. */
  async sendDue(): Promise<{ reminded: number }> {
    const now = this.clock.now()
    const { reminderHours, timeZone, quietHours } = this.settings
    // A reminder written in quiet hours would be held until they end and then say a day that is no
    // longer true ("明天上午9:00" written at 23:00, read at 08:00 that morning): the first run after them writes it.
    if (quietHours && quietHold('meeting.reminder', now, quietHours, timeZone)) return { reminded: 0 }
    const longest = Math.max(0, ...reminderHours)
    const meetings = await this.store.meetings.list({ statuses: ['published'], startFrom: now, startTo: new Date(now.getTime() + longest * HOUR + 1) })
    let reminded = 0
    for (const m of meetings) {
      const due = dueReminder(m, now, reminderHours)
      if (!due) continue
      const people = remindable(await this.store.meetings.invitees([m.id]))
      const texts = noticeTexts(m, timeZone, now)
      const change = `remind:${due.lead}h:${m.startAt.toISOString()}`
      // Each by what they answered: "请准时参加" to who said they would come; one who never answered is asked to.
      const messages = people.map((i) =>
        meetingMessage(
          m,
          'meeting.reminder',
          { kind: i.personKind, id: i.personId },
          texts.reminder(now, i, rsvpClosesAt(m, i), rsvpOpen(m, i, now)),
          change,
          now,
        ),
      )
      try {
        await this.store.meetings.update({ ...m, remindersSent: [...m.remindersSent, ...due.covers], lastRemindedAt: now }, messages)
        reminded += messages.length
      } catch (err) {
        // An organizer changed the meeting meanwhile: the next run looks again at the new version.
        if (!(err instanceof ConflictError)) throw err
      }
    }
    return { reminded }
  }
}
