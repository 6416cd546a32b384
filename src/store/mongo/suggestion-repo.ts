import { Schema, type Connection } from 'mongoose'
import type { SuggestionRecord } from '../../domain/suggestion.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { SuggestionFilter, SuggestionRepo } from '../ports.js'
import { decodeSuggestion, encodeSuggestion, suggestionKeys } from '../suggestion-codec.js'
import { translate } from './errors.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'
import { escapeRegex } from './query.js'

/** The mongo side of sqlite's 025_suggestions.sql: the record as JSON beside the fields lists filter on. */
interface SuggestionDoc {
  _id: string
  number: string | null
  year: number
  status: string
  deputyId: string
  coSignerIds: string[]
  districtId: string | null
  unitIds: string[]
  keySupervision: boolean
  deadline: string | null
  cosignUntil: Date | null
  published: boolean
  searchText: string
  createdAt: Date
  version: number
  doc: string
}
interface CounterDoc {
  _id: number
  last: number
}

const fields = (s: SuggestionRecord) => ({ ...suggestionKeys(s), version: s.version, doc: encodeSuggestion(s) })

function filterOf(f: SuggestionFilter): Record<string, unknown> {
  const and: Record<string, unknown>[] = []
  if (f.deputyId) and.push({ $or: [{ deputyId: f.deputyId }, { coSignerIds: f.deputyId }] })
  if (f.districtIds) and.push({ districtId: { $in: f.districtIds } })
  if (f.unitIds) and.push({ unitIds: { $in: f.unitIds } })
  if (f.statuses) and.push({ status: { $in: f.statuses } })
  if (f.year !== undefined) and.push({ year: f.year })
  if (f.keySupervision !== undefined) and.push({ keySupervision: f.keySupervision })
  if (f.published !== undefined) and.push({ published: f.published })
  if (f.q) and.push({ searchText: { $regex: escapeRegex(f.q) } })
  if (f.cosignOpenAt) and.push({ status: 'cosigning', cosignUntil: { $gt: f.cosignOpenAt } })
  if (f.notDeputyId) and.push({ deputyId: { $ne: f.notDeputyId } })
  return and.length ? { $and: and } : {}
}

export async function suggestionRepo(conn: Connection, { Outbox }: Models): Promise<SuggestionRepo> {
  const Suggestion = conn.model<SuggestionDoc>(
    'Suggestion',
    new Schema<SuggestionDoc>(
      {
        _id: String,
        number: { type: String, default: null },
        year: Number,
        status: String,
        deputyId: String,
        coSignerIds: { type: [String], default: () => [] },
        districtId: { type: String, default: null },
        unitIds: { type: [String], default: () => [] },
        keySupervision: Boolean,
        deadline: { type: String, default: null },
        cosignUntil: { type: Date, default: null },
        published: Boolean,
        searchText: String,
        createdAt: Date,
        version: Number,
        doc: String,
      },
      { versionKey: false, id: false },
    )
      .index({ createdAt: -1, _id: -1 })
      .index({ deputyId: 1 })
      .index({ status: 1, deadline: 1 })
      .index({ number: 1 }, { unique: true, partialFilterExpression: { number: { $type: 'string' } } }),
    'suggestions',
  )
  const Counter = conn.model<CounterDoc>(
    'SuggestionCounter',
    new Schema<CounterDoc>({ _id: Number, last: Number }, { versionKey: false, id: false }),
    'suggestion_counters',
  )
  await Promise.all([Suggestion.createCollection(), Counter.createCollection()])
  await Suggestion.createIndexes()
  const find = async (filter: Record<string, unknown>, limit?: number) => {
    const query = Suggestion.find(filter, { doc: 1 }).sort({ createdAt: -1, _id: -1 })
    if (limit) query.limit(limit)
    return (await query.lean<Array<{ doc: string }>>()).map((d) => decodeSuggestion(d.doc))
  }
  return {
    async create(record, outbox) {
      await translate(() =>
        conn.transaction(async (session) => {
          await Suggestion.insertMany([{ _id: record.id, ...fields(record) }], { session })
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return record
    },
    async get(id) {
      const d = await Suggestion.findById(id, { doc: 1 }).lean<{ doc: string }>()
      return d ? decodeSuggestion(d.doc) : null
    },
    async update(record, outbox) {
      const stored = { ...record, version: record.version + 1 }
      await translate(() =>
        conn.transaction(async (session) => {
          const result = await Suggestion.updateOne({ _id: record.id, version: record.version }, { $set: fields(stored) }, { session })
          if (result.matchedCount === 0) {
            if (!(await Suggestion.exists({ _id: record.id }).session(session))) throw new NotFoundError('建议不存在')
            throw new StoreConflict('stale_suggestion')
          }
          await insertOutbox(Outbox, outbox, session)
        }),
      )
      return stored
    },
    async search(query) {
      const after = decodeTimeCursor(query.cursor)
      const base = filterOf(query)
      const filter = after ? { $and: [base, { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, _id: { $lt: after.id } }] }] } : base
      const rows = await find(filter, query.limit + 1)
      return toPage(rows, query.limit, (s) => timeCursorKey(s.createdAt, s.id))
    },
    async all(filter) {
      return find(filterOf(filter))
    },
    async nextNumber(year) {
      const d = await Counter.findOneAndUpdate({ _id: year }, { $inc: { last: 1 } }, { upsert: true, returnDocument: 'after' }).lean<CounterDoc>()
      return d!.last
    },
  }
}
