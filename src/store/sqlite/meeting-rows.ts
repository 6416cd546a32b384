import type { InviteeWithdrawal, MeetingInvitee, MeetingRecord, PublicRegistration } from '../../domain/meeting.js'
import { staffEntryFromStored, type StaffEntry } from '../../domain/meeting-staff-entry.js'

// better-sqlite3 rows are untyped; these mappers are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const date = (v: string | null) => (v === null ? null : new Date(v))
const iso = (d: Date | null) => (d === null ? null : d.toISOString())

export const MEETING_COLUMNS = [
  'id',
  'short_code',
  'title',
  'kind',
  'status',
  'start_at',
  'end_at',
  'place',
  'agenda',
  'attachments',
  'selector',
  'public_seats',
  'rsvp_deadline',
  'district_ids',
  'created_by',
  'created_at',
  'updated_at',
  'published_at',
  'cancelled_at',
  'cancel_reason',
  'change_seq',
  'reminders_sent',
  'nudge_rounds',
  'version',
  'last_reminded_at',
  'last_nudged_at',
  'audience_district_ids',
  'contact_name',
  'contact_phone',
  'organizer',
] as const

export function meetingToRow(m: MeetingRecord): Record<(typeof MEETING_COLUMNS)[number], unknown> {
  return {
    id: m.id,
    short_code: m.shortCode,
    title: m.title,
    kind: m.kind,
    status: m.status,
    start_at: iso(m.startAt),
    end_at: iso(m.endAt),
    place: m.place,
    agenda: m.agenda,
    attachments: JSON.stringify(m.attachments),
    selector: JSON.stringify(m.selector),
    public_seats: m.publicSeats,
    rsvp_deadline: iso(m.rsvpDeadline),
    district_ids: JSON.stringify(m.districtIds),
    created_by: m.createdBy,
    created_at: iso(m.createdAt),
    updated_at: iso(m.updatedAt),
    published_at: iso(m.publishedAt),
    cancelled_at: iso(m.cancelledAt),
    cancel_reason: m.cancelReason,
    change_seq: m.changeSeq,
    reminders_sent: JSON.stringify(m.remindersSent),
    nudge_rounds: m.nudgeRounds,
    version: m.version,
    last_reminded_at: iso(m.lastRemindedAt),
    last_nudged_at: iso(m.lastNudgedAt),
    audience_district_ids: JSON.stringify(m.audienceDistrictIds),
    contact_name: m.contactName,
    contact_phone: m.contactPhone,
    organizer: m.organizer,
  }
}

export const meetingFromRow = (r: Row): MeetingRecord => ({
  id: r.id,
  shortCode: r.short_code,
  title: r.title,
  kind: r.kind,
  status: r.status,
  startAt: new Date(r.start_at),
  endAt: new Date(r.end_at),
  place: r.place,
  agenda: r.agenda,
  attachments: JSON.parse(r.attachments),
  selector: JSON.parse(r.selector),
  publicSeats: r.public_seats,
  rsvpDeadline: date(r.rsvp_deadline),
  districtIds: JSON.parse(r.district_ids),
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  publishedAt: date(r.published_at),
  cancelledAt: date(r.cancelled_at),
  cancelReason: r.cancel_reason,
  changeSeq: r.change_seq,
  remindersSent: JSON.parse(r.reminders_sent),
  nudgeRounds: r.nudge_rounds,
  version: r.version,
  lastRemindedAt: date(r.last_reminded_at ?? null),
  lastNudgedAt: date(r.last_nudged_at ?? null),
  audienceDistrictIds: JSON.parse(r.audience_district_ids ?? '[]'),
  contactName: r.contact_name ?? null,
  contactPhone: r.contact_phone ?? null,
  organizer: r.organizer ?? null,
})

export const inviteeFromRow = (r: Row): MeetingInvitee => ({
  meetingId: r.meeting_id,
  personKind: r.person_kind,
  personId: r.person_id,
  name: r.name,
  rsvp: r.rsvp,
  reason: r.reason,
  rsvpAt: date(r.rsvp_at),
  checkedInAt: date(r.checked_in_at),
  invitedAt: date(r.invited_at ?? null),
  staffEntry: staffEntryFromJson(r.staff_entry ?? null),
  // Only when marked, as the mongo adapter: an invitee never withdrawn reads as before the mark existed.
  ...(r.withdrawn ? { withdrawn: withdrawalFromJson(r.withdrawn) } : {}),
})

/** No longer expected at the meeting, as one JSON column (meeting_invitees.withdrawn). */
export const withdrawalToJson = (w: InviteeWithdrawal | null): string | null =>
  w ? JSON.stringify({ reason: w.reason, at: w.at.toISOString(), to: w.to }) : null

function withdrawalFromJson(text: string): InviteeWithdrawal {
  const w = JSON.parse(text) as { reason: InviteeWithdrawal['reason']; at: string; to: string | null }
  return { reason: w.reason, at: new Date(w.at), to: w.to ?? null }
}

/** The staff entry as one JSON column, its fields written in one order (the store compares entries by their time). */
export const staffEntryToJson = (e: StaffEntry | null | undefined): string | null =>
  e
    ? JSON.stringify({
        kind: e.kind,
        note: e.note,
        staffId: e.staffId,
        staffName: e.staffName,
        at: e.at.toISOString(),
        before: e.before && { rsvp: e.before.rsvp, reason: e.before.reason, rsvpAt: e.before.rsvpAt?.toISOString() ?? null },
      })
    : null

function staffEntryFromJson(text: string | null): StaffEntry | null {
  return text ? staffEntryFromStored(JSON.parse(text)) : null
}

export const registrationFromRow = (r: Row): PublicRegistration => ({
  meetingId: r.meeting_id,
  mpUserId: r.mp_user_id,
  name: r.name,
  createdAt: new Date(r.created_at),
})
