import type { Db } from './open.js'
import type { MeetingInvitee, MeetingRecord, MeetingStatus, PersonRef } from '../../domain/meeting.js'
import type { InviteeMark, MeetingFilter, MeetingRepo, OutboxMessage } from '../ports.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { inviteeFromRow, MEETING_COLUMNS, meetingFromRow, meetingToRow, registrationFromRow, staffEntryToJson, withdrawalToJson } from './meeting-rows.js'
import { translate } from './errors.js'
import type { GroupCommit } from './group-commit.js'
import { placeholders } from './sql.js'
import { outboxWriter } from './outbox-writer.js'
import { StoreConflict } from '../conflicts.js'
import { limitSql } from './sql-limit.js'

function filterClauses(f: MeetingFilter) {
  const clauses: string[] = []
  const params: unknown[] = []
  if (f.visibleTo) {
    const ids = f.visibleTo.districtIds
    const any = (column: string) => `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value IN (${placeholders(ids.length)}))`
    clauses.push(ids.length ? `(${any('district_ids')} OR ${any('audience_district_ids')})` : '0')
    params.push(...ids, ...ids)
  }
  if (f.statuses) {
    clauses.push(f.statuses.length ? `status IN (${placeholders(f.statuses.length)})` : '0')
    params.push(...f.statuses)
  }
  // With a span of reply deadlines, the deadline's index (069) bounds the read: few meetings are answered by within a
  // week. The start then only filters: its unary + keeps SQLite from walking every meeting ahead by the start index.
  const start = f.rsvpDeadlineFrom || f.rsvpDeadlineTo ? '+start_at' : 'start_at'
  if (f.startFrom) clauses.push(`${start} >= ?`) && params.push(f.startFrom.toISOString())
  if (f.startTo) clauses.push(`${start} < ?`) && params.push(f.startTo.toISOString())
  // A NULL rsvp_deadline compares as neither: a meeting with no deadline is never among those due in a span.
  if (f.rsvpDeadlineFrom) clauses.push('rsvp_deadline >= ?') && params.push(f.rsvpDeadlineFrom.toISOString())
  if (f.rsvpDeadlineTo) clauses.push('rsvp_deadline < ?') && params.push(f.rsvpDeadlineTo.toISOString())
  return { clauses, params }
}

const where = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '')

