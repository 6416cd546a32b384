import type { Db } from './open.js'
import type { DeputyPatch, DeputyQuery, DeputyRecord, DeputyRepo, OutboxMessage } from '../ports.js'
import type { DeputyAway } from '../../domain/deputy-away.js'
import { outboxWriter } from './outbox-writer.js'
import { decodeCursor, toPage } from '../cursor.js'
import { placeholders } from './sql.js'
import { NotFoundError } from '../../errors.js'
import { StoreConflict } from '../conflicts.js'
import { dutyAfterMove, dutyDatesAt, withDutyDates } from '../../domain/duty-days.js'
import { dutyDayPlan, dutyDaysAsSeen } from '../../domain/duty-day-save.js'
import { deputyFromRow } from './rows.js'
import { limitSql } from './sql-limit.js'
import type { GroupCommit } from './group-commit.js'
import { DEPUTY_SELECT, nameOrCode, Where, writeDeputyStations } from './directory-sql.js'

/** Deputies: reads, his pause (暂停接收留言), a station's duty day saved whole (setDutyDay), and edits of him (update). */
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
  const setDutyDates = db.prepare('UPDATE deputy_stations SET duty_dates = ? WHERE deputy_id = ? AND station_id = ?')
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
    async setDutyDay(stationId, date, change) {
      // Read, compared and written in one synchronous step of group commit: no other save can come between.
      const written = await group.run(() => {
        const plan = dutyDayPlan(byStation.all(stationId).map(deputyFromRow), stationId, date, change)
        if (!plan.changed) throw new StoreConflict('duty_day_changed', [], { onDutyNow: plan.onDutyNow.join(',') })
        for (const w of plan.writes) setDutyDates.run(JSON.stringify(w.dates), w.id, stationId)
        return plan.writes.map((w) => w.id)
      })
      return written.map((id) => get(id)!)
    },
    async update(id, patch: DeputyPatch) {
      const current = get(id)
      if (!current) throw new NotFoundError('代表不存在')
      // Read and written in one synchronous step: another edit of the deputy cannot come between.
      const { dutyAt, today, ...fields } = patch
      // Compare-and-set, as setDutyDay: his days there as the caller read them, else nothing is written.
      const daysThere = dutyAt ? dutyDatesAt(current.dutyByStation, dutyAt.stationId) : []
      if (dutyAt?.seen && !dutyDaysAsSeen(daysThere, dutyAt.seen)) throw new StoreConflict('duty_day_changed', [], { dutyDatesNow: daysThere.join(',') })
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
