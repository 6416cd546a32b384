import type { Unit } from '../../domain/directory.js'
import { NotFoundError } from '../../errors.js'
import type { UnitPatch, UnitRepo } from '../ports.js'
import { translate } from './errors.js'
import type { Models, UnitDoc } from './models.js'
import { pickPatch, toDoc, unitFromDoc } from './records.js'

const UNIT_FIELDS = ['name', 'kind', 'regionId', 'contact', 'active'] as const

export function unitRepo({ Unit }: Models): UnitRepo {
  return {
    async list() {
      return (await Unit.find().sort({ code: 1 }).lean<UnitDoc[]>()).map(unitFromDoc)
    },
    async get(id) {
      const doc = await Unit.findById(id).lean<UnitDoc>()
      return doc ? unitFromDoc(doc) : null
    },
    async create(unit: Unit) {
      await translate(() => Unit.create(toDoc(unit)))
      return unit
    },
    async update(id, patch: UnitPatch) {
      const set = pickPatch(patch, UNIT_FIELDS)
      const doc = await translate(() => Unit.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<UnitDoc>())
      if (!doc) throw new NotFoundError('承办单位不存在')
      return unitFromDoc(doc)
    },
  }
}
