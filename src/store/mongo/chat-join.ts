import { Schema, type ClientSession, type Connection, type Model } from 'mongoose'
import { addMoved, movedAny, consentsApart, readMoved, type ChatJoinMoved } from '../chat-join-moved.js'
import type { AuditEntry, ChatJoinRepo, ChatJoinRequest, OutboxMessage } from '../ports.js'
import { writeAudit } from './auth-repos.js'
import { claimChatContact, releaseChatContact } from './bot-models.js'
import type { MpUserDoc } from './case-models.js'
import { belongingsMover } from './chat-join-mover.js'
import { belongingsReturner } from './chat-join-returner.js'
import { isDuplicateKey, translate } from './errors.js'
import { createIndexes } from './indexes.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'

/** sqlite's chat_joins row (migration 073): `_id` is her account. */
interface ChatJoinDoc {
  _id: string
  requestId: string
  chatPersonId: string
  chatName: string | null
  requestedAt: Date
  expiresAt: Date
  joinedAt: Date | null
  /** What the join moved (src/store/chat-join-moved.ts), as sqlite's chat_joins.moved (migration 075). */
  moved?: ChatJoinMoved | null
  /**
   * When the chat last wrote a message while joined: written in that message's own transaction (case-repos.ts submit),
   * so that a 解除 committing meanwhile, which deletes this document, conflicts with it and one of the two runs again.
   */
  chatWroteAt?: Date | null
}

/** A join refused in its transaction because a staff member holds the chat: thrown to abort it, answered null. */
class ChatHeldByStaff extends Error {}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
const dateOf = (s: string | null | undefined) => (s ? new Date(s) : null)

function chatJoinSchema() {
  const schema = new Schema<ChatJoinDoc>(
    {
      _id: String,
      requestId: String,
      chatPersonId: String,
      chatName: { type: String, default: null },
      requestedAt: Date,
      expiresAt: Date,
      joinedAt: { type: Date, default: null },
      moved: { type: Schema.Types.Mixed, default: null },
      chatWroteAt: { type: Date, default: null },
    },
    { versionKey: false, id: false },
  )
  schema.index({ requestId: 1 }, { unique: true })
  schema.index({ chatPersonId: 1 })
  schema.index({ joinedAt: 1 }, { partialFilterExpression: { joinedAt: { $type: 'date' } } })
  schema.index({ expiresAt: 1 })
  return schema
}

const requestFromDoc = (d: ChatJoinDoc): ChatJoinRequest => ({
  id: d.requestId,
  accountId: d._id,
  chatPersonId: d.chatPersonId,
  chatName: d.chatName,
  requestedAt: d.requestedAt,
  expiresAt: d.expiresAt,
})

/**
 * ChatJoinRepo on MongoDB, as sqlite's chat-join.ts: each write one transaction. A message whose own transaction began
 * before a join and commits after it is not serialised with the join here (it writes no document the join writes):
 * `gatherLeftBehind` moves it, right after the join and again from the maintenance job.
 */
