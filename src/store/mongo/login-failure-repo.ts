import { Schema, type Connection } from 'mongoose'
import type { LoginFailureKey, LoginFailureKind, LoginFailureRepo, UserLoginCounts } from '../ports.js'
import { createIndexes } from './indexes.js'
import { isDuplicateKey } from './errors.js'
import type { ServerClock } from './server-clock.js'

/** The mongo side of sqlite's 057_login_failures.sql: one document per count, `_id` its key. */
interface LoginFailureDoc {
  _id: string
  kind: LoginFailureKind
  username: string
  client: string
  failures: number
  /** In the server's time, as the TTL monitor that removes the document reads it. */
  resetsAt: Date
}

/** One string per key, unambiguous whatever the name or address holds. */
const idOf = (key: LoginFailureKey) => JSON.stringify([key.kind, key.username, key.client])

export async function loginFailureRepo(conn: Connection, clock: ServerClock): Promise<LoginFailureRepo> {
  const schema = new Schema<LoginFailureDoc>(
    { _id: String, kind: String, username: String, client: String, failures: Number, resetsAt: Date },
    { versionKey: false, id: false },
  )
  // The server removes a count once its window has ended (its TTL monitor passes every minute;
  // until then the count is read as ended, so nothing depends on when it passes).
  schema.index({ resetsAt: 1 }, { expireAfterSeconds: 0 })
  // An admin's 解除锁定 finds every count of a name, at every address.
  schema.index({ username: 1, kind: 1 })
  const LoginFailure = conn.model<LoginFailureDoc>('LoginFailure', schema, 'login_failures')
  await createIndexes({ LoginFailure })

  return {
    async add(keys, windowMs, instanceNow) {
      // In the server's time, as the job locks are: instances with skewed clocks agree when a window ends.
      const now = clock.at(instanceNow)
      const resetsAt = new Date(now.getTime() + windowMs)
      const live = { $gt: ['$resetsAt', now] }
      return Promise.all(
        keys.map(async (key) => {
          // One atomic update per count, as sqlite's single upsert: the old values on the right,
          // so an ended window starts again at 1. Names and addresses are typed by people:
          // $literal, or one starting with "$" would be read as a field of the document.
          const update = [
            {
              $set: {
                kind: { $literal: key.kind },
                username: { $literal: key.username },
                client: { $literal: key.client },
                failures: { $cond: [live, { $add: ['$failures', 1] }, 1] },
                resetsAt: { $cond: [live, '$resetsAt', resetsAt] },
              },
            },
          ]
          for (let attempt = 0; ; attempt++) {
            try {
              const doc = await LoginFailure.findOneAndUpdate({ _id: idOf(key) }, update, {
                upsert: true,
                returnDocument: 'after',
                updatePipeline: true,
              }).lean<LoginFailureDoc>()
              if (!doc) throw new Error('login_failures: the upsert returned no document')
              return { failures: doc.failures, resetsInMs: Math.max(new Date(doc.resetsAt).getTime() - now.getTime(), 0) }
            } catch (err) {
              // Two first tries at once both insert: the loser's retry finds the winner's document and adds to it.
              if (!isDuplicateKey(err) || attempt >= 2) throw err
            }
          }
        }),
      )
    },
    async clear(keys) {
      await LoginFailure.deleteMany({ _id: { $in: keys.map(idOf) } })
    },
    async takeBack(key, instanceNow) {
      await LoginFailure.updateOne({ _id: idOf(key), resetsAt: { $gt: clock.at(instanceNow) }, failures: { $gt: 0 } }, { $inc: { failures: -1 } })
    },
    async userCounts(usernames, instanceNow) {
      const out = new Map<string, UserLoginCounts>()
      if (!usernames.length) return out
      // By the index on (username, kind); a count whose window ended is nothing, whether or not the TTL monitor has passed.
      const docs = await LoginFailure.find(
        { username: { $in: usernames }, kind: { $in: ['user', 'user_at_client'] }, resetsAt: { $gt: clock.at(instanceNow) } },
        { username: 1, kind: 1, failures: 1 },
      ).lean<Array<Pick<LoginFailureDoc, 'username' | 'kind' | 'failures'>>>()
      for (const d of docs) {
        const counts = out.get(d.username) ?? { atOneAddress: 0, everywhere: 0 }
        if (d.kind === 'user') counts.everywhere = d.failures
        else counts.atOneAddress = Math.max(counts.atOneAddress, d.failures)
        out.set(d.username, counts)
      }
      return out
    },
    async clearUser(username) {
      await LoginFailure.deleteMany({ username: { $eq: username }, kind: { $in: ['user', 'user_at_client'] } })
    },
  }
}
