import { Schema, type ClientSession, type Connection, type Model } from 'mongoose'
import type { AuditEntry, ChatJoinRepo, ChatJoinRequest } from '../ports.js'
import { writeAudit } from './auth-repos.js'
import type { CaseDoc, MpUserDoc } from './case-models.js'
import type { SubscriptionCreditDoc } from './delivery-models.js'
import { isDuplicateKey, translate } from './errors.js'
import { createIndexes } from './indexes.js'
import type { Models } from './models.js'

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
}

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
 * each write through an index of the person. Returns how many messages moved.
 */
function belongingsMover(conn: Connection, { Case, CaseEvent, Outbox, SubscriptionCredit }: Models) {
  // Compiled by their own repos on this connection, which exist by the time anyone joins.
  const model = <T>(name: string) => conn.model(name) as unknown as Model<T>

  return async (chatUserId: string, intoUserId: string, session: ClientSession): Promise<number> => {
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
    await Outbox.updateMany({ recipientKind: 'mp_user', recipientId: chatUserId }, { $set: { recipientId: intoUserId } }, { session })

    for (const credit of await SubscriptionCredit.find({ userId: chatUserId }).session(session).lean<SubscriptionCreditDoc[]>()) {
      const there = await SubscriptionCredit.findOne({ userId: intoUserId, templateId: credit.templateId }).session(session).lean<SubscriptionCreditDoc>()
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
    for (const r of await Response.find(ofPerson(chatUserId), { surveyId: 1, respondentKey: 1 })
      .session(session)
      .lean<Array<{ _id: string; surveyId: string; respondentKey: string }>>()) {
      const key = r.respondentKey === `mp:${chatUserId}` && !answered.has(r.surveyId) ? `mp:${intoUserId}` : r.respondentKey
      await Response.updateOne({ _id: r._id }, { $set: { respondentKey: key, mpUserId: intoUserId } }, { session })
    }
    await model<{ mpUserId: string | null }>('SurveyOpinion').updateMany(ofPerson(chatUserId), { $set: { mpUserId: intoUserId } }, { session })
    return ids.length
  }
}

/**
 * ChatJoinRepo on MongoDB, as sqlite's chat-join.ts: each write one transaction. A message whose own transaction began
 * before a join and commits after it is not serialised with the join here (it writes no document the join writes):
 * `gatherLeftBehind` moves it, right after the join and again from the maintenance job.
 */
export async function chatJoinRepo(conn: Connection, models: Models): Promise<ChatJoinRepo> {
  const { Audit, MpUser, BotDialogue } = models
  const ChatJoin = (conn.models.ChatJoin as Model<ChatJoinDoc> | undefined) ?? conn.model<ChatJoinDoc>('ChatJoin', chatJoinSchema(), 'chat_joins')
  // Made before any transaction writes to it (servers before 4.4 cannot create a collection in one).
  await ChatJoin.createCollection()
  await createIndexes({ ChatJoin })
  const move = belongingsMover(conn, models)
  const audited = (audit: AuditEntry, session: ClientSession) => writeAudit({ Audit }, [audit], session)

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
    async confirm(accountId, requestId, audit) {
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
          const moved = await move(chatUserId, accountId, session)
          // Her agreement as she last gave it, in either place.
          const consent = (chat.consentAt?.getTime() ?? -1) > (into.consentAt?.getTime() ?? -1) ? chat : into
          // The chat's contact and remark are unique: the chat person goes first, then the account takes them.
          await MpUser.deleteOne({ _id: chatUserId }, { session })
          await MpUser.updateOne(
            { _id: accountId, botContactId: null },
            { $set: { botContactId: chat.botContactId, botAlias: chat.botAlias, consentVersion: consent.consentVersion, consentAt: consent.consentAt } },
            { session },
          )
          await ChatJoin.updateOne({ _id: accountId, requestId }, { $set: { joinedAt: audit.at } }, { session })
          await audited({ ...audit, details: { ...audit.details, cases: moved } }, session)
          return { cases: moved }
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
    async unjoin(accountId, audit) {
      return translate(() =>
        conn.transaction(async (session) => {
          if (!(await ChatJoin.exists({ _id: accountId, joinedAt: { $type: 'date' } }).session(session))) return false
          const user = await MpUser.findById(accountId, { botContactId: 1 }).session(session).lean<Pick<MpUserDoc, 'botContactId'>>()
          // What the chat was in the middle of (a draft, a rating asked) was hers: the chat starts afresh as someone new.
          if (user?.botContactId) await BotDialogue.deleteOne({ _id: user.botContactId }, { session })
          await MpUser.updateOne({ _id: accountId }, { $set: { botContactId: null, botAlias: null } }, { session })
          await ChatJoin.deleteOne({ _id: accountId }, { session })
          await audited(audit, session)
          return true
        }),
      )
    },
    async gatherLeftBehind(since) {
      let moved = 0
      for (const j of await ChatJoin.find({ joinedAt: { $gte: since } }, { chatPersonId: 1 }).lean<Array<Pick<ChatJoinDoc, '_id' | 'chatPersonId'>>>()) {
        moved += await translate(() => conn.transaction((session) => move(j.chatPersonId, j._id, session)))
      }
      return moved
    },
    async purgeLapsed(before) {
      return (await ChatJoin.deleteMany({ joinedAt: null, expiresAt: { $lt: before } })).deletedCount
    },
  }
}
