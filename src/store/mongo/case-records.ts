import { nextDeadline, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import type { IdempotencyRecord, MpUserRecord, OutboxMessage } from '../ports.js'
import type { CaseDoc, CaseEventDoc, IdempotencyDoc, MpUserDoc, OutboxDoc } from './case-models.js'

/**
 * Document ↔ record mapping for cases, events, messages, people and idempotency keys,
 * in the manner of records.ts: every field picked by name, `?? null` / `?? []` for
 * documents written before a field existed, so no `_id` or stray field leaks out.
 */

const date = (v: Date | null | undefined) => (v == null ? null : new Date(v))

/**
 * Free-form objects (event data, message payloads) are stored as JSON would carry them,
 * as sqlite stores them as JSON text: a Date inside becomes its ISO string, undefined
 * properties vanish, and what is read back is the same on both adapters.
 */
export function jsonObject(value: Record<string, unknown> | null | undefined): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>
}

/** "9999" sorts after every ISO instant: cases without a deadline come last. */
export const NO_DEADLINE = '9999'

/** The key of the "due" order, and of its cursors: sqlite's coalesce(next_due_at, '9999'). */
export function dueKeyOf(c: CaseRecord): string {
  return nextDeadline(c)?.toISOString() ?? NO_DEADLINE
}

/** A case as a document body, with the deadline fields every write keeps current. */
export function caseToDoc(c: CaseRecord): CaseDoc {
  const nextDueAt = nextDeadline(c)
  return {
    _id: c.id,
    ticket: c.ticket,
    residentId: c.residentId,
    text: c.text,
    images: [...c.images],
    regionId: c.regionId,
    communityId: c.communityId,
    districtId: c.districtId,
    stationId: c.stationId,
    deputyId: c.deputyId,
    officeRegionId: c.officeRegionId,
    topic: c.topic,
    status: c.status,
    anonymous: c.anonymous,
    publicConsent: c.publicConsent,
    phoneEnc: c.phoneEnc,
    routingReasons: c.routingReasons.map(({ rule, code, message }) => ({ rule, code, message })),
    flaggedForReview: c.flaggedForReview,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    ackDueAt: c.ackDueAt,
    replyDueAt: c.replyDueAt,
    nextDueAt,
    dueKey: nextDueAt?.toISOString() ?? NO_DEADLINE,
    acknowledgedAt: c.acknowledgedAt,
    repliedAt: c.repliedAt,
    closedAt: c.closedAt,
    reply: c.reply,
    forwardedTo: c.forwardedTo ? { department: c.forwardedTo.department, reference: c.forwardedTo.reference } : null,
    rating: c.rating,
    ratingComment: c.ratingComment,
    ratedAt: c.ratedAt,
    mergedInto: c.mergedInto,
    ackEscalation: c.ackEscalation,
    replyEscalation: c.replyEscalation,
    reopenCount: c.reopenCount,
    idempotencyKey: c.idempotencyKey,
    version: c.version,
    deadlinesProvisional: c.deadlinesProvisional === true,
    handlingDistrictId: c.handlingDistrictId,
    ratings: c.ratings.map(({ rating, comment, at }) => ({ rating, comment, at })),
    // Null, not absent, when there is none: an update's $set then clears one a new round dropped.
    slaReplyDueAt: c.slaReplyDueAt ?? null,
    sentBack: c.sentBack ? { rounds: c.sentBack.rounds, ackInTime: c.sentBack.ackInTime, replyInTime: c.sentBack.replyInTime } : null,
  }
}

export const caseFromDoc = (d: CaseDoc): CaseRecord => ({
  id: d._id,
  ticket: d.ticket,
  residentId: d.residentId,
  text: d.text,
  images: [...(d.images ?? [])],
  regionId: d.regionId ?? null,
  communityId: d.communityId ?? null,
  districtId: d.districtId ?? null,
  stationId: d.stationId ?? null,
  deputyId: d.deputyId ?? null,
  officeRegionId: d.officeRegionId ?? null,
  topic: d.topic,
  status: d.status,
  anonymous: d.anonymous === true,
  publicConsent: d.publicConsent === true,
  phoneEnc: d.phoneEnc ?? null,
  routingReasons: (d.routingReasons ?? []).map(({ rule, code, message }) => ({ rule, code, message })),
  flaggedForReview: d.flaggedForReview === true,
  createdAt: new Date(d.createdAt),
  updatedAt: new Date(d.updatedAt),
  ackDueAt: new Date(d.ackDueAt),
  replyDueAt: new Date(d.replyDueAt),
  acknowledgedAt: date(d.acknowledgedAt),
  repliedAt: date(d.repliedAt),
  closedAt: date(d.closedAt),
  reply: d.reply ?? null,
  forwardedTo: d.forwardedTo ? { department: d.forwardedTo.department, reference: d.forwardedTo.reference ?? null } : null,
  rating: d.rating ?? null,
  ratingComment: d.ratingComment ?? null,
  ratedAt: date(d.ratedAt),
  mergedInto: d.mergedInto ?? null,
  ackEscalation: d.ackEscalation ?? 0,
  replyEscalation: d.replyEscalation ?? 0,
  reopenCount: d.reopenCount ?? 0,
  idempotencyKey: d.idempotencyKey ?? null,
  version: d.version,
  // Only when set: the field is optional, and a case without it reads back as it was written.
  ...(d.deadlinesProvisional === true ? { deadlinesProvisional: true } : {}),
  // Written before 012's fields existed: the district handled in was the one stored.
  handlingDistrictId: d.handlingDistrictId !== undefined ? d.handlingDistrictId : (d.districtId ?? null),
  ratings: (d.ratings ?? []).map(({ rating, comment, at }) => ({ rating, comment: comment ?? null, at: new Date(at) })),
  // Only when staff set an earlier reply deadline: a case without it reads back as it was written.
  ...(d.slaReplyDueAt ? { slaReplyDueAt: new Date(d.slaReplyDueAt) } : {}),
  // Absent, not zeros, when no round was sent back: a case with none reads back equal to how it was written.
  ...(d.sentBack?.rounds ? { sentBack: { rounds: d.sentBack.rounds, ackInTime: d.sentBack.ackInTime ?? 0, replyInTime: d.sentBack.replyInTime ?? 0 } } : {}),
})

