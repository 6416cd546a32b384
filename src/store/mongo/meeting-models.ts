import { Schema, type Connection, type Model } from 'mongoose'
import { STAFF_ENTRY_KINDS } from '../../domain/meeting-staff-entry.js'
import {
  MEETING_KINDS,
  MEETING_STATUSES,
  RSVP_ANSWERS,
  WITHDRAWAL_REASONS,
  type MeetingInvitee,
  type MeetingRecord,
  type PublicRegistration,
} from '../../domain/meeting.js'

/**
 * Meetings, their invitees and public-attendance places: the mongo side of sqlite's
 * 006_meetings.sql. A meeting keeps its own string id as `_id`, as cases do.
 */

/** `publicTaken` counts public places handed out: the one field their cap is checked and bumped on. */
export type MeetingDoc = Omit<MeetingRecord, 'id'> & { _id: string; publicTaken?: number }
/** `seq` keeps the order of invitation. */
export type MeetingInviteeDoc = MeetingInvitee & { seq: number }
export type PublicRegistrationDoc = PublicRegistration

export interface MeetingModels {
  Meeting: Model<MeetingDoc>
  MeetingInvitee: Model<MeetingInviteeDoc>
  PublicRegistration: Model<PublicRegistrationDoc>
}

// The conventions of models.ts: no `required` validators, no version key (meetings carry
// their own `version`), no `id` virtual.
const options = { versionKey: false, id: false } as const
const nullableString = { type: String, default: null }
const nullableDate = { type: Date, default: null }

/** sqlite's staff_entry JSON column (domain/meeting-staff-entry.ts), typed so its times are dates. */
function staffEntrySchema() {
  const sub = { _id: false, id: false } as const
  const before = new Schema({ rsvp: { type: String, enum: [...RSVP_ANSWERS] }, reason: nullableString, rsvpAt: nullableDate }, sub)
  return new Schema(
    {
      kind: { type: String, enum: [...STAFF_ENTRY_KINDS] },
      note: String,
      staffId: String,
      staffName: String,
      at: Date,
      before: { type: before, default: null },
    },
    sub,
  )
}

function meetingSchema() {
  const schema = new Schema<MeetingDoc>(
    {
      _id: String,
      shortCode: String,
      title: String,
      kind: { type: String, enum: [...MEETING_KINDS] },
      status: { type: String, enum: [...MEETING_STATUSES] },
      startAt: Date,
      endAt: Date,
      place: String,
      agenda: String,
      attachments: { type: [new Schema({ name: String, url: String }, { _id: false, id: false })], default: () => [] },
      selector: { type: Schema.Types.Mixed, default: () => ({}) },
      publicSeats: { type: Number, default: 0 },
      publicTaken: { type: Number, default: 0 },
      rsvpDeadline: nullableDate,
      districtIds: { type: [String], default: () => [] as string[] },
      createdBy: String,
      createdAt: Date,
      updatedAt: Date,
      publishedAt: nullableDate,
      cancelledAt: nullableDate,
      cancelReason: nullableString,
      changeSeq: { type: Number, default: 0 },
      remindersSent: { type: [Number], default: () => [] as number[] },
      nudgeRounds: { type: Number, default: 0 },
      lastRemindedAt: nullableDate,
      lastNudgedAt: nullableDate,
      audienceDistrictIds: { type: [String], default: () => [] as string[] },
      contactName: nullableString,
      contactPhone: nullableString,
      organizer: nullableString,
      version: Number,
    },
    // minimize: false keeps an empty selector object instead of dropping the field.
    { ...options, minimize: false },
  )
  schema.index({ shortCode: 1 }, { unique: true })
  schema.index({ status: 1, startAt: 1 })
  // The digest's answers due this week for meetings further off (sqlite 069).
  schema.index({ status: 1, rsvpDeadline: 1 })
  schema.index({ startAt: -1, _id: -1 })
  schema.index({ districtIds: 1 })
  schema.index({ audienceDistrictIds: 1 })
  schema.index({ createdBy: 1 })
  return schema
}

function inviteeSchema() {
  const schema = new Schema<MeetingInviteeDoc>(
    {
      meetingId: String,
      personKind: { type: String, enum: ['deputy', 'staff'] },
      personId: String,
      seq: Number,
      name: String,
      rsvp: { type: String, enum: [...RSVP_ANSWERS], default: 'pending' },
      reason: nullableString,
      rsvpAt: nullableDate,
      checkedInAt: nullableDate,
      invitedAt: nullableDate,
      staffEntry: { type: staffEntrySchema(), default: null },
      // No longer expected (left office, moved away before it); absent or null while invited.
      withdrawn: {
        type: new Schema({ reason: { type: String, enum: [...WITHDRAWAL_REASONS] }, at: Date, to: nullableString }, { _id: false, id: false }),
        default: undefined,
      },
    },
    options,
  )
  schema.index({ meetingId: 1, personKind: 1, personId: 1 }, { unique: true })
  schema.index({ meetingId: 1, seq: 1 })
  schema.index({ personKind: 1, personId: 1 })
  return schema
}

function registrationSchema() {
  const schema = new Schema<PublicRegistrationDoc>({ meetingId: String, mpUserId: String, name: String, createdAt: Date }, options)
  schema.index({ meetingId: 1, mpUserId: 1 }, { unique: true })
  // A person's registrations, for their copy and their erasure (sqlite's 048).
  schema.index({ mpUserId: 1 })
  return schema
}

export function defineMeetingModels(conn: Connection): MeetingModels {
  return {
    Meeting: conn.model<MeetingDoc>('Meeting', meetingSchema(), 'meetings'),
    MeetingInvitee: conn.model<MeetingInviteeDoc>('MeetingInvitee', inviteeSchema(), 'meeting_invitees'),
    PublicRegistration: conn.model<PublicRegistrationDoc>('PublicRegistration', registrationSchema(), 'meeting_public_registrations'),
  }
}
