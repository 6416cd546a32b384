import type { JobDefinition } from './job.js'

export const MEETING_REMINDERS_JOB = 'meeting-reminders'
/** Every five minutes: a 2 h reminder then goes out between 2 h and 1 h 55 min before the start. */
export const MEETING_REMINDERS_SCHEDULE = '*/5 * * * *'

/** The reminders whose time has come before published meetings. */
export const meetingRemindersJob: JobDefinition = {
  name: MEETING_REMINDERS_JOB,
  schedule: MEETING_REMINDERS_SCHEDULE,
  leaseMs: 4 * 60_000,
  async run({ services, logger }) {
    const done = await services.meetingReminders.sendDue()
    if (done.reminded) logger.info(done, 'meeting reminders')
    return done
  },
}
