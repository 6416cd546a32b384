import type { ClientSession, Connection, Model } from 'mongoose'
import { TO_THE_CHAT_KINDS, type ChatJoinMoved } from '../chat-join-moved.js'
import type { CaseDoc } from './case-models.js'
import type { SubscriptionCreditDoc } from './delivery-models.js'
import type { Models } from './models.js'

/** A person's own records, through the partial mpUserId indexes (the planner does not infer $type from the equality). */
const ofPerson = (mpUserId: string) => ({ mpUserId: { $eq: mpUserId, $type: 'string' as const } })

/**
 * Everything a chat person holds, moved to the account `into` within `session`, as sqlite's chat-join-mover.ts moves it;
 * each write through an index of the person. Returns how many messages moved, and what (ChatJoinMoved).
 */
export function belongingsMover(conn: Connection, { Case, CaseEvent, Outbox, SubscriptionCredit }: Models) {
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
