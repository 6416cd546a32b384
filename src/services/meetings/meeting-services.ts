import type { Clock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { PiiCipher } from '../../security/pii.js'
import type { Store } from '../../store/ports.js'
import type { AuditTrail } from '../audit.js'
import type { DirectoryCache } from '../directory/directory-cache.js'
import { MeetingFiles } from './meeting-files.js'
import { MeetingInvitations } from './meeting-invitations.js'
import { MeetingReminders } from './meeting-reminders.js'
import { MeetingReports } from './meeting-reports.js'
import { MeetingStaffEntries } from './meeting-staff-entries.js'
import { MeetingService } from './meetings.js'

/** Meetings, their papers, reminders, invitations, reports and staff entries, wired to one store and clock (spread into createServices). */
export function createMeetingServices(
  store: Store,
  clock: Clock,
  audit: AuditTrail,
  directory: DirectoryCache,
  cipher: Pick<PiiCipher, 'blindIndex'>,
  settings: {
    timeZone: string
    meetings: Config['meetings']
    uploads: Config['uploads']
    quietHours: Config['outbox']['quietHours']
    /** business.officeName: what the whole installation's office is called (null: found from the directory). */
    officeName?: string | null
  },
) {
  const { timeZone, meetings: options, uploads } = settings
  // A meeting's papers, uploaded by the office: beside the residents' photos, signed like them.
  const meetingFiles = new MeetingFiles(`${uploads.dir}/meeting-files`, (text) => cipher.blindIndex(text), uploads.linkMinutes * 60, undefined, store.uploads)
  const meetings = new MeetingService(
    store,
    clock,
    {
      timeZone,
      reminderHours: options.reminderHours,
      remindCooldownMinutes: options.remindCooldownMinutes,
      officeName: settings.officeName ?? null,
      quietHours: settings.quietHours,
    },
    audit,
    directory,
    meetingFiles,
  )
  const checkIn = { timeZone, checkInOpensMinutesBefore: options.checkInOpensMinutesBefore }
  return {
    meetings,
    meetingFiles,
    meetingReminders: new MeetingReminders(store, clock, { timeZone, reminderHours: options.reminderHours, quietHours: settings.quietHours }),
    meetingInvitations: new MeetingInvitations(store, clock, checkIn),
    meetingReports: new MeetingReports(store, meetings, clock, { timeZone }, audit),
    meetingStaffEntries: new MeetingStaffEntries(store, meetings, clock, audit, checkIn),
  }
}
