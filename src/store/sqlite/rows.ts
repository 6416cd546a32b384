import type { Region, Station, Unit } from '../../domain/directory.js'
import { byStationId, onlyStations } from '../../domain/duty-days.js'
import type { AuditRecord, DeputyRecord, SessionRecord, StaffRecord } from '../ports.js'

/** Row ↔ record mapping for the sqlite adapter: JSON columns, 0/1 booleans, ISO dates. */
// better-sqlite3 rows are untyped; the mappers below are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const list = (json: string) => JSON.parse(json) as string[]

export const regionFromRow = (r: Row): Region => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parent_id })

export const stationFromRow = (r: Row): Station => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  address: r.address,
  regionIds: list(r.region_ids),
  receptionDays: list(r.reception_days) as Station['receptionDays'],
  // Only when set, as the mongo adapter: a station without hours reads as before they were kept.
  ...(r.reception_from && r.reception_to ? { receptionHours: { from: r.reception_from, to: r.reception_to } } : {}),
})

export const deputyFromRow = (r: Row): DeputyRecord => {
  const stationIds = r.station_ids ? list(r.station_ids) : []
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    stationIds,
    topics: list(r.topics),
    phoneEnc: r.phone_enc,
    phoneIndex: r.phone_index,
    // In station order, stations without a day left out: both adapters give the same record.
    dutyByStation: onlyStations(r.duty_by_station ? (JSON.parse(r.duty_by_station) as Record<string, string[]>) : {}, stationIds),
    // Only when he has some, as the mongo adapter: a deputy who never moved reads as before it was kept.
    ...formerDutyOf(r.former_duty),
    active: r.active !== 0,
    // Only when marked: a deputy never marked reads as before the mark existed, in both adapters.
    ...(r.away_from
      ? {
          away: {
            from: r.away_from,
            until: r.away_until,
            reason: r.away_reason,
            note: r.away_note ?? null,
            ...(r.away_set_by === 'deputy' ? { bySelf: true } : {}),
          },
        }
      : {}),
  }
}

/** Duty at stations left, sorted by station id (json_group_object's order is the table's): absent when none. */
function formerDutyOf(json: string | null | undefined): { formerDuty?: Record<string, string[]> } {
  const stored = json ? (JSON.parse(json) as Record<string, string[]>) : {}
  const ids = Object.keys(stored).sort()
  if (!ids.length) return {}
  // Keyed by station id off `{}` it would use up the empty object's shapes (byStationId).
  const formerDuty = byStationId<string[]>()
  for (const id of ids) formerDuty[id] = stored[id]
  return { formerDuty }
}

export const unitFromRow = (r: Row): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  regionId: r.region_id,
  contact: r.contact,
  active: r.active === 1,
})

export const staffFromRow = (r: Row): StaffRecord => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  stationIds: list(r.station_ids),
  regionIds: list(r.region_ids),
  unitIds: list(r.unit_ids ?? '[]'),
  passwordHash: r.password_hash,
  activationHash: r.activation_hash ?? null,
  activationIssuedAt: r.activation_issued_at ? new Date(r.activation_issued_at) : null,
  mustChangePassword: r.must_change_password === 1,
  active: r.active === 1,
})

export const sessionFromRow = (r: Row): SessionRecord => ({
  id: r.id,
  tokenHash: r.token_hash,
  subjectKind: r.subject_kind,
  subjectId: r.subject_id,
  createdAt: new Date(r.created_at),
  lastSeenAt: new Date(r.last_seen_at),
  expiresAt: new Date(r.expires_at),
})

export const auditFromRow = (r: Row): AuditRecord => ({
  id: String(r.id),
  at: new Date(r.at),
  actorKind: r.actor_kind,
  actorId: r.actor_id,
  action: r.action,
  targetKind: r.target_kind,
  targetId: r.target_id,
  details: JSON.parse(r.details),
})
