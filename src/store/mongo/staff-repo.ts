import type { ClientSession, Connection, QueryFilter } from 'mongoose'
import type { StaffPatch, StaffQuery, StaffRecord, StaffRepo } from '../ports.js'
import { NotFoundError } from '../../errors.js'
import type { Models, StaffDoc } from './models.js'
import { pickPatch, staffFromDoc, toDoc } from './records.js'
import { nameOrPrefix, pageById } from './query.js'
import { translate } from './errors.js'
import { writeAudit } from './auth-repos.js'

// The fields an update may touch, mirroring the columns the sqlite adapter rewrites.
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

/** Staff accounts, as sqlite's staff-repo.ts: reads, create, edit (a disabled account's binding goes with it), activation dates. */
export function staffRepo({ Audit, Staff, StaffContact }: Models, conn: Connection): StaffRepo {
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
    async update(id, patch: StaffPatch, unbound) {
      const set = pickPatch(patch, STAFF_FIELDS)
      const write = (session?: ClientSession) => Staff.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', session }).lean<StaffDoc>()
      // Disabled: her WeChat binding goes with it, in one transaction, as sqlite's (the port's update says why).
      const doc = await translate(() =>
        patch.active === false
          ? conn.transaction(async (session) => {
              const found = await write(session)
              if (found && (await StaffContact.deleteOne({ staffId: id }, { session })).deletedCount && unbound) await writeAudit({ Audit }, [unbound], session)
              return found
            })
          : write(),
      )
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
