import type { Db } from './open.js'
import type {
  DeputyPatch,
  DeputyQuery,
  DeputyRecord,
  DeputyRepo,
  DirectoryRepo,
  DirectorySnapshot,
  RegionRepo,
  StaffPatch,
  StaffQuery,
  StaffRecord,
  StaffRepo,
  StationPatch,
  StationQuery,
  StationRepo,
} from '../ports.js'
import type { Station } from '../../domain/directory.js'
import type { DeputyAway } from '../../domain/deputy-away.js'
import type { OutboxMessage } from '../ports.js'
import { outboxWriter } from './outbox-writer.js'
import { decodeCursor, toPage } from '../cursor.js'
import { placeholders } from './sql.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { dutyAfterMove, dutyDatesAt, withDutyDates } from '../../domain/duty-days.js'
import { deputyFromRow, regionFromRow, staffFromRow, stationFromRow, unitFromRow } from './rows.js'
import { translate } from './errors.js'
import { limitSql } from './sql-limit.js'
import type { GroupCommit } from './group-commit.js'

const DEPUTY_SELECT = `SELECT d.*, (SELECT json_group_array(station_id) FROM
  (SELECT station_id FROM deputy_stations WHERE deputy_id = d.id ORDER BY position)) AS station_ids,
  (SELECT json_group_object(station_id, json(duty_dates)) FROM deputy_stations WHERE deputy_id = d.id AND duty_dates <> '[]') AS duty_by_station,
  (SELECT json_group_object(station_id, json(duty_dates)) FROM deputy_former_duty WHERE deputy_id = d.id) AS former_duty
  FROM deputies d`

/** Builds "WHERE a AND b" from optional filters, keeping parameters beside their clause. */
class Where {
  clauses: string[] = []
  params: unknown[] = []
  add(clause: string, ...params: unknown[]) {
    this.clauses.push(clause)
    this.params.push(...params)
    return this
  }
  toString() {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : ''
  }
}

function nameOrCode(where: Where, alias: string, q: string | undefined) {
  if (q) where.add(`(instr(${alias}.name, ?) > 0 OR instr(${alias}.code, upper(?)) = 1)`, q, q)
}

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
      const next: Station = { ...current, ...patch }
      db.prepare(`UPDATE stations SET name = ?, kind = ?, address = ?, region_ids = ?, reception_days = ? WHERE id = ?`).run(
        next.name,
        next.kind,
        next.address,
        JSON.stringify(next.regionIds),
        JSON.stringify(next.receptionDays),
        id,
      )
      return next
    },
  }
}

