import { Schema, type Connection } from 'mongoose'
import type { SuggestionRecord } from '../../domain/suggestion.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { decodeTimeCursor, timeCursorKey, toPage } from '../cursor.js'
import type { SuggestionStatus } from '../../domain/suggestion.js'
import type { OverdueCount, SuggestionFilter, SuggestionRepo } from '../ports.js'
import { decodeDueCursor, decodeSuggestion, dueCursor, encodeSuggestion, suggestionKeys } from '../suggestion-codec.js'
import { translate } from './errors.js'
import type { Models } from './models.js'
import { insertOutbox } from './outbox-repo.js'
import { escapeRegex } from './query.js'

/** The mongo side of sqlite's 025_suggestions.sql: the record as JSON beside the fields lists filter on. */
export interface SuggestionDoc {
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
  dueBy: string | null
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
        dueBy: { type: String, default: null },
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
      // What is owed by a day (dueBy, as sqlite's partial index of 084), in the overdue list's order; and, by status, what
      // the jobs read of it (the deadline job's 交办/重新办理, the promise job's 正在办理) and the counts of the 工作概览.
      // It replaces { status, deadline }, whose deadline no query asked by (the jobs read by status only).
      .index({ dueBy: 1, _id: 1 }, { partialFilterExpression: { dueBy: { $type: 'string' } } })
      .index({ status: 1, dueBy: 1 })
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
  // Records kept before dueBy was get it in a one-off step at start (suggestions-due-filled.ts).
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
    async overdue(query, today) {
      const after = decodeDueCursor(query.cursor)
      const and: Record<string, unknown>[] = [filterOf(query), { dueBy: { $type: 'string', $lt: today } }]
      if (after) and.push({ $or: [{ dueBy: { $gt: after.day } }, { dueBy: after.day, _id: { $gt: after.id } }] })
      const rows = (
        await Suggestion.find({ $and: and }, { doc: 1 })
          .sort({ dueBy: 1, _id: 1 })
          .limit(query.limit + 1)
          .lean<Array<{ doc: string }>>()
      ).map((d) => decodeSuggestion(d.doc))
      const items = rows.slice(0, query.limit)
      return { items, nextCursor: rows.length > query.limit && items.length ? dueCursor(items[items.length - 1]) : null }
    },
    async countByStatus(filter) {
      const rows = await Suggestion.aggregate<{ _id: SuggestionStatus; n: number }>([
        { $match: filterOf(filter) },
        { $group: { _id: '$status', n: { $sum: 1 } } },
      ])
      return Object.fromEntries(rows.map((r) => [r._id, r.n]))
    },
    async countOverdue(filter, today) {
      const rows = await Suggestion.aggregate<{ _id: SuggestionStatus; n: number; k: number }>([
        { $match: { $and: [filterOf(filter), { dueBy: { $type: 'string', $lt: today } }] } },
        { $group: { _id: '$status', n: { $sum: 1 }, k: { $sum: { $cond: ['$keySupervision', 1, 0] } } } },
      ])
      return Object.fromEntries(rows.map((r): [SuggestionStatus, OverdueCount] => [r._id, { all: r.n, key: r.k }]))
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
