import { Schema, type Connection, type Model, type Types } from 'mongoose'
import { DEPUTY_LEVELS, REGION_KINDS, STAFF_ROLES, STATION_KINDS, UNIT_KINDS, WEEKDAYS, type Region, type Station, type Unit } from '../../domain/directory.js'
import type { AuditEntry, DeputyRecord, SessionRecord, StaffRecord } from '../ports.js'
import { defineCaseModels, type CaseModels } from './case-models.js'
import { defineDeliveryModels, type DeliveryModels } from './delivery-models.js'
import { defineBotModels, type BotModels } from './bot-models.js'
import { defineMeetingModels, type MeetingModels } from './meeting-models.js'
import { defineDigestModels, type DigestModels } from './digest-models.js'

/**
 * Document shapes as stored. Directory records and sessions keep their own string id as
 * `_id`, so lookups by id use the primary index and ids from the import file stay stable.
 */
type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string }
export type RegionDoc = Stored<Region>
export type StationDoc = Stored<Station> & {
  /** Counts saves of its duty days (deputyRepo.setDutyDay): written first by each, so two at once conflict. */
  dutySaves?: number
}
/** Duty days as a list, not an object keyed by station: station ids may hold a '.', which a field name may not. */
export interface DutyDoc {
  stationId: string
  dates: string[]
}
export type DeputyDoc = Omit<Stored<DeputyRecord>, 'dutyByStation' | 'formerDuty'> & {
  /** Absent on documents written before duty days were per station. */
  duty?: DutyDoc[]
  /** Duty sat at stations he has left (their roster history); absent when none. */
  formerDuty?: DutyDoc[]
  /** Before duty days were per station: the deputy's days, read as every station's (as sqlite's 056 moved them). */
  dutyDates?: string[]
  /**
   * A fresh token at every write of his stations or duty (deputyRepo.update, an import's replace): a move's
   * compare-and-set names it instead of the arrays as read. Absent on documents written before it existed.
   */
  version?: string
}
export type StaffDoc = Stored<StaffRecord> & {
  /** Counts WeChat bindings written (botRepo.bindStaffContact): written first by each, so a disable at once conflicts. */
  botBindings?: number
}
export type UnitDoc = Stored<Unit>
export type SessionDoc = Stored<SessionRecord>
/** ObjectIds grow with time within a process, so `_id` alone gives "newest first". */
export type AuditDoc = AuditEntry & { _id: Types.ObjectId }
export interface LockDoc {
  name: string
  holder: string
  expiresAt: Date
}

/**
 * Cases, the outbox, people and idempotency keys are defined in case-models.ts;
 * subscription credits and binding codes in delivery-models.ts; the chat bot's in bot-models.ts.
 */
export interface Models extends CaseModels, DeliveryModels, BotModels, MeetingModels, DigestModels {
  Region: Model<RegionDoc>
  Station: Model<StationDoc>
  Deputy: Model<DeputyDoc>
  Staff: Model<StaffDoc>
  Unit: Model<UnitDoc>
  Session: Model<SessionDoc>
  Audit: Model<AuditDoc>
  Lock: Model<LockDoc>
}

// No `required` validators: the import validator and the services own validation, and
// mongoose's `required` rejects legitimately empty strings such as a blank address.
// `versionKey: false` because every write here is a whole-field $set or a replace;
// `id: false` so a stray `id` property can never be mistaken for the `_id` setter.
const options = { versionKey: false, id: false } as const
const nullableString = { type: String, default: null }
const stringList = { type: [String], default: () => [] as string[] }

function regionSchema() {
  const schema = new Schema<RegionDoc>(
    {
      _id: String,
      name: String,
      kind: { type: String, enum: [...REGION_KINDS] },
      parentId: nullableString,
    },
    options,
  )
  schema.index({ parentId: 1 })
  return schema
}

function stationSchema() {
  const schema = new Schema<StationDoc>(
    {
      _id: String,
      code: String,
      name: String,
      kind: { type: String, enum: [...STATION_KINDS] },
      address: String,
      regionIds: stringList,
      receptionDays: { type: [{ type: String, enum: [...WEEKDAYS] }], default: () => [] },
      // 接待时间, one range for every reception day; absent or null when the station names none.
      receptionHours: { type: new Schema({ from: String, to: String }, { _id: false, id: false }), default: null },
      dutySaves: { type: Number, default: undefined },
    },
    options,
  )
  // Codes are stored uppercase, so an anchored, case-sensitive prefix regex can use this index.
  schema.index({ code: 1 }, { unique: true })
  return schema
}

