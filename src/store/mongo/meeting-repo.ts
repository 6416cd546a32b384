import type { ClientSession, Connection } from 'mongoose'
import type { MeetingInvitee, MeetingRecord, PersonRef, PublicRegistration } from '../../domain/meeting.js'
import { staffEntryFromStored, type StaffEntry } from '../../domain/meeting-staff-entry.js'
import type { MeetingFilter, MeetingRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import type { MeetingDoc, MeetingInviteeDoc, PublicRegistrationDoc } from './meeting-models.js'
import type { Models } from './models.js'
import { jsonObject } from './case-records.js'
import { insertOutbox } from './outbox-repo.js'
import { translate } from './errors.js'
import { StoreConflict } from '../conflicts.js'

type Filter = Record<string, unknown>
const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))

// Every field picked by name, so no `_id`, `publicTaken` or stray field leaks out.
function meetingToDoc(m: MeetingRecord): Omit<MeetingDoc, 'publicTaken'> {
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

const meetingFromDoc = (d: MeetingDoc): MeetingRecord => ({
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

const inviteeFromDoc = (d: MeetingInviteeDoc): MeetingInvitee => ({
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

const registrationFromDoc = (d: PublicRegistrationDoc): PublicRegistration => ({
  meetingId: d.meetingId,
  mpUserId: d.mpUserId,
  name: d.name,
  createdAt: new Date(d.createdAt),
})

/** The filters of search and list: sqlite's filterClauses, one clause each. */
function filterOf(f: MeetingFilter): Filter {
  const clauses: Filter[] = []
  if (f.visibleTo) {
    const ids = f.visibleTo.districtIds
    clauses.push({ $or: [{ districtIds: { $in: ids } }, { audienceDistrictIds: { $in: ids } }] })
  }
  if (f.statuses) clauses.push({ status: { $in: f.statuses } })
  if (f.startFrom) clauses.push({ startAt: { $gte: f.startFrom } })
  if (f.startTo) clauses.push({ startAt: { $lt: f.startTo } })
  return clauses.length ? { $and: clauses } : {}
}

export function meetingRepo(conn: Connection, { Meeting, MeetingInvitee, PublicRegistration, Outbox }: Models): MeetingRepo {
  const one = async (filter: Filter) => {
    const doc = await Meeting.findOne(filter).lean<MeetingDoc>()
    return doc ? meetingFromDoc(doc) : null
  }
  /** Writes the meeting if nobody changed it since it was read (its version), else says which. */
  const writeVersion = async (record: MeetingRecord, session: ClientSession) => {
    const { _id, version: _version, ...fields } = meetingToDoc(record)
    const result = await Meeting.updateOne({ _id: record.id, version: record.version }, { $set: fields, $inc: { version: 1 } }, { session })
    if (result.matchedCount === 0) {
      if (!(await Meeting.exists({ _id: record.id }).session(session))) throw new NotFoundError('会议不存在')
      throw new StoreConflict('stale_meeting')
    }
  }
  const personFilter = (meetingId: string, person: PersonRef) => ({ meetingId, personKind: person.kind, personId: person.id })

  return {
    async create(record) {
      await translate(() => Meeting.insertOne({ ...meetingToDoc(record), publicTaken: 0 }))
      return record
    },
    get: (id) => one({ _id: id }),
    getByShortCode: (shortCode) => one({ shortCode }),
    async update(record, outbox, invitees) {
      return translate(() =>
        conn.transaction(async (session) => {
          await writeVersion(record, session)
          if (invitees) {
            await MeetingInvitee.deleteMany({ meetingId: record.id }, { session })
            await MeetingInvitee.insertMany(
              invitees.map((i, seq) => ({ ...i, meetingId: record.id, seq })),
              { session },
            )
          }
          await insertOutbox(Outbox, outbox, session)
          return { ...record, version: record.version + 1 }
        }),
      )
    },
    async addInvitees(record, invitees, outbox) {
      return translate(() =>
        conn.transaction(async (session) => {
          await writeVersion(record, session)
          const present = await MeetingInvitee.find({ meetingId: record.id }, { personKind: 1, personId: 1, seq: 1 })
            .session(session)
            .lean<MeetingInviteeDoc[]>()
          const known = new Set(present.map((i) => `${i.personKind}:${i.personId}`))
          let seq = present.reduce((max, i) => Math.max(max, i.seq), -1) + 1
          // A person named twice in the call is invited once, as sqlite's row-by-row check does.
          const added: MeetingInvitee[] = []
          for (const i of invitees) {
            const key = `${i.personKind}:${i.personId}`
            if (known.has(key)) continue
            known.add(key)
            added.push({ ...i, meetingId: record.id })
          }
          if (added.length)
            await MeetingInvitee.insertMany(
              added.map((i) => ({ ...i, seq: seq++ })),
              { session },
            )
          const addedKeys = new Set(added.map((i) => `${i.personKind}:${i.personId}`))
          // Only the people new to the meeting hear of it now.
          await insertOutbox(
            Outbox,
            outbox.filter((m) => addedKeys.has(`${m.recipientKind}:${m.recipientId}`)),
            session,
          )
          return { meeting: { ...record, version: record.version + 1 }, added }
        }),
      )
    },
    async search(query) {
      const base = filterOf(query)
      const after = decodeTimeCursor(query.cursor)
      const filter = after === null ? base : { $and: [base, { $or: [{ startAt: { $lt: after.at } }, { startAt: after.at, _id: { $lt: after.id } }] }] }
      const rows = (
        await Meeting.find(filter)
          .sort({ startAt: -1, _id: -1 })
          .limit(query.limit + 1)
          .lean<MeetingDoc[]>()
      ).map(meetingFromDoc)
      return toPage(rows, query.limit, (m) => timeCursorKey(m.startAt, m.id))
    },
    async list(filter) {
      return (await Meeting.find(filterOf(filter)).sort({ startAt: 1, _id: 1 }).lean<MeetingDoc[]>()).map(meetingFromDoc)
    },
    async invitees(meetingIds) {
      if (!meetingIds.length) return []
      return (
        await MeetingInvitee.find({ meetingId: { $in: meetingIds } })
          .sort({ meetingId: 1, seq: 1 })
          .lean<MeetingInviteeDoc[]>()
      ).map(inviteeFromDoc)
    },
    async invitation(meetingId, person) {
      const doc = await MeetingInvitee.findOne(personFilter(meetingId, person)).lean<MeetingInviteeDoc>()
      return doc ? inviteeFromDoc(doc) : null
    },
    async invitationsOf(person, filter) {
      const invitations = (await MeetingInvitee.find({ personKind: person.kind, personId: person.id }).lean<MeetingInviteeDoc[]>()).map(inviteeFromDoc)
      if (!invitations.length) return []
      const byMeeting = new Map(invitations.map((i) => [i.meetingId, i]))
      const meetings = await Meeting.find({
        _id: { $in: [...byMeeting.keys()] },
        status: { $in: filter.statuses },
        ...(filter.endFrom ? { endAt: { $gte: filter.endFrom } } : {}),
      })
        .sort({ startAt: 1, _id: 1 })
        .lean<MeetingDoc[]>()
      return meetings.map((d) => ({ meeting: meetingFromDoc(d), invitation: byMeeting.get(d._id)! }))
    },
    async respond(meetingId, person, answer) {
      // Their own answer is the latest word: a leave staff recorded for them gives way, as sqlite's
      // CASE does. Two single-document writes, each atomic: the one that matches the entry's kind.
      const set = { rsvp: answer.rsvp, reason: answer.reason, rsvpAt: answer.at }
      for (let attempt = 0; attempt < 3; attempt++) {
        const onLeave = await MeetingInvitee.findOneAndUpdate(
          { ...personFilter(meetingId, person), 'staffEntry.kind': 'leave' },
          { $set: { ...set, staffEntry: null } },
          { returnDocument: 'after' },
        ).lean<MeetingInviteeDoc>()
        if (onLeave) return inviteeFromDoc(onLeave)
        const doc = await MeetingInvitee.findOneAndUpdate(
          { ...personFilter(meetingId, person), 'staffEntry.kind': { $ne: 'leave' } },
          { $set: set },
          { returnDocument: 'after' },
        ).lean<MeetingInviteeDoc>()
        if (doc) return inviteeFromDoc(doc)
        // Neither matched: not invited, or a leave was recorded between the two writes (then again).
        if (!(await MeetingInvitee.exists(personFilter(meetingId, person)))) return null
      }
      return null
    },
    async rewriteInvitee(before, after) {
      const result = await MeetingInvitee.updateOne(
        {
          ...personFilter(before.meetingId, { kind: before.personKind, id: before.personId }),
          rsvp: before.rsvp,
          rsvpAt: before.rsvpAt ?? null,
          checkedInAt: before.checkedInAt ?? null,
          'staffEntry.at': before.staffEntry?.at ?? null,
        },
        {
          $set: {
            rsvp: after.rsvp,
            reason: after.reason,
            rsvpAt: after.rsvpAt ?? null,
            checkedInAt: after.checkedInAt ?? null,
            staffEntry: staffEntryFromStored(after.staffEntry),
          },
        },
      )
      return result.modifiedCount === 1
    },
    async withdrawInvitee(meetingId, person, withdrawn) {
      const change = withdrawn ? { $set: { withdrawn: { reason: withdrawn.reason, at: withdrawn.at, to: withdrawn.to } } } : { $unset: { withdrawn: 1 } }
      const result = await MeetingInvitee.updateOne(personFilter(meetingId, person), change)
      return result.matchedCount === 1
    },
    async checkIn(meetingId, person, at) {
      const result = await MeetingInvitee.updateOne({ ...personFilter(meetingId, person), checkedInAt: null }, { $set: { checkedInAt: at } })
      return result.modifiedCount === 1
    },
    async registerPublic(registration, seats) {
      // The counter on the meeting is what two concurrent registrations both write: one of
      // them waits or retries, so the cap holds (counting documents alone would not).
      await translate(() =>
        conn.transaction(async (session) => {
          if (await PublicRegistration.exists({ meetingId: registration.meetingId, mpUserId: registration.mpUserId }).session(session)) {
            throw new StoreConflict('already_registered')
          }
          const taken = await Meeting.updateOne({ _id: registration.meetingId, publicTaken: { $lt: seats } }, { $inc: { publicTaken: 1 } }, { session })
          if (taken.matchedCount === 0) throw new StoreConflict('public_seats_full')
          await PublicRegistration.insertOne({ ...registration }, { session })
        }),
      )
      return registration
    },
    async publicRegistrations(meetingId) {
      return (await PublicRegistration.find({ meetingId }).sort({ createdAt: 1, mpUserId: 1 }).lean<PublicRegistrationDoc[]>()).map(registrationFromDoc)
    },
    async registrationsOf(mpUserId, filter) {
      // The person's places by their own index (mpUserId_1), then their meetings in start order, as sqlite's join.
      const registrations = (await PublicRegistration.find({ mpUserId }).lean<PublicRegistrationDoc[]>()).map(registrationFromDoc)
      if (!registrations.length) return []
      const byMeeting = new Map(registrations.map((r) => [r.meetingId, r]))
      const meetings = await Meeting.find({ _id: { $in: [...byMeeting.keys()] }, ...(filter.endFrom ? { endAt: { $gte: filter.endFrom } } : {}) })
        .sort({ startAt: 1, _id: 1 })
        .lean<MeetingDoc[]>()
      return meetings.map((d) => ({ meeting: meetingFromDoc(d), registration: byMeeting.get(d._id)! }))
    },
  }
}
