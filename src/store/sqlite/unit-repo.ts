import type { Unit } from '../../domain/directory.js'
import { NotFoundError } from '../../errors.js'
import type { UnitPatch, UnitRepo } from '../ports.js'
import { translate } from './errors.js'
import type { Db } from './open.js'
import { unitFromRow } from './rows.js'

export function unitRepo(db: Db): UnitRepo {
  const byId = db.prepare('SELECT * FROM units WHERE id = ?')
  const insert = db.prepare('INSERT INTO units (id, code, name, kind, region_id, contact, active) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE units SET name = ?, kind = ?, region_id = ?, contact = ?, active = ? WHERE id = ?')
  const get = (id: string) => {
    const row = byId.get(id)
    return row ? unitFromRow(row) : null
  }
  return {
    async list() {
      return db.prepare('SELECT * FROM units ORDER BY code').all().map(unitFromRow)
    },
    async get(id) {
      return get(id)
    },
    async create(u: Unit) {
      translate(() => insert.run(u.id, u.code, u.name, u.kind, u.regionId, u.contact, u.active ? 1 : 0))
      return u
    },
    async update(id, patch: UnitPatch) {
      const current = get(id)
      if (!current) throw new NotFoundError('承办单位不存在')
      const next = { ...current, ...patch }
      update.run(next.name, next.kind, next.regionId, next.contact, next.active ? 1 : 0, id)
      return next
    },
  }
}
