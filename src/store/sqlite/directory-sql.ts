import type { DeputyRecord } from '../ports.js'
import { dutyDatesAt } from '../../domain/duty-days.js'
import type { Db } from './open.js'

/** A deputy's row with his stations (in order), his duty days at each, and those at stations he has left. */
export const DEPUTY_SELECT = `SELECT d.*, (SELECT json_group_array(station_id) FROM
  (SELECT station_id FROM deputy_stations WHERE deputy_id = d.id ORDER BY position)) AS station_ids,
  (SELECT json_group_object(station_id, json(duty_dates)) FROM deputy_stations WHERE deputy_id = d.id AND duty_dates <> '[]') AS duty_by_station,
  (SELECT json_group_object(station_id, json(duty_dates)) FROM deputy_former_duty WHERE deputy_id = d.id) AS former_duty
  FROM deputies d`

/** Builds "WHERE a AND b" from optional filters, keeping parameters beside their clause. */
export class Where {
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

export function nameOrCode(where: Where, alias: string, q: string | undefined) {
  if (q) where.add(`(instr(${alias}.name, ?) > 0 OR instr(${alias}.code, upper(?)) = 1)`, q, q)
}

/**
 * The deputy's stations with their duty days at each, and the days he sat at stations he has left
 * (`formerDuty`, their roster history): days at a station no longer his otherwise go with it.
 */
export function writeDeputyStations(db: Db, deputy: DeputyRecord) {
  db.prepare('DELETE FROM deputy_stations WHERE deputy_id = ?').run(deputy.id)
  const insert = db.prepare('INSERT INTO deputy_stations (deputy_id, station_id, position, duty_dates) VALUES (?, ?, ?, ?)')
  deputy.stationIds.forEach((stationId, position) => insert.run(deputy.id, stationId, position, JSON.stringify(dutyDatesAt(deputy.dutyByStation, stationId))))
  db.prepare('DELETE FROM deputy_former_duty WHERE deputy_id = ?').run(deputy.id)
  const former = db.prepare('INSERT INTO deputy_former_duty (deputy_id, station_id, duty_dates) VALUES (?, ?, ?)')
  for (const [stationId, dates] of Object.entries(deputy.formerDuty ?? {}))
    if (dates.length && !deputy.stationIds.includes(stationId)) former.run(deputy.id, stationId, JSON.stringify([...new Set(dates)].sort()))
}
