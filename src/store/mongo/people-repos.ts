import type { IdempotencyRepo, MpUserPatch, MpUserRecord, MpUserRepo, OutboxQuery, OutboxRepo, OutboxStatus } from '../ports.js'
import { decodeCursor, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import type { IdempotencyDoc, MpUserDoc, OutboxDoc } from './case-models.js'
import type { Models } from './models.js'
import { idempotencyFromDoc, mpUserFromDoc, mpUserToDoc, outboxFromDoc } from './case-records.js'
import { pickPatch } from './records.js'
import { isDuplicateKey, translate } from './errors.js'

// The fields an update may touch, the columns the sqlite adapter rewrites.
const MP_USER_FIELDS = ['unionid', 'deputyId', 'phoneEnc', 'phoneIndex', 'consentVersion', 'consentAt'] as const

export function mpUserRepo({ MpUser }: Models): MpUserRepo {
  const one = async (filter: Record<string, unknown>) => {
    const doc = await MpUser.findOne(filter).lean<MpUserDoc>()
    return doc ? mpUserFromDoc(doc) : null
  }
  return {
    async get(id) {
      return one({ _id: id })
    },
    async getByOpenid(openid) {
      return one({ openid })
    },
    async getByDeputyId(deputyId) {
      return one({ deputyId })
    },
    async create(user: MpUserRecord) {
      await translate(() => MpUser.create(mpUserToDoc(user)))
      return user
    },
    async update(id, patch: MpUserPatch) {
      const set = pickPatch(patch, MP_USER_FIELDS)
      // Binding a deputy to a second account breaks the unique deputyId: a ConflictError.
      const doc = await translate(() =>
        MpUser.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<MpUserDoc>(),
      )
      if (!doc) throw new NotFoundError('用户不存在')
      return mpUserFromDoc(doc)
    },
  }
}

const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sending', 'sent', 'failed', 'dead']

export function outboxRepo({ Outbox }: Models): OutboxRepo {
  return {
    async search(query: OutboxQuery) {
      const filter: Record<string, unknown> = {}
      if (query.status) filter.status = query.status
      if (query.recipientId) filter.recipientId = query.recipientId
      if (query.kind) filter.kind = query.kind
      const after = decodeCursor(query.cursor)
      if (after !== null) filter._id = { $gt: after }
      const docs = await Outbox.find(filter).sort({ _id: 1 }).limit(query.limit + 1).lean<OutboxDoc[]>()
      return toPage(docs.map(outboxFromDoc), query.limit, (m) => m.id)
    },
    async countsByStatus() {
      const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>
      const rows = await Outbox.aggregate<{ _id: OutboxStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
      for (const r of rows) counts[r._id] = r.n
      return counts
    },
  }
}

export function idempotencyRepo({ IdempotencyKey }: Models): IdempotencyRepo {
  return {
    async claim(scope, key, requestHash, now) {
      // One atomic upsert: the document before it is null exactly when this call inserted
      // the claim. Two racing upserts of one key end with one insert; should the server
      // still report the loser's E11000, the winner's record is there to read on the retry.
      for (let attempt = 0; ; attempt++) {
        try {
          const before = await IdempotencyKey.findOneAndUpdate(
            { scope, key },
            { $setOnInsert: { requestHash, status: null, body: null, createdAt: now } },
            { upsert: true, returnDocument: 'before' },
          ).lean<IdempotencyDoc>()
          return before ? idempotencyFromDoc(before) : 'claimed'
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 2) throw err
        }
      }
    },
    async complete(scope, key, status, body) {
      // JSON text, as sqlite stores it; undefined has no JSON form and is kept as null.
      await IdempotencyKey.updateOne({ scope, key }, { $set: { status, body: JSON.stringify(body) ?? null } })
    },
    async release(scope, key) {
      // Only an unfinished claim: a completed one is what a retry must replay.
      await IdempotencyKey.deleteOne({ scope, key, status: null })
    },
    async purgeBefore(before) {
      return (await IdempotencyKey.deleteMany({ createdAt: { $lt: before } })).deletedCount
    },
  }
}
