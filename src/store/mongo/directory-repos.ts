import type { ClientSession, Connection, QueryFilter, UpdateQuery } from 'mongoose'
import type {
  DeputyPatch,
  DeputyQuery,
  DeputyRepo,
  RegionRepo,
  StaffPatch,
  StaffQuery,
  StaffRecord,
  StaffRepo,
  StationPatch,
  StationQuery,
  StationRepo,
} from '../ports.js'
import { NotFoundError } from '../../errors.js'
import type { DeputyDoc, Models, RegionDoc, StaffDoc, StationDoc } from './models.js'
import { deputyFromDoc, dutyToDoc, pickPatch, regionFromDoc, staffFromDoc, stationFromDoc, toDoc } from './records.js'
import { nameOrPrefix, pageById } from './query.js'
import { translate } from './errors.js'
import { insertOutbox } from './outbox-repo.js'

// The fields each update may touch, mirroring the columns the sqlite adapter rewrites.
const STATION_FIELDS = ['name', 'kind', 'address', 'regionIds', 'receptionDays'] as const
const DEPUTY_FIELDS = ['name', 'level', 'stationIds', 'topics', 'phoneEnc', 'phoneIndex', 'active'] as const
const STAFF_FIELDS = [
  'name',
  'role',
  'stationIds',
  'regionIds',
  'unitIds',
  'active',
  'passwordHash',
  'activationHash',
  'activationIssuedAt',
  'mustChangePassword',
] as const

export function regionRepo({ Region }: Models): RegionRepo {
  return {
    async list() {
      return (await Region.find().sort({ _id: 1 }).lean<RegionDoc[]>()).map(regionFromDoc)
    },
    async get(id) {
      const doc = await Region.findById(id).lean<RegionDoc>()
      return doc ? regionFromDoc(doc) : null
    },
  }
}

export function stationRepo({ Station }: Models): StationRepo {
  const find = async (filter: QueryFilter<StationDoc>, limit?: number) => {
    const query = Station.find(filter).sort({ _id: 1 })
    if (limit !== undefined) query.limit(limit)
    return (await query.lean<StationDoc[]>()).map(stationFromDoc)
  }
  return {
    async get(id) {
      const doc = await Station.findById(id).lean<StationDoc>()
      return doc ? stationFromDoc(doc) : null
    },
    async getByCode(code) {
      const doc = await Station.findOne({ code: code.toUpperCase() }).lean<StationDoc>()
      return doc ? stationFromDoc(doc) : null
    },
    async list() {
      return find({})
    },
    async search(query: StationQuery) {
      const filter: Record<string, unknown> = {}
      if (query.q) Object.assign(filter, nameOrPrefix(query.q, 'code', query.q.toUpperCase()))
      if (query.kind) filter.kind = query.kind
      return pageById(query, filter, find)
    },
    async update(id, patch: StationPatch) {
      const set = pickPatch(patch, STATION_FIELDS)
      const doc = await translate(() => Station.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<StationDoc>())
      if (!doc) throw new NotFoundError('联络站不存在')
      return stationFromDoc(doc)
    },
  }
}

export function deputyRepo({ Deputy, Outbox }: Models, conn: Connection): DeputyRepo {
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
    async setAway(id, away, outbox = []) {
      const set = (session?: ClientSession) => Deputy.findOneAndUpdate({ _id: id }, { $set: { away } }, { returnDocument: 'after', session }).lean<DeputyDoc>()
      // The mark and the notices telling him of it, together or not at all (a transaction only when there are notices).
      const doc = outbox.length
        ? await translate(() =>
            conn.transaction(async (session) => {
              const found = await set(session)
              if (!found) throw new NotFoundError('代表不存在')
              await insertOutbox(Outbox, [...outbox], session)
              return found
            }),
          )
        : await translate(() => set())
      if (!doc) throw new NotFoundError('代表不存在')
      return deputyFromDoc(doc)
    },
    async update(id, patch: DeputyPatch) {
      const set: Record<string, unknown> = pickPatch(patch, DEPUTY_FIELDS)
      const after = { returnDocument: 'after' } as const
      if (patch.dutyAt) {
        // One station's days, computed by the server from the document as it is at the write.
        const pipeline = [{ $set: { ...literally(set), duty: dutyReplacingOne(patch.dutyAt, patch.stationIds) } }, { $unset: 'dutyDates' }]
        const doc = await translate(() => Deputy.findOneAndUpdate({ _id: id }, pipeline, { ...after, updatePipeline: true }).lean<DeputyDoc>())
        if (!doc) throw new NotFoundError('代表不存在')
        return deputyFromDoc(doc)
      }
      const update: UpdateQuery<DeputyDoc> = { $set: set }
      if (patch.dutyByStation) {
        // Written whole; the old list shared by every station goes. Reads keep only the deputy's stations.
        set.duty = dutyToDoc(patch.dutyByStation, patch.stationIds ?? Object.keys(patch.dutyByStation))
        update.$unset = { dutyDates: 1 }
      } else if (patch.stationIds) {
        // Days at a station the deputy leaves go with it; the others' stay as they are stored.
        update.$pull = { duty: { stationId: { $nin: patch.stationIds } } }
      }
      const doc = await translate(() => Deputy.findOneAndUpdate({ _id: id }, update, after).lean<DeputyDoc>())
      if (!doc) throw new NotFoundError('代表不存在')
      return deputyFromDoc(doc)
    },
  }
}

export function staffRepo({ Staff }: Models): StaffRepo {
  const find = async (filter: QueryFilter<StaffDoc>, limit?: number) => {
    const query = Staff.find(filter).sort({ _id: 1 })
    if (limit !== undefined) query.limit(limit)
    return (await query.lean<StaffDoc[]>()).map(staffFromDoc)
  }
  return {
    async get(id) {
      const doc = await Staff.findById(id).lean<StaffDoc>()
      return doc ? staffFromDoc(doc) : null
    },
    async getByUsername(username) {
      const doc = await Staff.findOne({ username }).lean<StaffDoc>()
      return doc ? staffFromDoc(doc) : null
    },
    async search(query: StaffQuery) {
      const filter: Record<string, unknown> = {}
      if (query.q) Object.assign(filter, nameOrPrefix(query.q, 'username', query.q.toLowerCase()))
      if (query.role) filter.role = query.role
      if (query.stationId) filter.stationIds = query.stationId
      if (query.unitId) filter.unitIds = query.unitId
      return pageById(query, filter, find)
    },
    async create(record: StaffRecord) {
      await translate(() => Staff.create(toDoc(record)))
      return record
    },
    async update(id, patch: StaffPatch) {
      const set = pickPatch(patch, STAFF_FIELDS)
      const doc = await translate(() => Staff.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<StaffDoc>())
      if (!doc) throw new NotFoundError('工作人员不存在')
      return staffFromDoc(doc)
    },
    async countByRole(role) {
      return Staff.countDocuments({ role, active: true })
    },
    async dateUndatedActivations(at) {
      // null matches a missing field too: documents written before codes expired have none.
      const { modifiedCount } = await Staff.updateMany({ activationHash: { $type: 'string' }, activationIssuedAt: null }, { $set: { activationIssuedAt: at } })
      return modifiedCount
    },
  }
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
