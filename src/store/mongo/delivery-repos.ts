import type { BindingCodePool, BindingCodeRepo, SubscriptionRepo } from '../ports.js'
import type { BindingCodeDoc, SubscriptionCreditDoc } from './delivery-models.js'
import type { Models } from './models.js'
import { isDuplicateKey, translate } from './errors.js'

type Change = Parameters<SubscriptionRepo['record']>[2]

/** Each change as an upsert; $setOnInsert gives a new document the fields the change leaves out. */
function recordUpdate(change: Change, at: Date): Record<string, unknown> {
  switch (change) {
    case 'accept_once':
      return { $inc: { oneTime: 1 }, $set: { updatedAt: at }, $setOnInsert: { longTerm: false } }
    case 'long_term_on':
      return { $set: { longTerm: true, updatedAt: at }, $setOnInsert: { oneTime: 0 } }
    case 'off':
      return { $set: { longTerm: false, updatedAt: at }, $setOnInsert: { oneTime: 0 } }
  }
}

export function subscriptionRepo({ SubscriptionCredit }: Models): SubscriptionRepo {
  /**
   * One send taken if more than `keep` one-time sends are left or the subscription is long-term. One atomic update, as
   * sqlite's single UPDATE: it matches a long-term subscription (left as it is) or one with enough left (one taken),
   * never anything in between.
   */
  const consumeDown = async (userId: string, templateId: string, at: Date, keep: number) => {
    const result = await SubscriptionCredit.updateOne(
      { userId, templateId, $or: [{ longTerm: true }, { oneTime: { $gt: keep } }] },
      [
        {
          $set: {
            oneTime: { $cond: [{ $eq: ['$longTerm', true] }, '$oneTime', { $subtract: ['$oneTime', 1] }] },
            updatedAt: at,
          },
        },
      ],
      { updatePipeline: true },
    )
    return result.matchedCount === 1
  }
  return {
    async record(userId, templateId, change, at) {
      // An upsert on the unique (userId, templateId). The server retries a racing upsert
      // that hits E11000 on that key itself; should one still surface, the document is
      // there now and the retry updates it.
      for (let attempt = 0; ; attempt++) {
        try {
          await SubscriptionCredit.updateOne({ userId, templateId }, recordUpdate(change, at), { upsert: true })
          return
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 2) throw err
        }
      }
    },
    async get(userId, templateId) {
      const doc = await SubscriptionCredit.findOne({ userId, templateId }).lean<SubscriptionCreditDoc>()
      return doc ? { oneTime: doc.oneTime ?? 0, longTerm: doc.longTerm === true } : null
    },
    async consume(userId, templateId, at) {
      return consumeDown(userId, templateId, at, 0)
    },
    async consumeUnlessLast(userId, templateId, at) {
      return consumeDown(userId, templateId, at, 1)
    },
    async restore(userId, templateId, at) {
      // A long-term subscription took nothing, so there is nothing to give back.
      await SubscriptionCredit.updateOne({ userId, templateId, longTerm: { $ne: true } }, { $inc: { oneTime: 1 }, $set: { updatedAt: at } })
    },
    async clear(userId, templateId, at) {
      await SubscriptionCredit.updateOne({ userId, templateId }, { $set: { oneTime: 0, longTerm: false, updatedAt: at } })
    },
  }
}

export function bindingCodeRepo({ BindingCode }: Models): BindingCodeRepo {
  // A wrong try counts against the live codes of the pool it was typed for; codes without a purpose are deputies' or staff's.
  const inPool = (pool: BindingCodePool) => (pool === 'resident' ? { purpose: 'resident' } : { purpose: { $ne: 'resident' } })
  return {
    async create({ codeHash, deputyId, createdBy, createdAt, expiresAt, purpose, codeKey, replacing }) {
      // One live code per subject of this purpose: the earlier ones not used yet go first (a failed insert after leaves
      // the subject with none, and she takes another: nothing is bound by a code that is gone).
      if (replacing) await BindingCode.deleteMany({ deputyId, purpose: purpose ?? null, usedAt: null })
      // The same hash or key twice is a ConflictError, as sqlite's primary key and unique index make it.
      await translate(() =>
        BindingCode.create({
          _id: codeHash,
          deputyId,
          createdBy,
          createdAt,
          expiresAt,
          usedAt: null,
          usedBy: null,
          wrongTries: 0,
          lockedAt: null,
          purpose: purpose ?? null,
          codeKey: codeKey ?? null,
        }),
      )
    },
    async redeem(codeHash, userId, now) {
      // Atomic: of two redemptions of one code, only the first still finds it unused.
      const doc = await BindingCode.findOneAndUpdate(
        // lockedAt: null also matches codes issued before the field existed.
        { _id: codeHash, usedAt: null, lockedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now, usedBy: userId } },
        { returnDocument: 'after' },
      ).lean<BindingCodeDoc>()
      return doc?.deputyId ?? null
    },
    async redeemAny(codeHashes, userId, now) {
      // Each one atomic, as redeem: of two redemptions of one code, only the first still finds it unused.
      const redeemed = []
      for (const codeHash of codeHashes) {
        const doc = await BindingCode.findOneAndUpdate(
          { _id: codeHash, usedAt: null, lockedAt: null, expiresAt: { $gt: now } },
          { $set: { usedAt: now, usedBy: userId } },
          { returnDocument: 'after' },
        ).lean<BindingCodeDoc>()
        if (doc) redeemed.push({ codeHash, subjectId: doc.deputyId, expiresAt: doc.expiresAt })
      }
      return redeemed
    },
    async recordWrongTry(now, lockAfter, pool = 'official') {
      // Two steps without a transaction: a try counted but not yet compared is compared by
      // the next one, and locking is idempotent.
      const live = { usedAt: null, lockedAt: null, expiresAt: { $gt: now }, ...inPool(pool) }
      await BindingCode.updateMany(live, { $inc: { wrongTries: 1 } })
      const locked = await BindingCode.updateMany({ ...live, wrongTries: { $gte: lockAfter } }, { $set: { lockedAt: now } })
      return locked.modifiedCount
    },
    async purgeExpired(before) {
      return (await BindingCode.deleteMany({ expiresAt: { $lt: before } })).deletedCount
    },
  }
}
