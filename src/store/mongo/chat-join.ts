import { Schema, type ClientSession, type Connection, type Model } from 'mongoose'
import {
  addMoved,
  casesToGiveBack,
  movedAny,
  consentsApart,
  creditLeftOnAccount,
  readMoved,
  TO_THE_CHAT_KINDS,
  type ChatJoinMoved,
} from '../chat-join-moved.js'
import type { AuditEntry, ChatJoinRepo, ChatJoinRequest, OutboxMessage } from '../ports.js'
import { writeAudit } from './auth-repos.js'
import type { CaseDoc, MpUserDoc } from './case-models.js'
import type { SubscriptionCreditDoc } from './delivery-models.js'
import { isDuplicateKey, translate } from './errors.js'
import { createIndexes } from './indexes.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'

/** A person's own records, through the partial mpUserId indexes (the planner does not infer $type from the equality). */
const ofPerson = (mpUserId: string) => ({ mpUserId: { $eq: mpUserId, $type: 'string' as const } })

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
 * Everything a chat person holds, moved to the account `into` within `session`, as sqlite's chat-join.ts moves it;
 * each write through an index of the person. Returns how many messages moved, and what (ChatJoinMoved).
 */
function belongingsMover(conn: Connection, { Case, CaseEvent, Outbox, SubscriptionCredit }: Models) {
  // Compiled by their own repos on this connection, which exist by the time anyone joins.
  const model = <T>(name: string) => conn.model(name) as unknown as Model<T>

  return async (chatUserId: string, intoUserId: string, session: ClientSession): Promise<{ count: number; moved: Partial<ChatJoinMoved> }> => {
    const hers = await Case.find({ residentId: chatUserId }, { _id: 1, idempotencyKey: 1 })
      .session(session)
      .lean<Array<Pick<CaseDoc, '_id' | 'idempotencyKey'>>>()
    const keys = hers.flatMap((c) => (c.idempotencyKey ? [c.idempotencyKey] : []))
    const taken = keys.length
      ? new Set(
          (
            await Case.find({ residentId: intoUserId, idempotencyKey: { $in: keys } }, { idempotencyKey: 1 })
              .session(session)
              .lean<Array<Pick<CaseDoc, 'idempotencyKey'>>>()
          ).map((c) => c.idempotencyKey),
        )
      : new Set<string | null>()
    // A key both used stays on each message; the version moves on, so a change read before the join cannot write her chat's id back.
    for (const c of hers.filter((h) => h.idempotencyKey && taken.has(h.idempotencyKey)))
      await Case.updateOne({ _id: c._id }, { $set: { idempotencyKey: `${c.idempotencyKey}:chat` } }, { session })
    const ids = hers.map((c) => c._id)
    if (ids.length) {
      await Case.updateMany({ _id: { $in: ids } }, { $set: { residentId: intoUserId }, $inc: { version: 1 } }, { session })
      await CaseEvent.updateMany({ caseId: { $in: ids }, actorRole: 'resident', actorId: chatUserId }, { $set: { actorId: intoUserId } }, { session })
    }
    await model<{ residentId: string }>('CasePublication').updateMany({ residentId: chatUserId }, { $set: { residentId: intoUserId } }, { session })
    // Not the notices to the chat itself (TO_THE_CHAT_KINDS): they stay the chat's, whatever the account does.
    const toHer = (
      await Outbox.find({ recipientKind: 'mp_user', recipientId: chatUserId, kind: { $nin: [...TO_THE_CHAT_KINDS] } }, { _id: 1 })
        .session(session)
        .lean<Array<{ _id: string }>>()
    ).map((m) => m._id)
    if (toHer.length) await Outbox.updateMany({ _id: { $in: toHer } }, { $set: { recipientId: intoUserId } }, { session })

    const credits: ChatJoinMoved['credits'] = []
    for (const credit of await SubscriptionCredit.find({ userId: chatUserId }).session(session).lean<SubscriptionCreditDoc[]>()) {
      const there = await SubscriptionCredit.findOne({ userId: intoUserId, templateId: credit.templateId }).session(session).lean<SubscriptionCreditDoc>()
      credits.push({ templateId: credit.templateId, oneTime: credit.oneTime, longTerm: Boolean(credit.longTerm), accountLongTerm: Boolean(there?.longTerm) })
      await SubscriptionCredit.updateOne(
        { userId: intoUserId, templateId: credit.templateId },
        {
          $set: {
            oneTime: (there?.oneTime ?? 0) + credit.oneTime,
            longTerm: Boolean(there?.longTerm) || credit.longTerm,
            updatedAt: there && there.updatedAt > credit.updatedAt ? there.updatedAt : credit.updatedAt,
          },
        },
        { upsert: true, session },
      )
    }
    await SubscriptionCredit.deleteMany({ userId: chatUserId }, { session })

    // Her named answers take her account's key, unless that account answered the same survey (one answer per key).
    const Response = model<{ _id: string; surveyId: string; respondentKey: string; mpUserId: string | null }>('SurveyResponse')
    const answered = new Set(
      (
        await Response.find({ respondentKey: `mp:${intoUserId}` }, { surveyId: 1 })
          .session(session)
          .lean<Array<{ surveyId: string }>>()
      ).map((r) => r.surveyId),
    )
    const responses: ChatJoinMoved['responses'] = []
    for (const r of await Response.find(ofPerson(chatUserId), { surveyId: 1, respondentKey: 1 })
      .session(session)
      .lean<Array<{ _id: string; surveyId: string; respondentKey: string }>>()) {
      responses.push({ id: r._id, key: r.respondentKey })
      const key = r.respondentKey === `mp:${chatUserId}` && !answered.has(r.surveyId) ? `mp:${intoUserId}` : r.respondentKey
      await Response.updateOne({ _id: r._id }, { $set: { respondentKey: key, mpUserId: intoUserId } }, { session })
    }
    const Opinion = model<{ _id: string; mpUserId: string | null }>('SurveyOpinion')
    const opinions = (await Opinion.find(ofPerson(chatUserId), { _id: 1 }).session(session).lean<Array<{ _id: string }>>()).map((o) => o._id)
    if (opinions.length) await Opinion.updateMany({ _id: { $in: opinions } }, { $set: { mpUserId: intoUserId } }, { session })
    return {
      count: ids.length,
      moved: { cases: hers.map((c) => ({ id: c._id, key: c.idempotencyKey ?? null })), outbox: toHer, credits, responses, opinions },
    }
  }
}