export function deputyRepo(db: Db, group: GroupCommit): DeputyRepo {
  const byId = db.prepare(`${DEPUTY_SELECT} WHERE d.id = ?`)
  const byCode = db.prepare(`${DEPUTY_SELECT} WHERE d.code = ?`)
  const byStation = db.prepare(`${DEPUTY_SELECT} WHERE d.id IN (SELECT deputy_id FROM deputy_stations WHERE station_id = ?) ORDER BY d.id`)
  const byPhone = db.prepare(`${DEPUTY_SELECT} WHERE d.phone_index = ? ORDER BY d.id`)
  const formerAt = db.prepare(`${DEPUTY_SELECT} WHERE d.id IN (SELECT deputy_id FROM deputy_former_duty WHERE station_id = ?) ORDER BY d.id`)
  const get = (id: string) => {
    const row = byId.get(id)
    return row ? deputyFromRow(row as object) : null
  }
  const writeOutbox = outboxWriter(db)
  const SET_AWAY = 'UPDATE deputies SET away_from = ?, away_until = ?, away_reason = ?, away_note = ?, away_set_by = ? WHERE id = ?'
  const setAwayRow = db.prepare(SET_AWAY)
  // Compare-and-set: only while the mark is the one the caller read (every field of it, and who set it).
  const setAwayIfNone = db.prepare(`${SET_AWAY} AND away_from IS NULL`)
  const setAwayIfMark = db.prepare(`${SET_AWAY} AND away_from IS ? AND away_until IS ? AND away_reason IS ? AND away_note IS ? AND away_set_by IS ?`)
  const awayRow = (away: DeputyAway | null) => [
    away?.from ?? null,
    away?.until ?? null,
    away?.reason ?? null,
    away?.note ?? null,
    away?.bySelf ? 'deputy' : null,
  ]
  // The mark and the notices telling him of it, together or not at all: in group commit's savepoint, as every outbox
  // write is (answered once its group is on disk, never a commit and an fsync of its own on the event loop).
  const setAway = (id: string, away: DeputyAway | null, outbox: readonly OutboxMessage[], expected?: DeputyAway | null) => {
    const changes =
      expected === undefined
        ? setAwayRow.run(...awayRow(away), id).changes
        : expected === null
          ? setAwayIfNone.run(...awayRow(away), id).changes
          : setAwayIfMark.run(...awayRow(away), id, ...awayRow(expected)).changes
    if (!changes) {
      if (expected !== undefined && byId.get(id)) throw new StoreConflict('stale_away')
      throw new NotFoundError('代表不存在')
    }
    writeOutbox(outbox)
  }
  const update = db.transaction((id: string, next: DeputyRecord) => {
    db.prepare(`UPDATE deputies SET name = ?, level = ?, topics = ?, phone_enc = ?, phone_index = ?, active = ? WHERE id = ?`).run(
      next.name,
      next.level,
      JSON.stringify(next.topics),
      next.phoneEnc,
      next.phoneIndex,
      next.active ? 1 : 0,
      id,
    )
    writeDeputyStations(db, next)
  })
  return {
    async get(id) {
      return get(id)
    },
    async getByCode(code) {
      const row = byCode.get(code.toUpperCase())
      return row ? deputyFromRow(row as object) : null
    },
    async search(query: DeputyQuery) {
      const where = new Where()
      nameOrCode(where, 'd', query.q)
      if (query.level) where.add('d.level = ?', query.level)
      if (query.stationId) where.add('d.id IN (SELECT deputy_id FROM deputy_stations WHERE station_id = ?)', query.stationId)
      if (query.stationIds)
        where.add(
          query.stationIds.length ? `d.id IN (SELECT deputy_id FROM deputy_stations WHERE station_id IN (${placeholders(query.stationIds.length)}))` : '0',
          ...query.stationIds,
        )
      if (query.topic) where.add('EXISTS (SELECT 1 FROM json_each(d.topics) WHERE value = ?)', query.topic)
      if (query.active !== undefined) where.add('d.active = ?', query.active ? 1 : 0)
      const after = decodeCursor(query.cursor)
      if (after !== null) where.add('d.id > ?', after)
      const rows = db.prepare(`${DEPUTY_SELECT} ${where} ORDER BY d.id ${limitSql(query.limit + 1)}`).all(...where.params)
      return toPage(rows.map(deputyFromRow), query.limit, (d) => d.id)
    },
    async listByStation(stationId) {
      return byStation.all(stationId).map(deputyFromRow)
    },
    async findByPhoneIndex(phoneIndex) {
      return byPhone.all(phoneIndex).map(deputyFromRow)
    },
    async formerAtStation(stationId) {
      return formerAt.all(stationId).map(deputyFromRow)
    },
    async setAway(id, away, outbox = [], expected) {
      await group.run(() => setAway(id, away, outbox, expected))
      return get(id)!
    },
    async update(id, patch: DeputyPatch) {
      const current = get(id)
      if (!current) throw new NotFoundError('代表不存在')
      // Read and written in one synchronous step: another edit of the deputy cannot come between.
      const { dutyAt, today, ...fields } = patch
      const merged = { ...current, ...fields }
      const duty = dutyAt ? withDutyDates(merged.dutyByStation, dutyAt.stationId, dutyAt.dates) : merged.dutyByStation
      // Without the day of the edit nothing is history yet: days at a station left go with it (days kept before go back on a return).
      const moved = dutyAfterMove(current, { dutyByStation: duty, stationIds: merged.stationIds }, today ?? '')
      const { formerDuty: _before, ...rest } = merged
      const next: DeputyRecord = {
        ...rest,
        dutyByStation: moved.dutyByStation,
        ...(Object.keys(moved.formerDuty).length ? { formerDuty: moved.formerDuty } : {}),
      }
      update(id, next)
      return next
    },
  }
}

/**
 * The deputy's stations with their duty days at each, and the days he sat at stations he has left
 * (`formerDuty`, their roster history): days at a station no longer his otherwise go with it.
 */
function writeDeputyStations(db: Db, deputy: DeputyRecord) {
  db.prepare('DELETE FROM deputy_stations WHERE deputy_id = ?').run(deputy.id)
  const insert = db.prepare('INSERT INTO deputy_stations (deputy_id, station_id, position, duty_dates) VALUES (?, ?, ?, ?)')
  deputy.stationIds.forEach((stationId, position) => insert.run(deputy.id, stationId, position, JSON.stringify(dutyDatesAt(deputy.dutyByStation, stationId))))
  db.prepare('DELETE FROM deputy_former_duty WHERE deputy_id = ?').run(deputy.id)
  const former = db.prepare('INSERT INTO deputy_former_duty (deputy_id, station_id, duty_dates) VALUES (?, ?, ?)')
  for (const [stationId, dates] of Object.entries(deputy.formerDuty ?? {}))
    if (dates.length && !deputy.stationIds.includes(stationId)) former.run(deputy.id, stationId, JSON.stringify([...new Set(dates)].sort()))
}

export function staffRepo(db: Db): StaffRepo {
  const byId = db.prepare('SELECT * FROM staff WHERE id = ?')
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
    async update(id, patch: StaffPatch) {
      const current = get(id)
      if (!current) throw new NotFoundError('工作人员不存在')
      const next = { ...current, ...patch }
      write(next, false)
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

export function directoryRepo(db: Db): DirectoryRepo {
  const upsertRegion = db.prepare(`INSERT INTO regions (id, name, kind, parent_id) VALUES (@id, @name, @kind, @parentId)
    ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id`)
  const upsertStation = db.prepare(`INSERT INTO stations (id, code, name, kind, address, region_ids, reception_days)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET code = excluded.code, name = excluded.name, kind = excluded.kind,
    address = excluded.address, region_ids = excluded.region_ids, reception_days = excluded.reception_days`)
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
  const upsertAll = db.transaction((records: DirectorySnapshot) => {
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
      upsertStation.run(s.id, s.code, s.name, s.kind, s.address, JSON.stringify(s.regionIds), JSON.stringify(s.receptionDays))
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
    async upsertAll(records) {
      translate(() => upsertAll(records))
    },
    async changedElsewhereMark() {
      // SQLite counts the commits of other connections to the file, never this one's own.
      return db.pragma('data_version', { simple: true }) as number
    },
  }
}