/** The event as stored under `caseId` (the case it is written for) at position `seq`. */
export const eventToDoc = (e: CaseEvent, caseId: string, seq: number): CaseEventDoc => ({
  _id: e.id,
  caseId,
  seq,
  at: e.at,
  type: e.type,
  actorRole: e.actorRole,
  actorId: e.actorId,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  note: e.note,
  data: jsonObject(e.data),
})

export const eventFromDoc = (d: CaseEventDoc): CaseEvent => ({
  id: d._id,
  caseId: d.caseId,
  at: new Date(d.at),
  type: d.type,
  actorRole: d.actorRole,
  actorId: d.actorId ?? null,
  fromStatus: d.fromStatus ?? null,
  toStatus: d.toStatus ?? null,
  note: d.note ?? null,
  data: d.data ?? {},
})

/** A message's fields without its id: what an upsert on its dedupe key inserts. */
export const outboxFields = (m: OutboxMessage): Omit<OutboxDoc, '_id'> => ({
  channel: m.channel,
  recipientKind: m.recipientKind,
  recipientId: m.recipientId,
  kind: m.kind,
  payload: jsonObject(m.payload),
  dedupeKey: m.dedupeKey,
  status: m.status,
  attempts: m.attempts,
  nextAttemptAt: m.nextAttemptAt,
  lastError: m.lastError,
  lastErrorCode: m.lastErrorCode ?? null,
  createdAt: m.createdAt,
  sentAt: m.sentAt ?? null,
  address: m.address ?? null,
  waitingReason: m.waitingReason ?? null,
  leaseHolder: null,
  leaseUntil: null,
})

export const outboxFromDoc = (d: OutboxDoc): OutboxMessage => ({
  id: d._id,
  channel: d.channel,
  recipientKind: d.recipientKind,
  recipientId: d.recipientId,
  kind: d.kind,
  payload: d.payload ?? {},
  dedupeKey: d.dedupeKey,
  status: d.status,
  attempts: d.attempts ?? 0,
  nextAttemptAt: new Date(d.nextAttemptAt),
  lastError: d.lastError ?? null,
  lastErrorCode: d.lastErrorCode ?? null,
  createdAt: new Date(d.createdAt),
  sentAt: date(d.sentAt),
  address: d.address ?? null,
  waitingReason: d.waitingReason ?? null,
})

export const mpUserToDoc = (u: MpUserRecord): MpUserDoc => ({
  _id: u.id,
  openid: u.openid,
  unionid: u.unionid,
  deputyId: u.deputyId,
  phoneEnc: u.phoneEnc,
  phoneIndex: u.phoneIndex,
  consentVersion: u.consentVersion,
  consentAt: u.consentAt,
  createdAt: u.createdAt,
  botContactId: u.botContactId ?? null,
  botAlias: u.botAlias ?? null,
})

export const mpUserFromDoc = (d: MpUserDoc): MpUserRecord => ({
  id: d._id,
  openid: d.openid ?? null,
  unionid: d.unionid ?? null,
  deputyId: d.deputyId ?? null,
  phoneEnc: d.phoneEnc ?? null,
  phoneIndex: d.phoneIndex ?? null,
  consentVersion: d.consentVersion ?? null,
  consentAt: date(d.consentAt),
  createdAt: new Date(d.createdAt),
  botContactId: d.botContactId ?? null,
  botAlias: d.botAlias ?? null,
})

export const idempotencyFromDoc = (d: IdempotencyDoc): IdempotencyRecord => ({
  scope: d.scope,
  key: d.key,
  requestHash: d.requestHash,
  status: d.status ?? null,
  body: d.body == null ? null : JSON.parse(d.body),
  createdAt: new Date(d.createdAt),
})