export function meetingRepo(db: Db, group: GroupCommit): MeetingRepo {
  const insertMeeting = db.prepare(`INSERT INTO meetings (${MEETING_COLUMNS.join(', ')}) VALUES (${MEETING_COLUMNS.map((c) => `@${c}`).join(', ')})`)
  const updateMeeting = db.prepare(
    `UPDATE meetings SET ${MEETING_COLUMNS.filter((c) => c !== 'id' && c !== 'version')
      .map((c) => `${c} = @${c}`)
      .join(', ')},
     version = version + 1 WHERE id = @id AND version = @version`,
  )
  const insertInvitee =
    db.prepare(`INSERT INTO meeting_invitees (meeting_id, person_kind, person_id, seq, name, rsvp, reason, rsvp_at, checked_in_at, invited_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const writeOutbox = outboxWriter(db)
  const byId = db.prepare('SELECT * FROM meetings WHERE id = ?')
  const invitationOf = db.prepare('SELECT * FROM meeting_invitees WHERE meeting_id = ? AND person_kind = ? AND person_id = ?')
  const restoreInvitee = db.prepare(
    'UPDATE meeting_invitees SET withdrawn = NULL, invited_at = coalesce(?, invited_at) WHERE meeting_id = ? AND person_kind = ? AND person_id = ?',
  )

  const update = db.transaction((record: MeetingRecord, outbox: OutboxMessage[], invitees?: MeetingInvitee[]) => {
    if (updateMeeting.run(meetingToRow(record)).changes === 0) {
      if (!byId.get(record.id)) throw new NotFoundError('会议不存在')
      throw new StoreConflict('stale_meeting')
    }
    if (invitees) {
      db.prepare('DELETE FROM meeting_invitees WHERE meeting_id = ?').run(record.id)
      invitees.forEach((i, seq) =>
        insertInvitee.run(
          record.id,
          i.personKind,
          i.personId,
          seq,
          i.name,
          i.rsvp,
          i.reason,
          i.rsvpAt?.toISOString() ?? null,
          i.checkedInAt?.toISOString() ?? null,
          i.invitedAt?.toISOString() ?? null,
        ),
      )
    }
    writeOutbox(outbox)
    return { ...record, version: record.version + 1 }
  })

  const addInvitees = db.transaction((record: MeetingRecord, invitees: MeetingInvitee[], outbox: OutboxMessage[]) => {
    const stored = update(record, [], undefined)
    let seq = (db.prepare('SELECT coalesce(max(seq), -1) FROM meeting_invitees WHERE meeting_id = ?').pluck().get(record.id) as number) + 1
    const added: MeetingInvitee[] = []
    const restored: MeetingInvitee[] = []
    for (const i of invitees) {
      const present = invitationOf.get(record.id, i.personKind, i.personId) as { withdrawn: string | null } | undefined
      if (present?.withdrawn) {
        // Marked no longer expected (moved away): named again, he is expected again from now, his answer kept.
        restoreInvitee.run(i.invitedAt?.toISOString() ?? null, record.id, i.personKind, i.personId)
        restored.push(inviteeFromRow(invitationOf.get(record.id, i.personKind, i.personId)))
      }
      if (present) continue
      insertInvitee.run(
        record.id,
        i.personKind,
        i.personId,
        seq++,
        i.name,
        i.rsvp,
        i.reason,
        i.rsvpAt?.toISOString() ?? null,
        i.checkedInAt?.toISOString() ?? null,
        i.invitedAt?.toISOString() ?? null,
      )
      added.push({ ...i, meetingId: record.id })
    }
    const addedKeys = new Set([...added, ...restored].map((i) => `${i.personKind}:${i.personId}`))
    // Only the people new to the meeting, or expected again, hear of it now.
    writeOutbox(outbox.filter((x) => addedKeys.has(`${x.recipientKind}:${x.recipientId}`)))
    return { meeting: stored, added, restored }
  })

  const markInvitee = db.prepare('UPDATE meeting_invitees SET withdrawn = ? WHERE meeting_id = ? AND person_kind = ? AND person_id = ?')
  // The mark as read, by its time (NULL: none), as rewriteInvitee compares the staff entry.
  const markInviteeIf = db.prepare(
    `UPDATE meeting_invitees SET withdrawn = ? WHERE meeting_id = ? AND person_kind = ? AND person_id = ? AND json_extract(withdrawn, '$.at') IS ?`,
  )
  const invitedAgain = db.prepare('UPDATE meeting_invitees SET invited_at = ? WHERE meeting_id = ? AND person_kind = ? AND person_id = ?')
  const withdrawInvitees = db.transaction((marks: InviteeMark[]) =>
    marks.filter((x) => {
      const args = [withdrawalToJson(x.withdrawn), x.meetingId, x.person.kind, x.person.id] as const
      const written = (x.was === undefined ? markInvitee.run(...args) : markInviteeIf.run(...args, x.was?.at.toISOString() ?? null)).changes === 1
      // Told anew with the mark cleared: invited from now, his notice in the same transaction (never without the mark).
      if (written && x.tell && !x.withdrawn) {
        invitedAgain.run(x.tell.at.toISOString(), x.meetingId, x.person.kind, x.person.id)
        writeOutbox(x.tell.messages)
      }
      return written
    }),
  )

  const registerPublic = db.transaction((meetingId: string, mpUserId: string, name: string, at: string, seats: number) => {
    const taken = db.prepare('SELECT count(*) FROM meeting_public_registrations WHERE meeting_id = ?').pluck().get(meetingId) as number
    const mine = db.prepare('SELECT 1 FROM meeting_public_registrations WHERE meeting_id = ? AND mp_user_id = ?').get(meetingId, mpUserId)
    if (mine) throw new StoreConflict('already_registered')
    if (taken >= seats) throw new StoreConflict('public_seats_full')
    db.prepare('INSERT INTO meeting_public_registrations (meeting_id, mp_user_id, name, created_at) VALUES (?, ?, ?, ?)').run(meetingId, mpUserId, name, at)
  })

  /** A person's (or people's) invitations with their meetings, by the conditions on the invitee row `i`. */
  const invitationsWhere = (who: string[], whoParams: unknown[], filter: { statuses: MeetingStatus[]; endFrom?: Date }) => {
    const params: unknown[] = [...whoParams, ...filter.statuses]
    const clauses = [...who, filter.statuses.length ? `m.status IN (${placeholders(filter.statuses.length)})` : '0']
    if (filter.endFrom) clauses.push('m.end_at >= ?') && params.push(filter.endFrom.toISOString())
    const rows = db
      .prepare(
        `SELECT m.*, i.meeting_id AS i_meeting_id, i.person_kind AS i_person_kind, i.person_id AS i_person_id, i.name AS i_name,
        i.rsvp AS i_rsvp, i.reason AS i_reason, i.rsvp_at AS i_rsvp_at, i.checked_in_at AS i_checked_in_at, i.invited_at AS i_invited_at, i.staff_entry AS i_staff_entry, i.withdrawn AS i_withdrawn
        FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id WHERE ${clauses.join(' AND ')} ORDER BY m.start_at, m.id, i.seq`,
      )
      .all(...params) as Array<Record<string, unknown>>
    return rows.map((r) => ({
      meeting: meetingFromRow(r),
      invitation: inviteeFromRow({
        meeting_id: r.i_meeting_id,
        person_kind: r.i_person_kind,
        person_id: r.i_person_id,
        name: r.i_name,
        rsvp: r.i_rsvp,
        reason: r.i_reason,
        rsvp_at: r.i_rsvp_at,
        checked_in_at: r.i_checked_in_at,
        invited_at: r.i_invited_at,
        staff_entry: r.i_staff_entry,
        withdrawn: r.i_withdrawn,
      }),
    }))
  }

  const one = (sql: string, ...params: unknown[]) => {
    const row = db.prepare(sql).get(...params)
    return row ? meetingFromRow(row) : null
  }

  return {
    create(record) {
      return group.run(() =>
        translate(() => {
          insertMeeting.run(meetingToRow(record))
          return record
        }),
      )
    },
    async get(id) {
      return one('SELECT * FROM meetings WHERE id = ?', id)
    },
    async getByShortCode(shortCode) {
      return one('SELECT * FROM meetings WHERE short_code = ?', shortCode)
    },
    update(record, outbox, invitees) {
      return group.run(() => translate(() => update(record, outbox, invitees)))
    },
    addInvitees(record, invitees, outbox) {
      return group.run(() => translate(() => addInvitees(record, invitees, outbox)))
    },
    async search(query) {
      const { clauses, params } = filterClauses(query)
      const after = decodeTimeCursor(query.cursor)
      if (after !== null) {
        clauses.push('(start_at < ? OR (start_at = ? AND id < ?))')
        params.push(after.key, after.key, after.id)
      }
      const rows = db
        .prepare(`SELECT * FROM meetings ${where(clauses)} ORDER BY start_at DESC, id DESC ${limitSql(query.limit + 1)}`)
        .all(...params)
        .map(meetingFromRow)
      return toPage(rows, query.limit, (m) => timeCursorKey(m.startAt, m.id))
    },
    async list(filter) {
      const { clauses, params } = filterClauses(filter)
      return db
        .prepare(`SELECT * FROM meetings ${where(clauses)} ORDER BY start_at, id`)
        .all(...params)
        .map(meetingFromRow)
    },
    async invitees(meetingIds) {
      if (!meetingIds.length) return []
      return db
        .prepare(`SELECT * FROM meeting_invitees WHERE meeting_id IN (${placeholders(meetingIds.length)}) ORDER BY meeting_id, seq`)
        .all(...meetingIds)
        .map(inviteeFromRow)
    },
    async invitation(meetingId, person: PersonRef) {
      const row = invitationOf.get(meetingId, person.kind, person.id)
      return row ? inviteeFromRow(row) : null
    },
    async invitationsOf(person, filter) {
      return invitationsWhere(['i.person_kind = ?', 'i.person_id = ?'], [person.kind, person.id], filter)
    },
    async invitationsOfMany(people, filter) {
      if (!people.length) return []
      // One JSON parameter per kind however many people (an import may move thousands), each through the person index.
      const kinds = [...new Set(people.map((p) => p.kind))]
      const ids = kinds.map((k) => JSON.stringify(people.filter((p) => p.kind === k).map((p) => p.id)))
      const who = kinds.map(() => '(i.person_kind = ? AND i.person_id IN (SELECT value FROM json_each(?)))').join(' OR ')
      return invitationsWhere(
        [`(${who})`],
        kinds.flatMap((k, n) => [k, ids[n]]),
        filter,
      )
    },
    async respond(meetingId, person, answer) {
      const changed = await group.run(
        () =>
          db
            // Their own answer is the latest word: a leave staff recorded for them gives way (its undo would bring back a stale answer).
            .prepare(
              `UPDATE meeting_invitees SET rsvp = ?, reason = ?, rsvp_at = ?,
              staff_entry = CASE WHEN json_extract(staff_entry, '$.kind') = 'leave' THEN NULL ELSE staff_entry END
              WHERE meeting_id = ? AND person_kind = ? AND person_id = ?`,
            )
            .run(answer.rsvp, answer.reason, answer.at.toISOString(), meetingId, person.kind, person.id).changes,
      )
      if (!changed) return null
      return inviteeFromRow(invitationOf.get(meetingId, person.kind, person.id))
    },
    async checkIn(meetingId, person, at) {
      // The withdrawal mark is checked in the write itself: a move landing after the service read him is not signed in.
      const changed = await group.run(() => {
        const done = db
          .prepare(
            'UPDATE meeting_invitees SET checked_in_at = ? WHERE meeting_id = ? AND person_kind = ? AND person_id = ? AND checked_in_at IS NULL AND withdrawn IS NULL',
          )
          .run(at.toISOString(), meetingId, person.kind, person.id).changes
        if (done) return done
        const row = invitationOf.get(meetingId, person.kind, person.id) as { withdrawn: string | null; checked_in_at: string | null } | undefined
        if (row?.withdrawn && !row.checked_in_at) throw new StoreConflict('no_longer_invited')
        return 0
      })
      return changed === 1
    },
    async withdrawInvitees(marks) {
      if (!marks.length) return []
      return group.run(() => withdrawInvitees(marks))
    },
    async rewriteInvitee(before, after, outbox = []) {
      const iso = (d: Date | null | undefined) => d?.toISOString() ?? null
      // A new staff entry (补签, 代请假) is written only while he is not marked 已离任 / 已调到…, judged in the write itself:
      // a move landing after the service read him is not recorded over. Undoing an entry is not held to it.
      const entering = after.staffEntry && !before.staffEntry ? 1 : 0
      const changed = await group.run(() => {
        const done = db
          .prepare(
            `UPDATE meeting_invitees SET rsvp = ?, reason = ?, rsvp_at = ?, checked_in_at = ?, staff_entry = ?
              WHERE meeting_id = ? AND person_kind = ? AND person_id = ?
              AND rsvp = ? AND rsvp_at IS ? AND checked_in_at IS ? AND json_extract(staff_entry, '$.at') IS ? AND (? = 0 OR withdrawn IS NULL)`,
          )
          .run(
            after.rsvp,
            after.reason,
            iso(after.rsvpAt),
            iso(after.checkedInAt),
            staffEntryToJson(after.staffEntry),
            before.meetingId,
            before.personKind,
            before.personId,
            before.rsvp,
            iso(before.rsvpAt),
            iso(before.checkedInAt),
            iso(before.staffEntry?.at),
            entering,
          ).changes
        // His notice of the entry, in the same transaction: only with the entry itself.
        if (done) writeOutbox(outbox)
        if (done || !entering) return done
        const row = invitationOf.get(before.meetingId, before.personKind, before.personId) as { withdrawn: string | null } | undefined
        if (row?.withdrawn) throw new StoreConflict('no_longer_invited')
        return 0
      })
      return changed === 1
    },
    async registerPublic(registration, seats) {
      await group.run(() =>
        translate(() => registerPublic(registration.meetingId, registration.mpUserId, registration.name, registration.createdAt.toISOString(), seats)),
      )
      return registration
    },
    async cancelPublic(meetingId, mpUserId) {
      // Seats are counted from these rows (registerPublic): the row gone is the place free.
      const drop = () => db.prepare('DELETE FROM meeting_public_registrations WHERE meeting_id = ? AND mp_user_id = ?').run(meetingId, mpUserId).changes
      return (await group.run(drop)) === 1
    },
    async publicRegistrations(meetingId) {
      return db
        .prepare('SELECT * FROM meeting_public_registrations WHERE meeting_id = ? ORDER BY created_at, mp_user_id')
        .all(meetingId)
        .map(registrationFromRow)
    },
    async registrationsOf(mpUserId, filter) {
      const params: unknown[] = [mpUserId]
      const ending = filter.endFrom ? 'AND m.end_at >= ?' : ''
      if (filter.endFrom) params.push(filter.endFrom.toISOString())
      const rows = db
        .prepare(
          `SELECT m.*, r.meeting_id AS r_meeting_id, r.mp_user_id AS r_mp_user_id, r.name AS r_name, r.created_at AS r_created_at
          FROM meeting_public_registrations r JOIN meetings m ON m.id = r.meeting_id
          WHERE r.mp_user_id = ? ${ending} ORDER BY m.start_at, m.id`,
        )
        .all(...params) as Array<Record<string, unknown>>
      return rows.map((r) => ({
        meeting: meetingFromRow(r),
        registration: registrationFromRow({ meeting_id: r.r_meeting_id, mp_user_id: r.r_mp_user_id, name: r.r_name, created_at: r.r_created_at }),
      }))
    },
  }
}
