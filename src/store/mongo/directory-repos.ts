import type { QueryFilter } from 'mongoose'
import type { RegionRepo, StationPatch, StationQuery, StationRepo } from '../ports.js'
import { NotFoundError } from '../../errors.js'
import type { Models, RegionDoc, StationDoc } from './models.js'
import { pickPatch, regionFromDoc, stationFromDoc } from './records.js'
import { nameOrPrefix, pageById } from './query.js'
import { translate } from './errors.js'

// Where they were before deputies and staff had files of their own (directory-upsert.ts, tests).
export { MOVE_ROUNDS, newVersion } from './deputy-repo.js'

// The fields each update may touch, mirroring the columns the sqlite adapter rewrites.
const STATION_FIELDS = ['name', 'kind', 'address', 'regionIds', 'receptionDays', 'receptionHours'] as const

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
