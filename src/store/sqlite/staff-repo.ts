import type { Db } from './open.js'
import type { StaffPatch, StaffQuery, StaffRecord, StaffRepo } from '../ports.js'
import { auditWriter } from './auth-repos.js'
import { decodeCursor, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { staffFromRow } from './rows.js'
import { translate } from './errors.js'
import { limitSql } from './sql-limit.js'
import { Where } from './directory-sql.js'

/** Staff accounts: reads, create, edit (a disabled account's WeChat binding goes with it), activation dates. */
export function staffRepo(db: Db): StaffRepo {
  const byId = db.prepare('SELECT * FROM staff WHERE id = ?')
  const letGoOfBinding = db.prepare('DELETE FROM staff_contacts WHERE staff_id = ?')
  const writeAudit = auditWriter(db)
  const byUsername = db.prepare('SELECT * FROM staff WHERE username = ?')
  const get = (id: string) => {
    const row = byId.get(id)
    return row ? staffFromRow(row as object) : null
  }
  const write = (s: StaffRecord, insert: boolean) =>
    translate(() =>
      db
        .prepare(
          insert
            ? `INSERT INTO staff (name, role, station_ids, region_ids, unit_ids, password_hash, activation_hash, activation_issued_at, must_change_password, active, id, username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
            : `UPDATE staff SET name = ?, role = ?, station_ids = ?, region_ids = ?, unit_ids = ?, password_hash = ?, activation_hash = ?, activation_issued_at = ?, must_change_password = ?, active = ? WHERE id = ? AND username = ?`,
        )
        .run(
          s.name,
          s.role,
          JSON.stringify(s.stationIds),
          JSON.stringify(s.regionIds),
          JSON.stringify(s.unitIds ?? []),
          s.passwordHash,
          s.activationHash ?? null,
          s.activationIssuedAt?.toISOString() ?? null,
          s.mustChangePassword ? 1 : 0,
          s.active ? 1 : 0,
          s.id,
          s.username,
        ),
    )
  return {
    async get(id) {
      return get(id)
    },
    async getByUsername(username) {
      const row = byUsername.get(username)
      return row ? staffFromRow(row as object) : null
    },
    async search(query: StaffQuery) {
      const where = new Where()
      if (query.q) where.add('(instr(s.name, ?) > 0 OR instr(s.username, lower(?)) = 1)', query.q, query.q)
      if (query.role) where.add('s.role = ?', query.role)
      if (query.stationId) where.add('EXISTS (SELECT 1 FROM json_each(s.station_ids) WHERE value = ?)', query.stationId)
      if (query.unitId) where.add('EXISTS (SELECT 1 FROM json_each(s.unit_ids) WHERE value = ?)', query.unitId)
      const after = decodeCursor(query.cursor)
      if (after !== null) where.add('s.id > ?', after)
      const rows = db.prepare(`SELECT * FROM staff s ${where} ORDER BY s.id ${limitSql(query.limit + 1)}`).all(...where.params)
      return toPage(rows.map(staffFromRow), query.limit, (s) => s.id)
    },
    async create(record) {
      write(record, true)
      return record
    },
    async update(id, patch: StaffPatch, unbound) {
      const current = get(id)
      if (!current) throw new NotFoundError('工作人员不存在')
      const next = { ...current, ...patch }
      // Disabled: her WeChat binding goes with it, in the same transaction (a binding alone outliving it would reach her
      // again were the account enabled later).
      db.transaction(() => {
        write(next, false)
        if (patch.active === false && letGoOfBinding.run(id).changes && unbound) writeAudit(unbound)
      })()
      return next
    },
    async countByRole(role) {
      return db.prepare('SELECT count(*) FROM staff WHERE role = ? AND active = 1').pluck().get(role) as number
    },
    async dateUndatedActivations(at) {
      const dating = db.prepare('UPDATE staff SET activation_issued_at = ? WHERE activation_hash IS NOT NULL AND activation_issued_at IS NULL')
      return dating.run(at.toISOString()).changes
    },
  }
}
