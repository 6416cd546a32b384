import { Schema, type Connection } from 'mongoose'
import type { IdempotencyRepo, MpUserPatch, MpUserRecord, MpUserRepo } from '../ports.js'
import { insertOutbox } from './outbox-repo.js'
import { NotFoundError } from '../../errors.js'
import type { IdempotencyDoc, MpUserDoc } from './case-models.js'
import type { Models } from './models.js'
import { idempotencyFromDoc, mpUserFromDoc, mpUserToDoc } from './case-records.js'
import { pickPatch } from './records.js'
import { isDuplicateKey, translate } from './errors.js'
import { refuseJoinedOfficial, refuseSecondDeputyAccount } from '../deputy-channels.js'

// The fields an update may touch, the columns the sqlite adapter rewrites.
const MP_USER_FIELDS = ['unionid', 'deputyId', 'phoneEnc', 'phoneIndex', 'consentVersion', 'consentAt', 'botContactId', 'botAlias'] as const

/**
 * A lookup on a field with a partial unique index (strings only). The planner cannot tell
 * that equality to a string implies `$type: 'string'`, so the filter says it outright, or
 * the index would be passed over for a collection scan. It matches exactly the same documents.
 */
const byString = (field: string, value: string) => ({ [field]: { $eq: value, $type: 'string' } })

/** One document per deputy ever bound, written by every binding of them (see bindDeputy). */
interface DeputyBindingDoc {
  _id: string
  bindings: number
}

export async function mpUserRepo(conn: Connection, models: Models): Promise<MpUserRepo> {
  const { MpUser, Outbox } = models
  const DeputyBinding = conn.model<DeputyBindingDoc>(
    'DeputyBinding',
    new Schema<DeputyBindingDoc>({ _id: String, bindings: Number }, { versionKey: false, id: false }),
    'deputy_bindings',
  )
  // Made before any transaction writes to it (servers before 4.4 cannot create a collection in one).
  await DeputyBinding.createCollection()
  const one = async (filter: Record<string, unknown>) => {
    const doc = await MpUser.findOne(filter).lean<MpUserDoc>()
    return doc ? mpUserFromDoc(doc) : null
  }
  return {
    async get(id) {
      return one({ _id: id })
    },
    async getByOpenid(openid) {
      return one(byString('openid', openid))
    },
    async listByDeputyId(deputyId) {
      const docs = await MpUser.find({ deputyId: { $eq: deputyId } })
        .sort({ createdAt: 1, _id: 1 })
        .lean<MpUserDoc[]>()
      return docs.map(mpUserFromDoc)
    },
    async listByDeputyIds(deputyIds) {
      // `$in` of strings: a null deputyId (a resident) never matches, as sqlite's IN never matches NULL.
      const docs = await MpUser.find({ deputyId: { $in: [...deputyIds] } })
        .sort({ deputyId: 1, createdAt: 1, _id: 1 })
        .lean<MpUserDoc[]>()
      return docs.map(mpUserFromDoc)
    },
    async getMany(ids) {
      const docs = await MpUser.find({ _id: { $in: [...ids] } }).lean<MpUserDoc[]>()
      return docs.map(mpUserFromDoc)
    },
    async getByBotContact(contactId) {
      return one(byString('botContactId', contactId))
    },
    async getByBotAlias(alias) {
      return one(byString('botAlias', alias))
    },
    async create(user: MpUserRecord) {
      await translate(() => MpUser.create(mpUserToDoc(user)))
      // The stored shape, as reads return it: the optional bot fields as null when unset.
      return { ...user, botContactId: user.botContactId ?? null, botAlias: user.botAlias ?? null }
    },
    async bindDeputy(personId, deputyId, replaces, notices) {
      // One transaction, as sqlite's; withTransaction re-runs the callback on a write conflict
      // (another binding of the deputy at once), so each attempt reads who is bound afresh.
      return translate(() =>
        conn.transaction(async (session) => {
          // Two phones binding one deputy nobody holds would each read "nobody bound" and both write
          // different documents (no unique index holds one mini-program account per deputy here, as
          // sqlite's does). Every binding first writes the deputy's one document: two at once are a
          // write conflict, the later is re-run, sees the earlier's phone and lets it go, with its notice.
          await DeputyBinding.updateOne({ _id: deputyId }, { $inc: { bindings: 1 } }, { upsert: true, session })
          const bound = await MpUser.find({ deputyId: { $eq: deputyId } })
            .sort({ createdAt: 1, _id: 1 })
            .session(session)
            .lean<MpUserDoc[]>()
          const others = bound.map(mpUserFromDoc).filter((u) => u.id !== personId)
          const replaced = others.filter(replaces)
          const person = await MpUser.findById(personId).session(session).lean<MpUserDoc>()
          refuseSecondDeputyAccount(
            person && mpUserFromDoc(person),
            others.filter((u) => !replaced.includes(u)),
          )
          refuseJoinedOfficial(person && mpUserFromDoc(person))
          if (replaced.length) await MpUser.updateMany({ _id: { $in: replaced.map((u) => u.id) } }, { $set: { deputyId: null } }, { session })
          if (!(await MpUser.updateOne({ _id: personId }, { $set: { deputyId } }, { session })).matchedCount) throw new NotFoundError('用户不存在')
          await insertOutbox(Outbox, notices(replaced), session)
          return replaced
        }),
      )
    },
    async update(id, patch: MpUserPatch) {
      const set = pickPatch(patch, MP_USER_FIELDS)
      // Binding a deputy (or a bot contact or alias) to a second account breaks a unique index: a ConflictError.
      const doc = await translate(() => MpUser.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<MpUserDoc>())
      if (!doc) throw new NotFoundError('用户不存在')
      return mpUserFromDoc(doc)
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
