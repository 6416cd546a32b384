import type { ClientSession, Connection, Model } from 'mongoose'
import { casesToGiveBack, creditLeftOnAccount, type ChatJoinMoved } from '../chat-join-moved.js'
import type { SubscriptionCreditDoc } from './delivery-models.js'
import type { Models } from './models.js'

/**
 * What the join moved, given back to the chat person within `session`, as sqlite's chat-join-returner.ts gives it back: with
 * the messages the chat wrote while joined (their first step says `via: 'chat'`, written since `joinedAt`), each write
 * only to what is still the account's. Returns how many messages went back.
 */
export function belongingsReturner(conn: Connection, { Case, CaseEvent, Outbox, SubscriptionCredit }: Models) {
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
