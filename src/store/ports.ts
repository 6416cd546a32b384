/**
 * Storage ports: one repository per aggregate, in the domain's words. Two adapters
 * implement every port (sqlite/ and mongo/); test/store/ holds the contract both pass.
 * Adapters return plain objects and translate driver errors (unique violations become
 * ConflictError). Multi-step writes are single methods so each adapter can make them
 * one transaction.
 */
import type { DeputyLevel, Region, Staff, StaffRole, Station, StationKind, Deputy } from '../domain/directory.js'

export interface Page<T> {
  items: T[]
  /** Opaque; pass back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null
}
export interface PageQuery {
  cursor?: string | null
  limit: number
}

/** A deputy as stored: the phone only as an encrypted envelope and a blind index. */
export type DeputyRecord = Omit<Deputy, 'phone'> & { phoneEnc: string | null; phoneIndex: string | null }
export type StaffRecord = Staff & { passwordHash: string | null }

export interface RegionRepo {
  list(): Promise<Region[]>
  get(id: string): Promise<Region | null>
}

export interface StationQuery extends PageQuery {
  /** Part of the name, or the start of the code. */
  q?: string
  kind?: StationKind
}
export type StationPatch = Partial<Pick<Station, 'name' | 'kind' | 'address' | 'regionIds' | 'receptionDays'>>

export interface StationRepo {
  get(id: string): Promise<Station | null>
  getByCode(code: string): Promise<Station | null>
  /** Every station; the directory is small enough (hundreds) to hold in memory. */
  list(): Promise<Station[]>
  search(query: StationQuery): Promise<Page<Station>>
  update(id: string, patch: StationPatch): Promise<Station>
}

export interface DeputyQuery extends PageQuery {
  q?: string
  level?: DeputyLevel
  stationId?: string
  topic?: string
}
export type DeputyPatch = Partial<Pick<DeputyRecord, 'name' | 'level' | 'stationIds' | 'topics' | 'dutyDates' | 'phoneEnc' | 'phoneIndex'>>

export interface DeputyRepo {
  get(id: string): Promise<DeputyRecord | null>
  getByCode(code: string): Promise<DeputyRecord | null>
  search(query: DeputyQuery): Promise<Page<DeputyRecord>>
  listByStation(stationId: string): Promise<DeputyRecord[]>
  findByPhoneIndex(phoneIndex: string): Promise<DeputyRecord[]>
  update(id: string, patch: DeputyPatch): Promise<DeputyRecord>
}

export interface StaffQuery extends PageQuery {
  q?: string
  role?: StaffRole
  stationId?: string
}
export type StaffPatch = Partial<Pick<StaffRecord, 'name' | 'role' | 'stationIds' | 'regionIds' | 'active' | 'passwordHash'>>

export interface StaffRepo {
  get(id: string): Promise<StaffRecord | null>
  getByUsername(username: string): Promise<StaffRecord | null>
  search(query: StaffQuery): Promise<Page<StaffRecord>>
  create(record: StaffRecord): Promise<StaffRecord>
  update(id: string, patch: StaffPatch): Promise<StaffRecord>
  countByRole(role: StaffRole): Promise<number>
}

export type SessionSubject = 'staff' | 'mp_user'
export interface SessionRecord {
  id: string
  /** SHA-256 of the token; the token itself is never stored. */
  tokenHash: string
  subjectKind: SessionSubject
  subjectId: string
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
}

export interface SessionRepo {
  create(session: SessionRecord): Promise<void>
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>
  touch(id: string, at: Date): Promise<void>
  delete(id: string): Promise<void>
  deleteForSubject(kind: SessionSubject, subjectId: string): Promise<number>
  deleteExpired(now: Date): Promise<number>
}

export interface AuditEntry {
  at: Date
  actorKind: 'staff' | 'mp_user' | 'system'
  actorId: string | null
  action: string
  targetKind: string | null
  targetId: string | null
  details: Record<string, unknown>
}
export type AuditRecord = AuditEntry & { id: string }
export interface AuditQuery extends PageQuery {
  action?: string
  targetId?: string
  actorId?: string
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>
  /** Newest first. */
  list(query: AuditQuery): Promise<Page<AuditRecord>>
}

export interface LockRepo {
  /**
   * Takes the named lease for `holder` until now + ttlMs if it is free, expired, or
   * already held by the same holder (a renewal). Atomic across instances.
   */
  acquire(name: string, holder: string, ttlMs: number, now: Date): Promise<boolean>
  release(name: string, holder: string): Promise<void>
}

/** Everything in the directory, as the import validator needs it. */
export interface DirectorySnapshot {
  regions: Region[]
  stations: Station[]
  deputies: DeputyRecord[]
  staff: StaffRecord[]
}

export interface DirectoryCounts {
  regions: number
  stations: number
  deputies: number
  staff: number
}

export interface DirectoryRepo {
  snapshot(): Promise<DirectorySnapshot>
  counts(): Promise<DirectoryCounts>
  /** Inserts or replaces every record by id, all in one transaction: all or nothing. */
  upsertAll(records: DirectorySnapshot): Promise<void>
}

export interface Store {
  readonly kind: 'sqlite' | 'mongo'
  regions: RegionRepo
  stations: StationRepo
  deputies: DeputyRepo
  staff: StaffRepo
  sessions: SessionRepo
  audit: AuditRepo
  locks: LockRepo
  directory: DirectoryRepo
  /** Throws when the store cannot answer (used by /readyz). */
  ping(): Promise<void>
  close(): Promise<void>
}