export async function chatJoinRepo(conn: Connection, models: Models): Promise<ChatJoinRepo> {
  const { Audit, MpUser, BotDialogue, ChatContactClaim, StaffContact } = models
  const ChatJoin = (conn.models.ChatJoin as Model<ChatJoinDoc> | undefined) ?? conn.model<ChatJoinDoc>('ChatJoin', chatJoinSchema(), 'chat_joins')
  // Made before any transaction writes to them (servers before 4.4 cannot create a collection in one); the claims are
  // written by staff bindings too (bot-repo.ts), which come after the store is open.
  await ChatJoin.createCollection()
  await ChatContactClaim.createCollection()
  await createIndexes({ ChatJoin })
  const move = belongingsMover(conn, models)
  const giveBack = belongingsReturner(conn, models)
  const { Outbox } = models
  const audited = (audit: AuditEntry, session: ClientSession) => writeAudit({ Audit }, [audit], session)

  /**
   * Either side's 解除 of the join `row`, within `session`, as sqlite's chat-join.ts undoes it: the chat its own person
   * again, what came from it given back, each side's own agreement (consentsApart), `notices(chatPersonId)` written.
   * Null, changing nothing, when the chat cannot be its own again.
   */
  const undo = async (row: ChatJoinDoc, audit: AuditEntry, session: ClientSession, notices?: (chatPersonId: string) => OutboxMessage[]) => {
    const accountId = row._id
    const account = await MpUser.findById(accountId).session(session).lean<MpUserDoc>()
    if (!account?.botContactId || (await MpUser.exists({ _id: row.chatPersonId }).session(session))) return null
    const moved = readMoved(row.moved)
    const consents = consentsApart(moved, { consentVersion: account.consentVersion, consentAt: iso(account.consentAt) })
    // The contact and remark are unique: the account lets go of them first, then the chat's own person takes them.
    await MpUser.updateOne(
      { _id: accountId },
      { $set: { botContactId: null, botAlias: null, consentVersion: consents.account.consentVersion, consentAt: dateOf(consents.account.consentAt) } },
      { session },
    )
    await MpUser.create(
      [
        {
          _id: row.chatPersonId,
          openid: null,
          unionid: null,
          deputyId: null,
          phoneEnc: null,
          phoneIndex: null,
          consentVersion: consents.chat.consentVersion,
          consentAt: dateOf(consents.chat.consentAt),
          createdAt: dateOf(moved.chat?.createdAt) ?? audit.at,
          botContactId: account.botContactId,
          botAlias: account.botAlias ?? null,
          erasedAt: null,
        },
      ],
      { session },
    )
    const cases = await giveBack(moved, accountId, row.chatPersonId, row.joinedAt!, audit.at, session)
    await ChatJoin.deleteOne({ _id: accountId }, { session })
    await insertOutbox(Outbox, notices?.(row.chatPersonId) ?? [], session)
    await audited({ ...audit, details: { ...audit.details, to: row.chatPersonId, cases } }, session)
    return { chatPersonId: row.chatPersonId, cases }
  }

  return {
    async request(r) {
      try {
        // Her waiting request is replaced; once joined, the filter misses and the upsert's insert is a duplicate _id.
        await ChatJoin.updateOne(
          { _id: r.accountId, joinedAt: null },
          {
            $set: { requestId: r.id, chatPersonId: r.chatPersonId, chatName: r.chatName, requestedAt: r.requestedAt, expiresAt: r.expiresAt },
          },
          { upsert: true },
        )
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    async pending(accountId, now) {
      const doc = await ChatJoin.findOne({ _id: accountId, joinedAt: null, expiresAt: { $gt: now } }).lean<ChatJoinDoc>()
      return doc ? requestFromDoc(doc) : null
    },
    async joined(accountId) {
      const doc = await ChatJoin.findOne({ _id: accountId, joinedAt: { $type: 'date' } }).lean<ChatJoinDoc>()
      return doc ? { accountId: doc._id, chatName: doc.chatName, joinedAt: doc.joinedAt! } : null
    },
    async confirm(accountId, requestId, audit, notices = []) {
      // One transaction; withTransaction re-runs it on a write conflict, each time reading everything afresh.
      return translate(() =>
        conn.transaction(async (session) => {
          const request = await ChatJoin.findOne({ _id: accountId, requestId, joinedAt: null, expiresAt: { $gt: audit.at } })
            .session(session)
            .lean<ChatJoinDoc>()
          if (!request || request.chatPersonId === accountId) return null
          const chatUserId = request.chatPersonId
          const chat = await MpUser.findById(chatUserId).session(session).lean<MpUserDoc>()
          const into = await MpUser.findById(accountId).session(session).lean<MpUserDoc>()
          if (!chat?.botContactId || chat.openid || chat.deputyId || chat.erasedAt) return null
          if (!into?.openid || into.botContactId || into.deputyId || into.erasedAt) return null
          // A staff member's chat (bound since it asked): checked here, in the transaction, as the deputy binding is above.
          // A binding of it committing meanwhile writes the same claim (bot-repo.ts): a write conflict, and this runs
          // again and reads it. The deputy binding needs none: it writes the very person this join deletes or changes.
          await claimChatContact(ChatContactClaim, chat.botContactId, session)
          // Refused: aborted, so that its claim never lands (ChatContactClaimDoc).
          if (await StaffContact.exists({ contactId: chat.botContactId }).session(session)) throw new ChatHeldByStaff()
          const { count, moved } = await move(chatUserId, accountId, session)
          // Her agreement as she last gave it, in either place.
          const consent = (chat.consentAt?.getTime() ?? -1) > (into.consentAt?.getTime() ?? -1) ? chat : into
          // The chat's contact and remark are unique: the chat person goes first, then the account takes them.
          await MpUser.deleteOne({ _id: chatUserId }, { session })
          await MpUser.updateOne(
            { _id: accountId, botContactId: null },
            { $set: { botContactId: chat.botContactId, botAlias: chat.botAlias, consentVersion: consent.consentVersion, consentAt: consent.consentAt } },
            { session },
          )
          // What the chat takes back by, should it say 解除 (undoFromChat): the items, itself, and both agreements.
          const kept = addMoved(null, {
            ...moved,
            chat: { createdAt: chat.createdAt.toISOString(), consentVersion: chat.consentVersion, consentAt: iso(chat.consentAt) },
            account: { consentVersion: into.consentVersion, consentAt: iso(into.consentAt) },
            joinedConsent: { consentVersion: consent.consentVersion, consentAt: iso(consent.consentAt) },
          })
          await ChatJoin.updateOne({ _id: accountId, requestId }, { $set: { joinedAt: audit.at, moved: kept } }, { session })
          await insertOutbox(Outbox, [...notices], session)
          await audited({ ...audit, details: { ...audit.details, cases: count } }, session)
          await releaseChatContact(ChatContactClaim, chat.botContactId, session)
          return { cases: count }
        }),
      ).catch((err: unknown) => {
        if (err instanceof ChatHeldByStaff) return null
        throw err
      })
    },
    async refuse(accountId, requestId, now, audit) {
      return translate(() =>
        conn.transaction(async (session) => {
          const dropped = await ChatJoin.deleteOne({ _id: accountId, requestId, joinedAt: null, expiresAt: { $gt: now } }, { session })
          if (dropped.deletedCount) await audited(audit, session)
          return dropped.deletedCount > 0
        }),
      )
    },
    async unjoin(accountId, audit, notices) {
      return translate(() =>
        conn.transaction(async (session) => {
          const row = await ChatJoin.findOne({ _id: accountId, joinedAt: { $type: 'date' } })
            .session(session)
            .lean<ChatJoinDoc>()
          if (!row) return null
          const user = await MpUser.findById(accountId, { botContactId: 1 }).session(session).lean<Pick<MpUserDoc, 'botContactId'>>()
          // What the chat was in the middle of (a draft, a rating asked) may name the account's own messages: it goes.
          if (user?.botContactId) await BotDialogue.deleteOne({ _id: user.botContactId }, { session })
          const undone = await undo(row, audit, session, notices)
          if (undone) return undone
          // A join whose chat cannot be its own person again (no contact left on the account): only the link goes.
          await MpUser.updateOne({ _id: accountId }, { $set: { botContactId: null, botAlias: null } }, { session })
          await ChatJoin.deleteOne({ _id: accountId }, { session })
          await audited({ ...audit, details: { ...audit.details, cases: 0 } }, session)
          return { chatPersonId: row.chatPersonId, cases: 0 }
        }),
      )
    },
    async gatherLeftBehind(since) {
      let gathered = 0
      for (const j of await ChatJoin.find({ joinedAt: { $gte: since } }, { chatPersonId: 1 }).lean<Array<Pick<ChatJoinDoc, '_id' | 'chatPersonId'>>>()) {
        gathered += await translate(() =>
          conn.transaction(async (session) => {
            // Read outside: a 解除 may have committed since (the chat its own person again, what it holds its own).
            // Checked again in the transaction, where an undo committing meanwhile is a write conflict (the join
            // document is written below): the join still there, with this chat, and its person still gone.
            const row = await ChatJoin.findOne({ _id: j._id, joinedAt: { $type: 'date' }, chatPersonId: j.chatPersonId }, { moved: 1 })
              .session(session)
              .lean<Pick<ChatJoinDoc, 'moved'>>()
            if (!row || (await MpUser.exists({ _id: j.chatPersonId }).session(session))) return 0
            const { count, moved } = await move(j.chatPersonId, j._id, session)
            // Moved like the rest, so given back like the rest.
            if (movedAny(count, moved)) await ChatJoin.updateOne({ _id: j._id }, { $set: { moved: addMoved(readMoved(row.moved), moved) } }, { session })
            return count
          }),
        )
      }
      return gathered
    },
    async undoFromChat(accountId, audit) {
      return translate(() =>
        conn.transaction(async (session) => {
          const row = await ChatJoin.findOne({ _id: accountId, joinedAt: { $type: 'date' } })
            .session(session)
            .lean<ChatJoinDoc>()
          // Its chat dialogue stays: the one speaking is the chat, the same person as before.
          return row ? undo(row, audit, session) : null
        }),
      )
    },
    async consentWhileJoined(accountId, side, consent) {
      // Most who agree have no chat joined: they are answered without a transaction of their own.
      if (!(await ChatJoin.exists({ _id: accountId, joinedAt: { $type: 'date' } }))) return false
      return translate(() =>
        conn.transaction(async (session) => {
          const row = await ChatJoin.findOne({ _id: accountId, joinedAt: { $type: 'date' } }, { moved: 1 })
            .session(session)
            .lean<Pick<ChatJoinDoc, 'moved'>>()
          if (!row) return false
          await MpUser.updateOne({ _id: accountId }, { $set: { consentVersion: consent.consentVersion, consentAt: consent.consentAt } }, { session })
          const choice = { consentVersion: consent.consentVersion, consentAt: iso(consent.consentAt) }
          const moved = addMoved(readMoved(row.moved), side === 'chat' ? { chatChoice: choice } : { accountChoice: choice })
          await ChatJoin.updateOne({ _id: accountId }, { $set: { moved } }, { session })
          return true
        }),
      )
    },
    async heldBy(chatPersonId) {
      const doc = await ChatJoin.findOne({ chatPersonId, joinedAt: { $type: 'date' } }, { _id: 1 }).lean<Pick<ChatJoinDoc, '_id'>>()
      return doc?._id ?? null
    },
    async purgeLapsed(before) {
      return (await ChatJoin.deleteMany({ joinedAt: null, expiresAt: { $lt: before } })).deletedCount
    },
  }
}
