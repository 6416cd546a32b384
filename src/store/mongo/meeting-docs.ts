import type { MeetingInvitee, MeetingRecord, PublicRegistration } from '../../domain/meeting.js'
import { staffEntryFromStored } from '../../domain/meeting-staff-entry.js'
import type { MeetingFilter } from '../ports.js'
import type { MeetingDoc, MeetingInviteeDoc, PublicRegistrationDoc } from './meeting-models.js'
import { jsonObject } from './case-records.js'

// A meeting, its invitations and its public seats as the mongo adapter keeps them, and the filter of a search.

export type Filter = Record<string, unknown>
export const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))

// Every field picked by name, so no `_id`, `publicTaken` or stray field leaks out.
export function meetingToDoc(m: MeetingRecord): Omit<MeetingDoc, 'publicTaken'> {
  return {
    _id: m.id,
    shortCode: m.shortCode,
    title: m.title,
    kind: m.kind,
    status: m.status,
    startAt: m.startAt,
    endAt: m.endAt,
    place: m.place,
    agenda: m.agenda,
    attachments: m.attachments.map(({ name, url }) => ({ name, url })),
    selector: jsonObject(m.selector as Record<string, unknown>),
    publicSeats: m.publicSeats,
    rsvpDeadline: m.rsvpDeadline,
    districtIds: [...m.districtIds],
    createdBy: m.createdBy,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    publishedAt: m.publishedAt,
    cancelledAt: m.cancelledAt,
    cancelReason: m.cancelReason,
    changeSeq: m.changeSeq,
    remindersSent: [...m.remindersSent],
    nudgeRounds: m.nudgeRounds,
    version: m.version,
    lastRemindedAt: m.lastRemindedAt,
    lastNudgedAt: m.lastNudgedAt,
    audienceDistrictIds: [...m.audienceDistrictIds],
    contactName: m.contactName,
    contactPhone: m.contactPhone,
    organizer: m.organizer,
  }
}

export const meetingFromDoc = (d: MeetingDoc): MeetingRecord => ({
  id: d._id,
  shortCode: d.shortCode,
  title: d.title,
  kind: d.kind,
  status: d.status,
  startAt: new Date(d.startAt),
  endAt: new Date(d.endAt),
  place: d.place,
  agenda: d.agenda,
  attachments: (d.attachments ?? []).map(({ name, url }) => ({ name, url })),
  selector: jsonObject(d.selector as Record<string, unknown>),
  publicSeats: d.publicSeats ?? 0,
  rsvpDeadline: date(d.rsvpDeadline),
  districtIds: [...(d.districtIds ?? [])],
  createdBy: d.createdBy,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
  publishedAt: date(d.publishedAt),
  cancelledAt: date(d.cancelledAt),
  cancelReason: d.cancelReason ?? null,
  changeSeq: d.changeSeq ?? 0,
  remindersSent: [...(d.remindersSent ?? [])],
  nudgeRounds: d.nudgeRounds ?? 0,
  version: d.version,
  lastRemindedAt: date(d.lastRemindedAt),
  lastNudgedAt: date(d.lastNudgedAt),
  audienceDistrictIds: [...(d.audienceDistrictIds ?? [])],
  contactName: d.contactName ?? null,
  contactPhone: d.contactPhone ?? null,
  organizer: d.organizer ?? null,
})

export const inviteeFromDoc = (d: MeetingInviteeDoc): MeetingInvitee => ({
  meetingId: d.meetingId,
  personKind: d.personKind,
  personId: d.personId,
  name: d.name,
  rsvp: d.rsvp,
  reason: d.reason ?? null,
  rsvpAt: date(d.rsvpAt),
  checkedInAt: date(d.checkedInAt),
  invitedAt: date(d.invitedAt),
  staffEntry: staffEntryFromStored(d.staffEntry),
  // Only when marked, as sqlite's rows.
  ...(d.withdrawn ? { withdrawn: { reason: d.withdrawn.reason, at: new Date(d.withdrawn.at), to: d.withdrawn.to ?? null } } : {}),
})

export const registrationFromDoc = (d: PublicRegistrationDoc): PublicRegistration => ({
  meetingId: d.meetingId,
  mpUserId: d.mpUserId,
  name: d.name,
  createdAt: new Date(d.createdAt),
})

/** The filters of search and list: sqlite's filterClauses, one clause each. */
export function filterOf(f: MeetingFilter): Filter {
  const clauses: Filter[] = []
  if (f.visibleTo) {
    const ids = f.visibleTo.districtIds
    clauses.push({ $or: [{ districtIds: { $in: ids } }, { audienceDistrictIds: { $in: ids } }] })
  }
  if (f.statuses) clauses.push({ status: { $in: f.statuses } })
  if (f.startFrom) clauses.push({ startAt: { $gte: f.startFrom } })
  if (f.startTo) clauses.push({ startAt: { $lt: f.startTo } })
  // $gte/$lt never match null, as SQL's comparisons with NULL: a meeting with no deadline is never among those due.
  if (f.rsvpDeadlineFrom) clauses.push({ rsvpDeadline: { $gte: f.rsvpDeadlineFrom } })
  if (f.rsvpDeadlineTo) clauses.push({ rsvpDeadline: { $lt: f.rsvpDeadlineTo } })
  return clauses.length ? { $and: clauses } : {}
}