function deputySchema() {
  const schema = new Schema<DeputyDoc>(
    {
      _id: String,
      code: String,
      name: String,
      level: { type: String, enum: [...DEPUTY_LEVELS] },
      // An array keeps the order given: the first station is the deputy's home station.
      stationIds: stringList,
      topics: stringList,
      phoneEnc: nullableString,
      phoneIndex: nullableString,
      duty: { type: [new Schema<DutyDoc>({ stationId: String, dates: [String] }, { _id: false, id: false })], default: undefined },
      formerDuty: { type: [new Schema<DutyDoc>({ stationId: String, dates: [String] }, { _id: false, id: false })], default: undefined },
      // Read only, from documents written before duty was per station; removed when `duty` is written.
      dutyDates: { type: [String], default: undefined },
      // Documents written before deputies could leave office have no field: they are in office.
      active: { type: Boolean, default: true },
      // Not defaulted: a document written before it existed has none, and a move matches that as read.
      version: { type: String, default: undefined },
      // 暂停接收留言; absent or null when never marked. Kept across an import (directory-upsert.ts).
      away: {
        // bySelf: he set it himself (the mini-program); absent when staff did.
        type: new Schema(
          { from: String, until: String, reason: String, note: nullableString, bySelf: { type: Boolean, default: undefined } },
          { _id: false, id: false },
        ),
        default: null,
      },
    },
    options,
  )
  schema.index({ code: 1 }, { unique: true })
  schema.index({ stationIds: 1 })
  // A station's past roster: the few who sat there before they moved.
  schema.index({ 'formerDuty.stationId': 1 }, { sparse: true })
  schema.index({ phoneIndex: 1 })
  schema.index({ level: 1 })
  return schema
}

function staffSchema() {
  const schema = new Schema<StaffDoc>(
    {
      _id: String,
      username: String,
      name: String,
      role: { type: String, enum: [...STAFF_ROLES] },
      stationIds: stringList,
      regionIds: stringList,
      unitIds: stringList,
      passwordHash: nullableString,
      activationHash: nullableString,
      activationIssuedAt: { type: Date, default: null },
      // Documents written before the flag existed read as false, as sqlite's 052 leaves its rows.
      mustChangePassword: { type: Boolean, default: false },
      active: { type: Boolean, default: true },
      botBindings: { type: Number, default: undefined },
    },
    options,
  )
  schema.index({ username: 1 }, { unique: true })
  schema.index({ stationIds: 1 })
  schema.index({ unitIds: 1 })
  return schema
}

function unitSchema() {
  const schema = new Schema<UnitDoc>(
    {
      _id: String,
      code: String,
      name: String,
      kind: { type: String, enum: [...UNIT_KINDS] },
      regionId: nullableString,
      contact: { type: String, default: '' },
      active: { type: Boolean, default: true },
    },
    options,
  )
  schema.index({ code: 1 }, { unique: true })
  return schema
}

function sessionSchema() {
  const schema = new Schema<SessionDoc>(
    {
      _id: String,
      tokenHash: String,
      subjectKind: { type: String, enum: ['staff', 'mp_user'] },
      subjectId: String,
      createdAt: Date,
      lastSeenAt: Date,
      expiresAt: Date,
    },
    options,
  )
  schema.index({ tokenHash: 1 }, { unique: true })
  // A plain index, not a TTL one: expiry is swept by deleteExpired(now) with the caller's
  // clock, which tests and the scheduler control; a TTL monitor would race with both.
  schema.index({ expiresAt: 1 })
  schema.index({ subjectKind: 1, subjectId: 1 })
  return schema
}

function auditSchema() {
  const schema = new Schema<AuditDoc>(
    {
      at: Date,
      actorKind: { type: String, enum: ['staff', 'mp_user', 'system'] },
      actorId: nullableString,
      action: String,
      targetKind: nullableString,
      targetId: nullableString,
      details: { type: Schema.Types.Mixed, default: () => ({}) },
    },
    // minimize: false keeps an empty `details` object instead of dropping the field.
    { ...options, minimize: false },
  )
  schema.index({ action: 1, _id: -1 })
  schema.index({ targetId: 1, _id: -1 })
  schema.index({ actorId: 1, _id: -1 })
  return schema
}

function lockSchema() {
  const schema = new Schema<LockDoc>({ name: String, holder: String, expiresAt: Date }, options)
  // The unique name is what makes acquire() atomic: a racing upsert fails with E11000.
  schema.index({ name: 1 }, { unique: true })
  return schema
}

/** Compiles the models on this connection only, with explicit collection names. */
export function defineModels(conn: Connection): Models {
  return {
    Region: conn.model<RegionDoc>('Region', regionSchema(), 'regions'),
    Station: conn.model<StationDoc>('Station', stationSchema(), 'stations'),
    Deputy: conn.model<DeputyDoc>('Deputy', deputySchema(), 'deputies'),
    Staff: conn.model<StaffDoc>('Staff', staffSchema(), 'staff'),
    Unit: conn.model<UnitDoc>('Unit', unitSchema(), 'units'),
    Session: conn.model<SessionDoc>('Session', sessionSchema(), 'sessions'),
    Audit: conn.model<AuditDoc>('Audit', auditSchema(), 'audit_log'),
    Lock: conn.model<LockDoc>('Lock', lockSchema(), 'job_locks'),
    ...defineCaseModels(conn),
    ...defineDeliveryModels(conn),
    ...defineBotModels(conn),
    ...defineMeetingModels(conn),
    ...defineDigestModels(conn),
  }
}
