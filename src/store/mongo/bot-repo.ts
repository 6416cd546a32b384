import { refuseJoinedOfficial } from '../deputy-channels.js'
import type { Connection } from 'mongoose'
import type { BotRepo } from '../ports.js'
import { claimChatContact, releaseChatContact, type BotDialogueDoc, type StaffContactDoc, type StationRoomDoc } from './bot-models.js'
import type { Models } from './models.js'
import { isDuplicateKey, translate } from './errors.js'
import { LAPSED_WORDS_MARK_MS } from '../bot-dialogue-marks.js'
import { StoreConflict } from '../conflicts.js'

export function botRepo(conn: Connection, { BotSeenMessage, BotDialogue, ChatContactClaim, MpUser, Staff, StaffContact, StationRoom }: Models): BotRepo {
  return {
    async firstSighting(messageId, at, claim = null) {
      // The id is `_id`: of two reports of one message, racing or not, only one insert succeeds.
      try {
        await BotSeenMessage.insertOne({ _id: messageId, seenAt: at, claim })
        return true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        if (claim === null) return false
        return (await BotSeenMessage.findById(messageId).lean())?.claim === claim
      }
    },
    async dialogue(contactId, now) {
      const doc = await BotDialogue.findOne({ _id: contactId }).lean<BotDialogueDoc>()
      if (!doc) return null
      const updatedAt = new Date(doc.updatedAt)
      // Past the time it was kept until: gone for every reader, though the purge has not run yet; her unsent words
      // leave only the mark that they went (never the words themselves). As sqlite's.
      const past = !!now && !!doc.keepUntil && new Date(doc.keepUntil) < now
      if (past) return doc.unsentWords === 'held' ? { state: {}, updatedAt, wordsLapsed: true } : null
      if (doc.unsentWords === 'lapsed') return { state: {}, updatedAt, wordsLapsed: true }
      return { state: JSON.parse(doc.state) as Record<string, unknown>, updatedAt, wordsLapsed: false }
    },
    async saveDialogue(contactId, state, at, keepUntil = null, holdsWords = false) {
      const unsentWords = holdsWords && keepUntil ? 'held' : null
      // An upsert on `_id`. The server retries a racing upsert that hits E11000 on it
      // itself; should one still surface, the document is there now and the retry replaces it.
      for (let attempt = 0; ; attempt++) {
        try {
          await BotDialogue.updateOne(
            { _id: contactId },
            { $set: { state: JSON.stringify(state ?? {}), updatedAt: at, keepUntil, unsentWords } },
            { upsert: true },
          )
          return
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 2) throw err
        }
      }
    },
    async clearDialogue(contactId) {
      await BotDialogue.deleteOne({ _id: contactId })
    },
    async purgeDialogues(now, untouchedBefore) {
      // Her unsent words go; the mark that they went stays a while, for the bot to tell her (past the delete below).
      // Two writes, not one transaction: an emptied one is past the delete's filter, so a purge cut between them loses nothing.
      const emptied = await BotDialogue.updateMany(
        { keepUntil: { $lt: now }, unsentWords: 'held' },
        { $set: { state: '{}', unsentWords: 'lapsed', keepUntil: new Date(now.getTime() + LAPSED_WORDS_MARK_MS) } },
      )
      // A document saved before keepUntil was kept has no such field: `null` matches it as it matches one saved with none.
      const filter = { $or: [{ keepUntil: { $lt: now } }, { keepUntil: null, updatedAt: { $lt: untouchedBefore } }] }
      return emptied.modifiedCount + (await BotDialogue.deleteMany(filter)).deletedCount
    },
    async bindRoom(stationId, roomId, boundBy, at, topic = null) {
      // One transaction, as sqlite's: the station's old room and the room's old station are
      // let go and the new binding written together. withTransaction re-runs the callback
      // on a write conflict with a concurrent binding, so each attempt rebuilds its writes.
      await translate(() =>
        conn.transaction(async (session) => {
          await StationRoom.deleteMany({ $or: [{ roomId }, { stationId }] }, { session })
          await StationRoom.insertOne({ stationId, roomId, boundBy, boundAt: at, topic }, { session })
        }),
      )
    },
    async stationOfRoom(roomId) {
      const doc = await StationRoom.findOne({ roomId }).lean<StationRoomDoc>()
      return doc?.stationId ?? null
    },
    async roomOf(stationId) {
      const doc = await StationRoom.findOne({ stationId }).lean<StationRoomDoc>()
      return doc ? { roomId: doc.roomId, topic: doc.topic ?? null } : null
    },
    async moveRoom(fromRoomId, toRoomId) {
      if (fromRoomId === toRoomId) return !!(await StationRoom.exists({ roomId: fromRoomId }))
      return translate(() =>
        conn.transaction(async (session) => {
          if (!(await StationRoom.exists({ roomId: fromRoomId }).session(session))) return false
          if (await StationRoom.exists({ roomId: toRoomId }).session(session)) return false
          return (await StationRoom.updateOne({ roomId: fromRoomId }, { $set: { roomId: toRoomId } }, { session })).modifiedCount === 1
        }),
      )
    },
    async topicShared(topic, stationId) {
      return !!(await StationRoom.exists({ topic, stationId: { $ne: stationId } }))
    },
    async bindStaffContact(staffId, contactId, at) {
      await translate(() =>
        conn.transaction(async (session) => {
          // Never a disabled account. Its document is written first, and read as written: a disable (which writes it,
          // and lets go of the binding, in one transaction) landing at the same time conflicts here, and the one run
          // again sees the other. Read alone, the account would come from this transaction's snapshot, and both stand.
          const staff = await Staff.findOneAndUpdate({ _id: staffId }, { $inc: { botBindings: 1 } }, { session, projection: { active: 1 } }).lean<{
            active?: boolean
          }>()
          if (staff && staff.active !== true) throw new StoreConflict('account_disabled')
          // A join of this chat at the same time writes the same claim: one of the two runs again and sees the other.
          await claimChatContact(ChatContactClaim, contactId, session)
          // Never a joined account's chat (a join confirmed since the service looked): read here, in the transaction.
          const holder = await MpUser.findOne({ botContactId: { $eq: contactId, $type: 'string' } }, { openid: 1, botContactId: 1 })
            .session(session)
            .lean<{ openid: string | null; botContactId: string | null }>()
          refuseJoinedOfficial(holder)
          await StaffContact.deleteMany({ $or: [{ contactId }, { staffId }] }, { session })
          await StaffContact.insertOne({ staffId, contactId, boundAt: at }, { session })
          // Its work done: the contact id is kept in the binding only, as sqlite keeps it (ChatContactClaimDoc).
          await releaseChatContact(ChatContactClaim, contactId, session)
        }),
      )
    },
    async unbindStaffContact(staffId) {
      return (await StaffContact.deleteOne({ staffId })).deletedCount > 0
    },
    async staffByContact(contactId) {
      const doc = await StaffContact.findOne({ contactId }).lean<StaffContactDoc>()
      return doc?.staffId ?? null
    },
    async contactOfStaff(staffId) {
      const doc = await StaffContact.findOne({ staffId }).lean<StaffContactDoc>()
      return doc?.contactId ?? null
    },
    async contactsOfStaff(staffIds) {
      const docs = await StaffContact.find({ staffId: { $in: [...staffIds] } }).lean<StaffContactDoc[]>()
      return new Map(docs.map((d) => [d.staffId, d.contactId]))
    },
    async moveContact(fromContactId, toContactId) {
      if (fromContactId === toContactId) return
      // As sqlite's: one transaction, re-run whole by withTransaction on a write conflict.
      await translate(() =>
        conn.transaction(async (session) => {
          if (await StaffContact.exists({ contactId: fromContactId }).session(session)) {
            await StaffContact.deleteMany({ contactId: toContactId }, { session })
            await StaffContact.updateOne({ contactId: fromContactId }, { $set: { contactId: toContactId } }, { session })
          }
          const old = await BotDialogue.findOne({ _id: fromContactId }).session(session).lean<BotDialogueDoc>()
          if (!old) return
          const current = await BotDialogue.findOne({ _id: toContactId }).session(session).lean<BotDialogueDoc>()
          await BotDialogue.deleteOne({ _id: fromContactId }, { session })
          if (current && new Date(current.updatedAt) >= new Date(old.updatedAt)) return
          // `_id` cannot change: the dialogue is written again under the new id.
          await BotDialogue.deleteOne({ _id: toContactId }, { session })
          await BotDialogue.insertOne(
            { _id: toContactId, state: old.state, updatedAt: old.updatedAt, keepUntil: old.keepUntil ?? null, unsentWords: old.unsentWords ?? null },
            { session },
          )
        }),
      )
    },
    async purgeSeenBefore(before) {
      return (await BotSeenMessage.deleteMany({ seenAt: { $lt: before } })).deletedCount
    },
  }
}
