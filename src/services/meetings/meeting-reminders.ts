import type { Clock } from '../../clock.js'
import { remindable } from '../../domain/meeting.js'
import { dueReminder, rsvpClosesAt, rsvpOpen } from '../../domain/meeting-timing.js'
import { quietHold, type QuietPolicy } from '../../domain/quiet-hours.js'
import { reminderMoment } from '../../domain/reminder-moments.js'
import { ConflictError } from '../../errors.js'
import type { Store } from '../../store/ports.js'
import { meetingMessage, noticeTexts } from './meeting-notices.js'

const HOUR = 3_600_000
/** An evening reminder is at most this far ahead of its meeting (from 20:00 to the next noon, for quiet hours 21:00–08:00 and more). */
const EVENING_LOOKAHEAD_HOURS = 24

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
    // An early meeting's reminder is due the evening before (reminder-moments.ts): its start lies further ahead then than
    // the longest lead when that lead is short (a 2 h reminder at 20:00 for 07:30), so the evening's span is looked at too.
    const quiet = quietHours ? { hours: quietHours, timeZone } : undefined
    const ahead = Math.max(longest, quiet ? EVENING_LOOKAHEAD_HOURS : 0)
    const meetings = await this.store.meetings.list({ statuses: ['published'], startFrom: now, startTo: new Date(now.getTime() + ahead * HOUR + 1) })
    let reminded = 0
    for (const m of meetings) {
      const due = dueReminder(m, now, reminderHours, quiet)
      if (!due) continue
      const people = remindable(await this.store.meetings.invitees([m.id]))
      const texts = noticeTexts(m, timeZone, now)
      // Brought forward to before quiet hours (an early meeting, or a late one): its words say why it comes now.
      const evening = reminderMoment(m.startAt, due.lead, quiet).evening
      const change = `remind:${due.lead}h:${m.startAt.toISOString()}`
      // Each by what they answered: "请准时参加" to who said they would come; one who never answered is asked to.
      const messages = people.map((i) =>
        meetingMessage(
          m,
          'meeting.reminder',
          { kind: i.personKind, id: i.personId },
          texts.reminder(now, i, rsvpClosesAt(m, i), rsvpOpen(m, i, now), evening),
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
