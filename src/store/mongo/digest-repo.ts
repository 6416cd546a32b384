import type { Connection } from 'mongoose'
import type { DigestPreferences, DigestRepo } from '../ports.js'
import type { DigestDoc, DigestPreferencesDoc } from './digest-models.js'
import type { Models } from './models.js'
import { isDuplicateKey, translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'

// Every field picked by name, so no `_id` or `updatedAt` leaks out.
const preferencesFromDoc = (d: DigestPreferencesDoc): DigestPreferences => ({
  channels: [...(d.channels ?? [])],
  sendAt: d.sendAt ?? null,
  muteWeekends: d.muteWeekends === true,
})

export function digestRepo(conn: Connection, { DigestPreferences, Digest, Outbox }: Models): DigestRepo {
  return {
    async allPreferences() {
      const out: Record<string, DigestPreferences> = {}
      for (const d of await DigestPreferences.find({}).lean<DigestPreferencesDoc[]>()) out[d._id] = preferencesFromDoc(d)
      return out
    },
    async preferences(deputyId) {
      const doc = await DigestPreferences.findOne({ _id: deputyId }).lean<DigestPreferencesDoc>()
      return doc ? preferencesFromDoc(doc) : null
    },
    async savePreferences(deputyId, p, at) {
      // An upsert on `_id`, as bot-repo's saveDialogue: should a racing upsert still surface
      // E11000, the document is there now and the retry replaces its fields.
      for (let attempt = 0; ; attempt++) {
        try {
          await DigestPreferences.updateOne(
            { _id: deputyId },
            { $set: { channels: [...p.channels], sendAt: p.sendAt, muteWeekends: p.muteWeekends, updatedAt: at } },
            { upsert: true },
          )
          return
        } catch (err) {
          if (!isDuplicateKey(err) || attempt >= 2) throw err
        }
      }
    },
    async sentOn(day) {
      return (await Digest.find({ day }, { _id: 0, deputyId: 1 }).lean<Array<Pick<DigestDoc, 'deputyId'>>>()).map((d) => d.deputyId)
    },
    async lastMade() {
      const out: Record<string, Date> = {}
      // Sorted on the (deputyId, createdAt) index and taking each deputy's first: the server
      // reads one index key per deputy (a distinct scan) instead of every digest ever made,
      // 9,000 deputies × 365 days a year at a city's scale.
      const rows = await Digest.aggregate<{ _id: string; at: Date }>([
        { $sort: { deputyId: 1, createdAt: -1 } },
        { $group: { _id: '$deputyId', at: { $first: '$createdAt' } } },
      ])
      for (const r of rows) out[r._id] = new Date(r.at)
      return out
    },
    async record(day, digests, at) {
      // One transaction. A digest already there is left alone by the upsert ($setOnInsert),
      // so no E11000 aborts the rest; only a new one gets its message, itself inserted only
      // if its dedupe key is new. withTransaction may re-run the callback, so the count
      // starts afresh in each attempt.
      return translate(() =>
        conn.transaction(async (session) => {
          if (!digests.length) return 0
          // Two round trips for a batch of 500 deputies, not two per deputy: the upserts in one
          // bulk write, then the messages of those it inserted (its upsertedIds, by position).
          const result = await Digest.bulkWrite(
            digests.map(({ deputyId, message }) => ({
              updateOne: { filter: { deputyId, day }, update: { $setOnInsert: { deputyId, day, createdAt: at, outboxId: message.id } }, upsert: true },
            })),
            { session, ordered: true },
          )
          const made = digests.filter((_, i) => result.upsertedIds[i] !== undefined).map((d) => d.message)
          await insertOutbox(Outbox, made, session)
          return made.length
        }),
      )
    },
  }
}
