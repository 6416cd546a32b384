import { randomUUID } from 'node:crypto'
import type { ClientSession, Connection, QueryFilter, UpdateQuery } from 'mongoose'
import type { DeputyPatch, DeputyQuery, DeputyRepo } from '../ports.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import type { DeputyAway } from '../../domain/deputy-away.js'
import { dutyAfterMove, dutyDatesAt, withDutyDates } from '../../domain/duty-days.js'
import { dutyDayPlan, dutyDaysAsSeen } from '../../domain/duty-day-save.js'
import type { DeputyDoc, Models } from './models.js'
import { deputyFromDoc, dutyToDoc, formerDutyToDoc, pickPatch } from './records.js'
import { nameOrPrefix, pageById } from './query.js'
import { translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'

// The fields an update may touch, mirroring the columns the sqlite adapter rewrites.
const DEPUTY_FIELDS = ['name', 'level', 'stationIds', 'topics', 'phoneEnc', 'phoneIndex', 'active'] as const

/** Deputies, as sqlite's deputy-repo.ts: reads, his pause, a station's duty day saved whole (setDutyDay), and edits of him. */
export function deputyRepo({ Deputy, Outbox, Station }: Models, conn: Connection): DeputyRepo {
  const find = async (filter: QueryFilter<DeputyDoc>, limit?: number) => {
    const query = Deputy.find(filter).sort({ _id: 1 })
    if (limit !== undefined) query.limit(limit)
    return (await query.lean<DeputyDoc[]>()).map(deputyFromDoc)
  }
  return {
    async get(id) {
      const doc = await Deputy.findById(id).lean<DeputyDoc>()
      return doc ? deputyFromDoc(doc) : null
    },
    async getByCode(code) {
      const doc = await Deputy.findOne({ code: code.toUpperCase() }).lean<DeputyDoc>()
      return doc ? deputyFromDoc(doc) : null
    },
    async search(query: DeputyQuery) {
      const filter: Record<string, unknown> = {}
      if (query.q) Object.assign(filter, nameOrPrefix(query.q, 'code', query.q.toUpperCase()))
      if (query.level) filter.level = query.level
      // Equality on an array field matches any element, served by the multikey index.
      if (query.stationId) filter.stationIds = query.stationId
      // Any of these; with stationId too, both hold (each operator matches some element of the array).
      if (query.stationIds) filter.stationIds = query.stationId ? { $eq: query.stationId, $in: query.stationIds } : { $in: query.stationIds }
      if (query.topic) filter.topics = query.topic
      // Older documents have no field and are in office.
      if (query.active !== undefined) filter.active = query.active ? { $ne: false } : false
      return pageById(query, filter, find)
    },
    async listByStation(stationId) {
      return find({ stationIds: stationId })
    },
    async findByPhoneIndex(phoneIndex) {
      return find({ phoneIndex })
    },
    async formerAtStation(stationId) {
      return find({ 'formerDuty.stationId': stationId })
    },
    async setAway(id, away, outbox = [], expected) {
      const filter = { _id: id, ...awayAsRead(expected) }
      const set = (session?: ClientSession) => Deputy.findOneAndUpdate(filter, { $set: { away } }, { returnDocument: 'after', session }).lean<DeputyDoc>()
      // Not written: an unknown deputy, or (compare-and-set) a mark no longer as the caller read it.
      const missed = async (session?: ClientSession) =>
        expected !== undefined && (await Deputy.exists({ _id: id }).session(session ?? null))
          ? new StoreConflict('stale_away')
          : new NotFoundError('代表不存在')
      // The mark and the notices telling him of it, together or not at all (a transaction only when there are notices).
      const doc = outbox.length
        ? await translate(() =>
            conn.transaction(async (session) => {
              const found = await set(session)
              if (!found) throw await missed(session)
              await insertOutbox(Outbox, [...outbox], session)
              return found
            }),
          )
        : await translate(() => set())
      if (!doc) throw await missed()
      return deputyFromDoc(doc)
    },
    async setDutyDay(stationId, date, change) {
      // In one transaction, whose first write is to the station's document: two saves of its days at once then meet
      // there as a write conflict, and the one the driver runs again reads what the other wrote. (Read from a snapshot
      // alone, two saves of different deputies would both pass their compare and both stand.)
      const written = await translate(() =>
        conn.transaction(async (session) => {
          await Station.updateOne({ _id: stationId }, { $inc: { dutySaves: 1 } }, { session })
          const docs = await Deputy.find({ stationIds: stationId }).sort({ _id: 1 }).session(session).lean<DeputyDoc[]>()
          const deputies = docs.map(deputyFromDoc)
          const plan = dutyDayPlan(deputies, stationId, date, change)
          if (!plan.changed) throw new StoreConflict('duty_day_changed', [], { onDutyNow: plan.onDutyNow.join(',') })
          for (const w of plan.writes) {
            const d = deputies.find((x) => x.id === w.id)!
            // A new version, as every write of his duty: a move read before it reads him again (moveDeputy).
            const duty = dutyToDoc(withDutyDates(d.dutyByStation, stationId, w.dates), d.stationIds)
            await Deputy.updateOne({ _id: w.id }, { $set: { duty, version: newVersion() }, $unset: { dutyDates: 1 } }, { session })
          }
          return plan.writes.map((w) => w.id)
        }),
      )
      if (!written.length) return []
      return (
        await Deputy.find({ _id: { $in: written } })
          .sort({ _id: 1 })
          .lean<DeputyDoc[]>()
      ).map(deputyFromDoc)
    },
    async update(id, patch: DeputyPatch) {
      if (patch.stationIds) return moveDeputy(Deputy, id, patch)
      const set: Record<string, unknown> = pickPatch(patch, DEPUTY_FIELDS)
      const after = { returnDocument: 'after' } as const
      if (patch.dutyAt) {
        // One station's days, computed by the server from the document as it is at the write.
        const pipeline = [
          { $set: { ...literally(set), duty: dutyReplacingOne(patch.dutyAt, patch.stationIds), version: { $literal: newVersion() } } },
          { $unset: 'dutyDates' },
        ]
        const write = (session?: ClientSession) => Deputy.findOneAndUpdate({ _id: id }, pipeline, { ...after, updatePipeline: true, session }).lean<DeputyDoc>()
        const { stationId, seen } = patch.dutyAt
        const doc = await translate(() =>
          seen
            ? conn.transaction(async (session) => {
                // Compare-and-set, taken one after the other with setDutyDay as it takes two saves: the station's
                // document first, a write conflict with a save of its days at once (whichever deputies it writes).
                await Station.updateOne({ _id: stationId }, { $inc: { dutySaves: 1 } }, { session })
                const found = await Deputy.findById(id).session(session).lean<DeputyDoc>()
                if (!found) return null
                const daysThere = dutyDatesAt(deputyFromDoc(found).dutyByStation, stationId)
                if (!dutyDaysAsSeen(daysThere, seen)) throw new StoreConflict('duty_day_changed', [], { dutyDatesNow: daysThere.join(',') })
                return write(session)
              })
            : write(),
        )
        if (!doc) throw new NotFoundError('代表不存在')
        return deputyFromDoc(doc)
      }
      const update: UpdateQuery<DeputyDoc> = { $set: set }
      if (patch.dutyByStation) {
        // Written whole; the old list shared by every station goes. Reads keep only the deputy's stations.
        set.duty = dutyToDoc(patch.dutyByStation, Object.keys(patch.dutyByStation))
        set.version = newVersion()
        update.$unset = { dutyDates: 1 }
      }
      const doc = await translate(() => Deputy.findOneAndUpdate({ _id: id }, update, after).lean<DeputyDoc>())
      if (!doc) throw new NotFoundError('代表不存在')
      return deputyFromDoc(doc)
    },
  }
}

/** How many times a move reads again after another write of his stations or duty landed between its read and write. */
export const MOVE_ROUNDS = 5

/**
 * A fresh `version` for a write of a deputy's stations or duty. A random token rather than a counter: an import
 * replaces the document whole and cannot add one to what was there, and a token is never given twice.
 */
export const newVersion = () => randomUUID()

/**
 * A change of the deputy's stations: his duty at a station he leaves is kept as history up to the day
 * before (duty-days.ts dutyAfterMove), which needs the record as it is. Read, computed and written only if
 * his `version` is still the one read (no other write of his stations or duty meanwhile: another station's
 * staff saving their days, an import), else read again: the same outcome as sqlite's one synchronous step.
 * The version, not the arrays as read: two equal lists of duty subdocuments written by different writers
 * need not be equal to $eq, whose comparison of subdocuments depends on the order of their fields.
 * Losing MOVE_ROUNDS times running (others keep writing him), it gives up: StoreConflict 'deputy_busy', nothing written.
 */
async function moveDeputy(Deputy: Models['Deputy'], id: string, patch: DeputyPatch) {
  const { dutyAt, today, ...fields } = patch
  for (let round = 0; round < MOVE_ROUNDS; round++) {
    const doc = await Deputy.findById(id).lean<DeputyDoc>()
    if (!doc) throw new NotFoundError('代表不存在')
    const current = deputyFromDoc(doc)
    // Compare-and-set on his days there, against this version: the write below lands only on it.
    const daysThere = dutyAt ? dutyDatesAt(current.dutyByStation, dutyAt.stationId) : []
    if (dutyAt?.seen && !dutyDaysAsSeen(daysThere, dutyAt.seen)) throw new StoreConflict('duty_day_changed', [], { dutyDatesNow: daysThere.join(',') })
    const stationIds = fields.stationIds ?? current.stationIds
    const roster = fields.dutyByStation ?? current.dutyByStation
    const duty = dutyAt ? withDutyDates(roster, dutyAt.stationId, dutyAt.dates) : roster
    const moved = dutyAfterMove(current, { dutyByStation: duty, stationIds }, today ?? '')
    const former = formerDutyToDoc(moved.formerDuty, stationIds)
    const update: UpdateQuery<DeputyDoc> = {
      $set: { ...pickPatch(patch, DEPUTY_FIELDS), duty: dutyToDoc(moved.dutyByStation, stationIds), version: newVersion() },
      $unset: { dutyDates: 1 },
    }
    if (former) update.$set!.formerDuty = former
    else update.$unset = { dutyDates: 1, formerDuty: 1 }
    // null also matches a document from before versions, which has no field.
    const filter = { _id: id, version: doc.version ?? null }
    const written = await translate(() => Deputy.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<DeputyDoc>())
    if (written) return deputyFromDoc(written)
  }
  throw new StoreConflict('deputy_busy')
}

/** Values in an update pipeline's $set: a string starting with '$' is a value there, not a field. */
const literally = (set: Record<string, unknown>) => Object.fromEntries(Object.entries(set).map(([k, v]) => [k, { $literal: v }]))

/**
 * The stored duty list with one station's days replaced, as an aggregation expression. A document
 * from before duty was per station (only `dutyDates`) counts as those days at each of its stations,
 * as it is read. `stationIds`, when the same write changes them, drops the days of stations left.
 */
function dutyReplacingOne({ stationId, dates }: { stationId: string; dates: string[] }, stationIds?: string[]) {
  const legacy = { $map: { input: { $ifNull: ['$stationIds', []] }, as: 's', in: { stationId: '$$s', dates: { $ifNull: ['$dutyDates', []] } } } }
  const keep: unknown[] = [{ $ne: ['$$e.stationId', { $literal: stationId }] }]
  if (stationIds) keep.push({ $in: ['$$e.stationId', { $literal: stationIds }] })
  const others = { $filter: { input: { $ifNull: ['$duty', legacy] }, as: 'e', cond: { $and: keep } } }
  const list = [...new Set(dates)].sort()
  return list.length ? { $concatArrays: [others, [{ stationId: { $literal: stationId }, dates: { $literal: list } }]] } : others
}

/**
 * The filter for a deputy's mark as a caller read it (DeputyRepo.setAway's `expected`): none (null or no field), or
 * each field of it and who set it, as sqlite compares the columns; undefined: any.
 */
function awayAsRead(expected: DeputyAway | null | undefined): QueryFilter<DeputyDoc> {
  if (expected === undefined) return {}
  if (expected === null) return { away: null }
  return {
    'away.from': expected.from,
    'away.until': expected.until,
    'away.reason': expected.reason,
    // null matches a note never written as it matches one written as null.
    'away.note': expected.note ?? null,
    'away.bySelf': expected.bySelf ? true : { $ne: true },
  }
}
