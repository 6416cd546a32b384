import type { Region, Station, Unit } from '../../domain/directory.js'
import type { AuditRecord, DeputyRecord, SessionRecord, StaffRecord } from '../ports.js'
import type { AuditDoc, DeputyDoc, DutyDoc, RegionDoc, SessionDoc, StaffDoc, StationDoc, UnitDoc } from './models.js'
import { byStationId, onlyStations } from '../../domain/duty-days.js'

/**
 * Document ↔ record mapping. Every field is picked explicitly so `_id`, `__v` or any
 * stray stored field never leaks into a record; `?? null` / `?? []` cover documents
 * written before a field existed, so records always have the exact port shape.
 */

export const regionFromDoc = (d: RegionDoc): Region => ({ id: d._id, name: d.name, kind: d.kind, parentId: d.parentId ?? null })

export const stationFromDoc = (d: StationDoc): Station => ({
  id: d._id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  address: d.address ?? '',
  regionIds: [...(d.regionIds ?? [])],
  receptionDays: [...(d.receptionDays ?? [])],
  // Only when set, as sqlite's rows: a station without hours reads as before they were kept.
  ...(d.receptionHours?.from && d.receptionHours.to ? { receptionHours: { from: d.receptionHours.from, to: d.receptionHours.to } } : {}),
})

export const deputyFromDoc = (d: DeputyDoc): DeputyRecord => ({
  id: d._id,
  code: d.code,
  name: d.name,
  level: d.level,
  stationIds: [...(d.stationIds ?? [])],
  topics: [...(d.topics ?? [])],
  phoneEnc: d.phoneEnc ?? null,
  phoneIndex: d.phoneIndex ?? null,
  dutyByStation: dutyFromDoc(d),
  // Only when he has some, as sqlite's rows; by station id, as sqlite reads them.
  ...(d.formerDuty?.length ? { formerDuty: formerDutyFromDoc(d.formerDuty) } : {}),
  active: d.active !== false,
  // Only when marked, as sqlite's rows: a deputy never marked reads as before the mark existed.
  ...(d.away
    ? {
        away: { from: d.away.from, until: d.away.until, reason: d.away.reason, note: d.away.note ?? null, ...(d.away.bySelf ? { bySelf: true as const } : {}) },
      }
    : {}),
})

/** Duty at stations left, by station id; keyed off `{}` it would use up the empty object's shapes (byStationId). */
function formerDutyFromDoc(former: DutyDoc[]): Record<string, string[]> {
  const out = byStationId<string[]>()
  for (const e of [...former].sort((a, b) => (a.stationId < b.stationId ? -1 : 1))) out[e.stationId] = [...(e.dates ?? [])]
  return out
}

/**
 * Per station, in station order. A document from before duty was per station has only the
 * deputy's `dutyDates`: each of their stations keeps them, as sqlite's migration 056 did.
 */
function dutyFromDoc(d: DeputyDoc): DeputyRecord['dutyByStation'] {
  const stationIds = d.stationIds ?? []
  if (!d.duty) return onlyStations(Object.fromEntries(stationIds.map((id) => [id, d.dutyDates ?? []])), stationIds)
  return onlyStations(Object.fromEntries(d.duty.map((e) => [e.stationId, e.dates ?? []])), stationIds)
}

/** Duty days as stored: one entry per station with days, in station order. */
export const dutyToDoc = (duty: DeputyRecord['dutyByStation'], stationIds: readonly string[]): DutyDoc[] =>
  Object.entries(onlyStations(duty, stationIds)).map(([stationId, dates]) => ({ stationId, dates }))

/** Duty at stations left, as stored: one entry per station he no longer belongs to, none when there is none. */
export const formerDutyToDoc = (former: DeputyRecord['formerDuty'], stationIds: readonly string[]): DutyDoc[] | undefined => {
  const entries = Object.entries(former ?? {}).filter(([id, dates]) => dates.length && !stationIds.includes(id))
  return entries.length ? entries.map(([stationId, dates]) => ({ stationId, dates: [...new Set(dates)].sort() })) : undefined
}

/** A deputy as replaced by an import: the duty list for the per-station record, and his duty at stations left. */
export function deputyToStored({ dutyByStation, formerDuty, ...rest }: DeputyRecord) {
  const former = formerDutyToDoc(formerDuty, rest.stationIds)
  return { ...rest, duty: dutyToDoc(dutyByStation, rest.stationIds), ...(former ? { formerDuty: former } : {}) }
}

export const staffFromDoc = (d: StaffDoc): StaffRecord => ({
  id: d._id,
  username: d.username,
  name: d.name,
  role: d.role,
  stationIds: [...(d.stationIds ?? [])],
  regionIds: [...(d.regionIds ?? [])],
  unitIds: [...(d.unitIds ?? [])],
  passwordHash: d.passwordHash ?? null,
  activationHash: d.activationHash ?? null,
  activationIssuedAt: d.activationIssuedAt ?? null,
  mustChangePassword: d.mustChangePassword === true,
  active: d.active === true,
})

export const unitFromDoc = (d: UnitDoc): Unit => ({
  id: d._id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  regionId: d.regionId ?? null,
  contact: d.contact ?? '',
  active: d.active !== false,
})

export const sessionFromDoc = (d: SessionDoc): SessionRecord => ({
  id: d._id,
  tokenHash: d.tokenHash,
  subjectKind: d.subjectKind,
  subjectId: d.subjectId,
  createdAt: new Date(d.createdAt),
  lastSeenAt: new Date(d.lastSeenAt),
  expiresAt: new Date(d.expiresAt),
})

export const auditFromDoc = (d: AuditDoc): AuditRecord => ({
  id: d._id.toHexString(),
  at: new Date(d.at),
  actorKind: d.actorKind,
  actorId: d.actorId ?? null,
  action: d.action,
  targetKind: d.targetKind ?? null,
  targetId: d.targetId ?? null,
  details: d.details ?? {},
})

/** A record as a document body: its id becomes `_id`, everything else is stored as is. */
export function toDoc<T extends { id: string }>(record: T): Omit<T, 'id'> & { _id: string } {
  const { id, ...rest } = record
  return { _id: id, ...rest }
}

/** The record's fields without its id: a replace keeps `_id` from the filter. */
export function withoutId<T extends { id: string }>(record: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = record
  return rest
}

/**
 * Only the named fields of a patch, skipping undefined values: a patch never rewrites
 * identity fields (id, code, username) and `undefined` never becomes a stored null.
 */
export function pickPatch<P extends object>(patch: P, fields: readonly (keyof P)[]): Partial<P> {
  const set: Partial<P> = {}
  for (const field of fields) {
    if (patch[field] !== undefined) set[field] = patch[field]
  }
  return set
}
