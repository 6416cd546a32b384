import type { Db } from './open.js'
import type { DirectoryRepo, DirectorySnapshot, RegionRepo, StationPatch, StationQuery, StationRepo } from '../ports.js'
import type { Station } from '../../domain/directory.js'
import type { AuditEntry } from '../ports.js'
import { auditWriter } from './auth-repos.js'
import { decodeCursor, toPage } from '../cursor.js'
import { NotFoundError } from '../../errors.js'
import { deputyFromRow, regionFromRow, staffFromRow, stationFromRow, unitFromRow } from './rows.js'
import { translate } from './errors.js'
import { limitSql } from './sql-limit.js'
import { DEPUTY_SELECT, nameOrCode, Where, writeDeputyStations } from './directory-sql.js'

export function regionRepo(db: Db): RegionRepo {
  const all = db.prepare('SELECT * FROM regions ORDER BY id')
  const byId = db.prepare('SELECT * FROM regions WHERE id = ?')
  return {
    async list() {
      return all.all().map(regionFromRow)
    },
    async get(id) {
      const row = byId.get(id)
      return row ? regionFromRow(row as object) : null
    },
  }
}

export function stationRepo(db: Db): StationRepo {
  const byId = db.prepare('SELECT * FROM stations WHERE id = ?')
  const byCode = db.prepare('SELECT * FROM stations WHERE code = ?')
  const all = db.prepare('SELECT * FROM stations ORDER BY id')
  const get = (id: string) => {
    const row = byId.get(id)
    return row ? stationFromRow(row as object) : null
  }
  return {
    async get(id) {
      return get(id)
    },
    async getByCode(code) {
      const row = byCode.get(code.toUpperCase())
      return row ? stationFromRow(row as object) : null
    },
    async list() {
      return all.all().map(stationFromRow)
    },
    async search(query: StationQuery) {
      const where = new Where()
      nameOrCode(where, 's', query.q)
      if (query.kind) where.add('s.kind = ?', query.kind)
      const after = decodeCursor(query.cursor)
      if (after !== null) where.add('s.id > ?', after)
      const rows = db.prepare(`SELECT * FROM stations s ${where} ORDER BY s.id ${limitSql(query.limit + 1)}`).all(...where.params)
      return toPage(rows.map(stationFromRow), query.limit, (s) => s.id)
    },
    async update(id, patch: StationPatch) {
      const current = get(id)
      if (!current) throw new NotFoundError('联络站不存在')
      const { receptionHours, ...rest } = { ...current, ...patch }
      const next: Station = { ...rest, ...(receptionHours ? { receptionHours } : {}) }
      db.prepare(
        `UPDATE stations SET name = ?, kind = ?, address = ?, region_ids = ?, reception_days = ?, reception_from = ?, reception_to = ? WHERE id = ?`,
      ).run(
        next.name,
        next.kind,
        next.address,
        JSON.stringify(next.regionIds),
        JSON.stringify(next.receptionDays),
        receptionHours?.from ?? null,
        receptionHours?.to ?? null,
        id,
      )
      return next
    },
  }
}

