import type { ClientSession, Connection } from 'mongoose'
import type { MeetingInvitee, MeetingRecord, MeetingStatus, PersonRef, PublicRegistration } from '../../domain/meeting.js'
import { staffEntryFromStored } from '../../domain/meeting-staff-entry.js'
import type { InviteeMark, MeetingRepo } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import type { MeetingDoc, MeetingInviteeDoc, PublicRegistrationDoc } from './meeting-models.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'
import { translate } from './errors.js'
import { StoreConflict } from '../conflicts.js'

// How a meeting, an invitation and a public seat are kept as documents is meeting-docs.ts's.
import { filterOf, inviteeFromDoc, meetingFromDoc, meetingToDoc, registrationFromDoc, type Filter } from './meeting-docs.js'

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
  // The mark as read, by its time (null also matches none), as sqlite's json_extract(withdrawn, '$.at') IS ?.
  const markFilter = (x: InviteeMark) =>
    x.was === undefined ? personFilter(x.meetingId, x.person) : { ...personFilter(x.meetingId, x.person), 'withdrawn.at': x.was?.at ?? null }
  /** The invitations matching `who`, with their meetings in these states, earliest start first (then meeting, then seq). */
  const invitationsWhere = async (who: Filter, filter: { statuses: MeetingStatus[]; endFrom?: Date }) => {
    const invitations = await MeetingInvitee.find(who).lean<MeetingInviteeDoc[]>()
    if (!invitations.length) return []
    const byMeeting = new Map<string, MeetingInviteeDoc[]>()
    for (const i of invitations) {
      const list = byMeeting.get(i.meetingId)
      if (list) list.push(i)
      else byMeeting.set(i.meetingId, [i])
    }
    const meetings = await Meeting.find({
      _id: { $in: [...byMeeting.keys()] },
      status: { $in: filter.statuses },
      ...(filter.endFrom ? { endAt: { $gte: filter.endFrom } } : {}),
    })
      .sort({ startAt: 1, _id: 1 })
      .lean<MeetingDoc[]>()
    return meetings.flatMap((d) => {
      const meeting = meetingFromDoc(d)
      return byMeeting
        .get(d._id)!
        .sort((a, b) => a.seq - b.seq)
        .map((i) => ({ meeting, invitation: inviteeFromDoc(i) }))
    })
  }

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
          const present = await MeetingInvitee.find({ meetingId: record.id }, { personKind: 1, personId: 1, seq: 1, withdrawn: 1 })
            .session(session)
            .lean<MeetingInviteeDoc[]>()
          const known = new Set(present.map((i) => `${i.personKind}:${i.personId}`))
          const marked = new Set(present.filter((i) => i.withdrawn).map((i) => `${i.personKind}:${i.personId}`))
          let seq = present.reduce((max, i) => Math.max(max, i.seq), -1) + 1
          // A person named twice in the call is invited once, as sqlite's row-by-row check does.
          const added: MeetingInvitee[] = []
          const restored: MeetingInvitee[] = []
          for (const i of invitees) {
            const key = `${i.personKind}:${i.personId}`
            if (marked.has(key)) {
              // Marked no longer expected (moved away): named again, he is expected again from now, his answer kept.
              marked.delete(key)
              const doc = await MeetingInvitee.findOneAndUpdate(
                personFilter(record.id, { kind: i.personKind, id: i.personId }),
                { $unset: { withdrawn: 1 }, ...(i.invitedAt ? { $set: { invitedAt: i.invitedAt } } : {}) },
                { session, returnDocument: 'after' },
              ).lean<MeetingInviteeDoc>()
              if (doc) restored.push(inviteeFromDoc(doc))
            }
            if (known.has(key)) continue
            known.add(key)
            added.push({ ...i, meetingId: record.id })
          }
          if (added.length)
            await MeetingInvitee.insertMany(
              added.map((i) => ({ ...i, seq: seq++ })),
              { session },
            )
          const addedKeys = new Set([...added, ...restored].map((i) => `${i.personKind}:${i.personId}`))
          // Only the people new to the meeting, or expected again, hear of it now.
          await insertOutbox(
            Outbox,
            outbox.filter((m) => addedKeys.has(`${m.recipientKind}:${m.recipientId}`)),
            session,
          )
          return { meeting: { ...record, version: record.version + 1 }, added, restored }
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
    invitationsOf: (person, filter) => invitationsWhere({ personKind: person.kind, personId: person.id }, filter),
    async invitationsOfMany(people, filter) {
      if (!people.length) return []
      // Per kind, each through the person index ({personKind, personId}), as sqlite's json_each.
      const kinds = [...new Set(people.map((p) => p.kind))]
      const who = kinds.map((k) => ({ personKind: k, personId: { $in: people.filter((p) => p.kind === k).map((p) => p.id) } }))
      return invitationsWhere(who.length === 1 ? who[0] : { $or: who }, filter)
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
    async rewriteInvitee(before, after, outbox = []) {
      // A new staff entry is written only over no 已离任 / 已调到… mark (absent or null), as sqlite's `withdrawn IS NULL`.
      const entering = !!after.staffEntry && !before.staffEntry
      const who = personFilter(before.meetingId, { kind: before.personKind, id: before.personId })
      const write = (session?: ClientSession) =>
        MeetingInvitee.updateOne(
          {
            ...who,
            rsvp: before.rsvp,
            rsvpAt: before.rsvpAt ?? null,
            checkedInAt: before.checkedInAt ?? null,
            'staffEntry.at': before.staffEntry?.at ?? null,
            ...(entering ? { withdrawn: null } : {}),
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
          { session },
        )
      // With his notice of the entry: both in one transaction, the notice only with the entry (as sqlite's).
      const written = outbox.length
        ? await conn.transaction(async (session) => {
            const done = (await write(session)).modifiedCount === 1
            if (done) await insertOutbox(Outbox, outbox, session)
            return done
          })
        : (await write()).modifiedCount === 1
      if (written) return true
      // Only to say why nothing was written: refused by the mark, or changed meanwhile (false, as before).
      if (entering && (await MeetingInvitee.findOne(who, { withdrawn: 1 }).lean<MeetingInviteeDoc>())?.withdrawn) throw new StoreConflict('no_longer_invited')
      return false
    },
    async withdrawInvitees(marks) {
      if (!marks.length) return []
      // Told anew with the mark cleared: invited from `tell.at`, in the same write as the clearing.
      const change = ({ withdrawn, tell }: InviteeMark) =>
        withdrawn
          ? { $set: { withdrawn: { reason: withdrawn.reason, at: withdrawn.at, to: withdrawn.to } } }
          : { $unset: { withdrawn: 1 }, ...(tell ? { $set: { invitedAt: tell.at } } : {}) }
      const key = (meetingId: string, kind: string, id: string) => `${meetingId}:${kind}:${id}`
      // One transaction, as sqlite's: the marks as they stand are read in it (a write meanwhile makes it retry), and
      // those still as their writer read them (`was`, by time) are written in one round trip.
      return conn.transaction(async (session) => {
        // The meetings' invitees among these people (a few more than the marks at most), through the person index.
        const kinds = [...new Set(marks.map((x) => x.person.kind))]
        const who = kinds.map((k) => ({ personKind: k, personId: { $in: [...new Set(marks.filter((x) => x.person.kind === k).map((x) => x.person.id))] } }))
        const present = await MeetingInvitee.find(
          { meetingId: { $in: [...new Set(marks.map((x) => x.meetingId))] }, ...(who.length === 1 ? who[0] : { $or: who }) },
          { meetingId: 1, personKind: 1, personId: 1, withdrawn: 1 },
        )
          .session(session)
          .lean<MeetingInviteeDoc[]>()
        const markAt = new Map(present.map((i) => [key(i.meetingId, i.personKind, i.personId), i.withdrawn?.at ? new Date(i.withdrawn.at).getTime() : null]))
        const due = marks.filter((x) => {
          const k = key(x.meetingId, x.person.kind, x.person.id)
          return markAt.has(k) && (x.was === undefined || markAt.get(k) === (x.was?.at.getTime() ?? null))
        })
        if (due.length)
          await MeetingInvitee.bulkWrite(
            due.map((x) => ({ updateOne: { filter: markFilter(x), update: change(x) } })),
            { session, ordered: true },
          )
        // Their 会议通知, in the same transaction: only for the marks written.
        await insertOutbox(
          Outbox,
          due.flatMap((x) => (x.tell && !x.withdrawn ? x.tell.messages : [])),
          session,
        )
        return due
      })
    },
    async checkIn(meetingId, person, at) {
      // The withdrawal mark is checked in the write itself (no mark: absent or null), as sqlite's `withdrawn IS NULL`.
      const result = await MeetingInvitee.updateOne({ ...personFilter(meetingId, person), checkedInAt: null, withdrawn: null }, { $set: { checkedInAt: at } })
      if (result.modifiedCount === 1) return true
      // Only to say why nothing was written: refused by the mark, or signed in already (or not invited).
      const row = await MeetingInvitee.findOne(personFilter(meetingId, person), { withdrawn: 1, checkedInAt: 1 }).lean<MeetingInviteeDoc>()
      if (row?.withdrawn && !row.checkedInAt) throw new StoreConflict('no_longer_invited')
      return false
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
    async cancelPublic(meetingId, mpUserId) {
      // The place and the counter the cap is checked on go together, or a freed seat would stay full for the next one.
      return conn.transaction(async (session) => {
        const gone = await PublicRegistration.deleteOne({ meetingId, mpUserId }, { session })
        if (gone.deletedCount !== 1) return false
        await Meeting.updateOne({ _id: meetingId, publicTaken: { $gt: 0 } }, { $inc: { publicTaken: -1 } }, { session })
        return true
      })
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
