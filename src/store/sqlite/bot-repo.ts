import { refuseJoinedOfficial } from '../deputy-channels.js'
import type { Db } from './open.js'
import type { BotRepo } from '../ports.js'
import { LAPSED_WORDS_MARK_MS } from '../bot-dialogue-marks.js'
import { StoreConflict } from '../conflicts.js'

export function botRepo(db: Db): BotRepo {
  return {
    async firstSighting(messageId, at, claim = null) {
      if (
        db
          .prepare('INSERT INTO bot_seen_messages (message_id, seen_at, claim) VALUES (?, ?, ?) ON CONFLICT(message_id) DO NOTHING')
          .run(messageId, at.toISOString(), claim).changes === 1
      )
        return true
      return claim !== null && db.prepare('SELECT claim FROM bot_seen_messages WHERE message_id = ?').pluck().get(messageId) === claim
    },
    async dialogue(contactId, now) {
      const row = db.prepare('SELECT state, updated_at, keep_until, unsent_words FROM bot_dialogues WHERE contact_id = ?').get(contactId) as
        { state: string; updated_at: string; keep_until: string | null; unsent_words: 'held' | 'lapsed' | null } | undefined
      if (!row) return null
      const updatedAt = new Date(row.updated_at)
      // Past the time it was kept until: gone for every reader, though the purge has not run yet; her unsent words
      // leave only the mark that they went (never the words themselves).
      const past = !!now && row.keep_until !== null && new Date(row.keep_until) < now
      if (past) return row.unsent_words === 'held' ? { state: {}, updatedAt, wordsLapsed: true } : null
      if (row.unsent_words === 'lapsed') return { state: {}, updatedAt, wordsLapsed: true }
      return { state: JSON.parse(row.state), updatedAt, wordsLapsed: false }
    },
    async saveDialogue(contactId, state, at, keepUntil = null, holdsWords = false) {
      db.prepare(
        `INSERT INTO bot_dialogues (contact_id, state, updated_at, keep_until, unsent_words) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(contact_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, keep_until = excluded.keep_until,
          unsent_words = excluded.unsent_words`,
      ).run(contactId, JSON.stringify(state), at.toISOString(), keepUntil?.toISOString() ?? null, holdsWords && keepUntil ? 'held' : null)
    },
    async clearDialogue(contactId) {
      db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(contactId)
    },
    async purgeDialogues(now, untouchedBefore) {
      return db.transaction(() => {
        // Her unsent words go; the mark that they went stays a while, for the bot to tell her (past the purge's delete).
        const emptied = db
          .prepare(`UPDATE bot_dialogues SET state = '{}', unsent_words = 'lapsed', keep_until = ? WHERE keep_until < ? AND unsent_words = 'held'`)
          .run(new Date(now.getTime() + LAPSED_WORDS_MARK_MS).toISOString(), now.toISOString()).changes
        const deleted = db
          .prepare('DELETE FROM bot_dialogues WHERE keep_until < ? OR (keep_until IS NULL AND updated_at < ?)')
          .run(now.toISOString(), untouchedBefore.toISOString()).changes
        return emptied + deleted
      })()
    },
    async bindRoom(stationId, roomId, boundBy, at, topic = null) {
      db.transaction(() => {
        db.prepare('DELETE FROM station_rooms WHERE room_id = ? OR station_id = ?').run(roomId, stationId)
        db.prepare('INSERT INTO station_rooms (station_id, room_id, bound_by, bound_at, topic) VALUES (?, ?, ?, ?, ?)').run(
          stationId,
          roomId,
          boundBy,
          at.toISOString(),
          topic,
        )
      })()
    },
    async stationOfRoom(roomId) {
      return (db.prepare('SELECT station_id FROM station_rooms WHERE room_id = ?').pluck().get(roomId) as string | undefined) ?? null
    },
    async roomOf(stationId) {
      const row = db.prepare('SELECT room_id, topic FROM station_rooms WHERE station_id = ?').get(stationId) as
        { room_id: string; topic: string | null } | undefined
      return row ? { roomId: row.room_id, topic: row.topic } : null
    },
    async moveRoom(fromRoomId, toRoomId) {
      if (fromRoomId === toRoomId) return !!db.prepare('SELECT 1 FROM station_rooms WHERE room_id = ?').get(fromRoomId)
      return db.transaction(() => {
        if (!db.prepare('SELECT 1 FROM station_rooms WHERE room_id = ?').get(fromRoomId)) return false
        if (db.prepare('SELECT 1 FROM station_rooms WHERE room_id = ?').get(toRoomId)) return false
        return db.prepare('UPDATE station_rooms SET room_id = ? WHERE room_id = ?').run(toRoomId, fromRoomId).changes === 1
      })()
    },
    async topicShared(topic, stationId) {
      return !!db.prepare('SELECT 1 FROM station_rooms WHERE topic = ? AND station_id != ?').get(topic, stationId)
    },
    async bindStaffContact(staffId, contactId, at) {
      db.transaction(() => {
        // Never a disabled account (disabled since the service looked): read here, in the write, which no disable can
        // come between (a disable lets go of the binding in its own write: staffRepo.update).
        const active = db.prepare('SELECT active FROM staff WHERE id = ?').pluck().get(staffId) as number | undefined
        if (active !== undefined && active !== 1) throw new StoreConflict('account_disabled')
        // Never a joined account's chat (a join confirmed since the service looked): read here, in the write.
        refuseJoinedOfficial(
          (db.prepare('SELECT openid, bot_contact_id AS botContactId FROM mp_users WHERE bot_contact_id = ?').get(contactId) as never) ?? null,
        )
        db.prepare('DELETE FROM staff_contacts WHERE contact_id = ? OR staff_id = ?').run(contactId, staffId)
        db.prepare('INSERT INTO staff_contacts (staff_id, contact_id, bound_at) VALUES (?, ?, ?)').run(staffId, contactId, at.toISOString())
      })()
    },
    async unbindStaffContact(staffId) {
      return db.prepare('DELETE FROM staff_contacts WHERE staff_id = ?').run(staffId).changes > 0
    },
    async staffByContact(contactId) {
      return (db.prepare('SELECT staff_id FROM staff_contacts WHERE contact_id = ?').pluck().get(contactId) as string | undefined) ?? null
    },
    async contactOfStaff(staffId) {
      return (db.prepare('SELECT contact_id FROM staff_contacts WHERE staff_id = ?').pluck().get(staffId) as string | undefined) ?? null
    },
    async contactsOfStaff(staffIds) {
      const out = new Map<string, string>()
      // In slices: SQLite caps the number of parameters of one statement.
      for (let i = 0; i < staffIds.length; i += 500) {
        const slice = staffIds.slice(i, i + 500)
        const rows = db
          .prepare(`SELECT staff_id, contact_id FROM staff_contacts WHERE staff_id IN (${slice.map(() => '?').join(', ')})`)
          .all(...slice) as Array<{ staff_id: string; contact_id: string }>
        for (const r of rows) out.set(r.staff_id, r.contact_id)
      }
      return out
    },
    async moveContact(fromContactId, toContactId) {
      if (fromContactId === toContactId) return
      db.transaction(() => {
        if (db.prepare('SELECT 1 FROM staff_contacts WHERE contact_id = ?').get(fromContactId)) {
          db.prepare('DELETE FROM staff_contacts WHERE contact_id = ?').run(toContactId)
          db.prepare('UPDATE staff_contacts SET contact_id = ? WHERE contact_id = ?').run(toContactId, fromContactId)
        }
        const old = db.prepare('SELECT updated_at FROM bot_dialogues WHERE contact_id = ?').pluck().get(fromContactId) as string | undefined
        if (old === undefined) return
        const current = db.prepare('SELECT updated_at FROM bot_dialogues WHERE contact_id = ?').pluck().get(toContactId) as string | undefined
        if (current !== undefined && new Date(current) >= new Date(old)) {
          db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(fromContactId)
          return
        }
        db.prepare('DELETE FROM bot_dialogues WHERE contact_id = ?').run(toContactId)
        db.prepare('UPDATE bot_dialogues SET contact_id = ? WHERE contact_id = ?').run(toContactId, fromContactId)
      })()
    },
    async purgeSeenBefore(before) {
      return db.prepare('DELETE FROM bot_seen_messages WHERE seen_at < ?').run(before.toISOString()).changes
    },
  }
}