export function directoryRepo(db: Db): DirectoryRepo {
  const upsertRegion = db.prepare(`INSERT INTO regions (id, name, kind, parent_id) VALUES (@id, @name, @kind, @parentId)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`)
  const upsertStation = db.prepare(`INSERT INTO stations (id, code, name, kind, address, region_ids, reception_days, reception_from, reception_to)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, kind = excluded.kind,
    address = excluded.address, region_ids = excluded.region_ids, reception_days = excluded.reception_days,
    reception_from = excluded.reception_from, reception_to = excluded.reception_to`)
  const upsertDeputy = db.prepare(`INSERT INTO deputies (id, code, name, level, topics, phone_enc, phone_index, active)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, level = excluded.level,
    topics = excluded.topics, phone_enc = excluded.phone_enc, phone_index = excluded.phone_index, active = excluded.active`)
  const upsertStaff = db.prepare(`INSERT INTO staff (id, username, name, role, station_ids, region_ids, unit_ids, password_hash, activation_hash,
    activation_issued_at, must_change_password, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET username = excluded.username,
    name = excluded.name, role = excluded.role, station_ids = excluded.station_ids, region_ids = excluded.region_ids, unit_ids = excluded.unit_ids,
    password_hash = excluded.password_hash, activation_hash = excluded.activation_hash, activation_issued_at = excluded.activation_issued_at,
    must_change_password = excluded.must_change_password, active = excluded.active`)
  const upsertUnit = db.prepare(`INSERT INTO units (id, code, name, kind, region_id, contact, active) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, kind = excluded.kind, region_id = excluded.region_id,
    contact = excluded.contact, active = excluded.active`)

  // Codes and user names may move between records in one import (a swap), so the
  // unique checks are deferred by parking the old values first.
  const letGoOfBinding = db.prepare('DELETE FROM staff_contacts WHERE staff_id = ?')
  const writeAudit = auditWriter(db)
  const upsertAll = db.transaction((records: DirectorySnapshot, unbound?: (staffId: string) => AuditEntry) => {
    const park = (table: string, column: string, ids: string[]) => {
      const stmt = db.prepare(`UPDATE ${table} SET ${column} = '~' || id WHERE id = ?`)
      for (const id of ids) stmt.run(id)
    }
    park(
      'stations',
      'code',
      records.stations.map((s) => s.id),
    )
    park(
      'units',
      'code',
      records.units.map((u) => u.id),
    )
    park(
      'deputies',
      'code',
      records.deputies.map((d) => d.id),
    )
    park(
      'staff',
      'username',
      records.staff.map((s) => s.id),
    )
    for (const r of records.regions) upsertRegion.run(r)
    for (const s of records.stations) {
      const hours = [s.receptionHours?.from ?? null, s.receptionHours?.to ?? null]
      upsertStation.run(s.id, s.code, s.name, s.kind, s.address, JSON.stringify(s.regionIds), JSON.stringify(s.receptionDays), ...hours)
    }
    for (const u of records.units) upsertUnit.run(u.id, u.code, u.name, u.kind, u.regionId, u.contact, u.active ? 1 : 0)
    for (const d of records.deputies) {
      upsertDeputy.run(d.id, d.code, d.name, d.level, JSON.stringify(d.topics), d.phoneEnc, d.phoneIndex, d.active === false ? 0 : 1)
      writeDeputyStations(db, d)
    }
    for (const s of records.staff) {
      const lists = [JSON.stringify(s.stationIds), JSON.stringify(s.regionIds), JSON.stringify(s.unitIds ?? [])]
      const issuedAt = s.activationIssuedAt?.toISOString() ?? null
      const mustChange = s.mustChangePassword ? 1 : 0
      upsertStaff.run(s.id, s.username, s.name, s.role, ...lists, s.passwordHash, s.activationHash ?? null, issuedAt, mustChange, s.active ? 1 : 0)
      // As StaffRepo.update: a disabled account's WeChat binding goes with it.
      if (!s.active && letGoOfBinding.run(s.id).changes && unbound) writeAudit(unbound(s.id))
    }
  })

  return {
    async snapshot() {
      return {
        regions: db.prepare('SELECT * FROM regions ORDER BY id').all().map(regionFromRow),
        stations: db.prepare('SELECT * FROM stations ORDER BY id').all().map(stationFromRow),
        units: db.prepare('SELECT * FROM units ORDER BY id').all().map(unitFromRow),
        deputies: db.prepare(`${DEPUTY_SELECT} ORDER BY d.id`).all().map(deputyFromRow),
        staff: db.prepare('SELECT * FROM staff ORDER BY id').all().map(staffFromRow),
      }
    },
    async counts() {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
      return { regions: count('regions'), stations: count('stations'), units: count('units'), deputies: count('deputies'), staff: count('staff') }
    },
    async upsertAll(records, unbound) {
      translate(() => upsertAll(records, unbound))
    },
    async changedElsewhereMark() {
      // SQLite counts the commits of other connections to the file, never this one's own.
      return db.pragma('data_version', { simple: true }) as number
    },
  }
}