/**
 * What the join moved, given back to the chat person within `session`, as sqlite's chat-join.ts gives it back: with
 * the messages the chat wrote while joined (their first step says `via: 'chat'`, written since `joinedAt`), each write
 * only to what is still the account's. Returns how many messages went back.
 */
function belongingsReturner(conn: Connection, { Case, CaseEvent, Outbox, SubscriptionCredit }: Models) {
  const model = <T>(name: string) => conn.model(name) as unknown as Model<T>

  return async (moved: ChatJoinMoved, fromUserId: string, chatUserId: string, joinedAt: Date, at: Date, session: ClientSession): Promise<number> => {
    const since = await Case.find({ residentId: fromUserId, createdAt: { $gte: joinedAt } }, { _id: 1 })
      .session(session)
      .lean<Array<{ _id: string }>>()
    const writtenInChat = since.length
      ? (
          await CaseEvent.find({ caseId: { $in: since.map((c) => c._id) }, type: 'submitted', 'data.via': 'chat' }, { caseId: 1 })
            .session(session)
            .lean<Array<{ caseId: string }>>()
        ).map((e) => e.caseId)
      : []
    const stillTheirs = (
      await Case.find({ _id: { $in: casesToGiveBack(moved, writtenInChat) }, residentId: fromUserId }, { _id: 1 })
        .session(session)
        .lean<Array<{ _id: string }>>()
    ).map((c) => c._id)
    if (stillTheirs.length) {
      await Case.updateMany({ _id: { $in: stillTheirs }, residentId: fromUserId }, { $set: { residentId: chatUserId }, $inc: { version: 1 } }, { session })
      for (const c of moved.cases.filter((m) => m.key !== null && stillTheirs.includes(m.id))) {
        if (!(await Case.exists({ residentId: chatUserId, idempotencyKey: c.key, _id: { $ne: c.id } }).session(session)))
          await Case.updateOne({ _id: c.id }, { $set: { idempotencyKey: c.key } }, { session })
      }
      // Her steps, whoever of the two took them: the message is the chat's again, and so is its timeline.
      await CaseEvent.updateMany({ caseId: { $in: stillTheirs }, actorRole: 'resident', actorId: fromUserId }, { $set: { actorId: chatUserId } }, { session })
      await model<{ residentId: string }>('CasePublication').updateMany(
        { _id: { $in: stillTheirs }, residentId: fromUserId },
        { $set: { residentId: chatUserId } },
        { session },
      )
      // Every message to the account about a message going back (an answer to it since the join) goes with it.
      await Outbox.updateMany(
        { recipientKind: 'mp_user', recipientId: fromUserId, 'payload.caseId': { $in: stillTheirs } },
        { $set: { recipientId: chatUserId } },
        { session },
      )
    }
    if (moved.outbox.length)
      await Outbox.updateMany(
        { _id: { $in: moved.outbox }, recipientKind: 'mp_user', recipientId: fromUserId },
        { $set: { recipientId: chatUserId } },
        { session },
      )
    for (const c of moved.credits) {
      const now = await SubscriptionCredit.findOne({ userId: fromUserId, templateId: c.templateId }).session(session).lean<SubscriptionCreditDoc>()
      if (now)
        await SubscriptionCredit.updateOne(
          { userId: fromUserId, templateId: c.templateId },
          { $set: creditLeftOnAccount({ oneTime: now.oneTime, longTerm: Boolean(now.longTerm) }, c) },
          { session },
        )
      if (!(await SubscriptionCredit.exists({ userId: chatUserId, templateId: c.templateId }).session(session)))
        await SubscriptionCredit.create([{ userId: chatUserId, templateId: c.templateId, oneTime: c.oneTime, longTerm: c.longTerm, updatedAt: at }], {
          session,
        })
    }
    const Response = model<{ _id: string; surveyId: string; respondentKey: string; mpUserId: string | null }>('SurveyResponse')
    for (const r of moved.responses) {
      const doc = await Response.findOne({ _id: r.id, mpUserId: fromUserId }, { surveyId: 1 }).session(session).lean<{ surveyId: string }>()
      if (!doc) continue
      const clash = await Response.exists({ surveyId: doc.surveyId, respondentKey: r.key, _id: { $ne: r.id } }).session(session)
      if (!clash) await Response.updateOne({ _id: r.id }, { $set: { mpUserId: chatUserId, respondentKey: r.key } }, { session })
    }
    if (moved.opinions.length)
      await model<{ mpUserId: string | null }>('SurveyOpinion').updateMany(
        { _id: { $in: moved.opinions }, mpUserId: fromUserId },
        { $set: { mpUserId: chatUserId } },
        { session },
      )
    return stillTheirs.length
  }
}

/**
 * ChatJoinRepo on MongoDB, as sqlite's chat-join.ts: each write one transaction. A message whose own transaction began
 * before a join and commits after it is not serialised with the join here (it writes no document the join writes):
 * `gatherLeftBehind` moves it, right after the join and again from the maintenance job.
 */
export async function chatJoinRepo(conn: Connection, models: Models): Promise<ChatJoinRepo> {
  const { Audit, MpUser, BotDialogue, StaffContact } = models
  const ChatJoin = (conn.models.ChatJoin as Model<ChatJoinDoc> | undefined) ?? conn.model<ChatJoinDoc>('ChatJoin', chatJoinSchema(), 'chat_joins')
  // Made before any transaction writes to it (servers before 4.4 cannot create a collection in one).
  await ChatJoin.createCollection()
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
          if (await StaffContact.exists({ contactId: chat.botContactId }).session(session)) return null
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
          return { cases: count }
        }),
      )
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
