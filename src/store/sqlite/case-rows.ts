import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { nextDeadline } from '../../domain/case.js'
import type { IdempotencyRecord, MpUserRecord, OutboxMessage } from '../ports.js'

// better-sqlite3 rows are untyped; these mappers are the one place that knows their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = any

const date = (v: string | null) => (v === null ? null : new Date(v))
const iso = (d: Date | null) => (d === null ? null : d.toISOString())

export const CASE_COLUMNS = [
  'id',
  'ticket',
  'resident_id',
  'text',
  'images',
  'region_id',
  'community_id',
  'district_id',
  'station_id',
  'deputy_id',
  'office_region_id',
  'topic',
  'status',
  'anonymous',
  'public_consent',
  'phone_enc',
  'routing_reasons',
  'flagged_for_review',
  'created_at',
  'updated_at',
  'ack_due_at',
  'reply_due_at',
  'next_due_at',
  'acknowledged_at',
  'replied_at',
  'closed_at',
  'reply',
  'forwarded_to',
  'rating',
  'rating_comment',
  'rated_at',
  'merged_into',
  'ack_escalation',
  'reply_escalation',
  'reopen_count',
  'idempotency_key',
  'version',
  'deadlines_provisional',
  'handling_district_id',
  'ratings',
  'sla_reply_due_at',
  'sent_back_rounds',
  'sent_back_ack_in_time',
  'sent_back_reply_in_time',
] as const

/**
 * A case's values in CASE_COLUMNS order, for the positional INSERT and UPDATE: building them
 * straight into an array, not an object read back column by column, is half of a case row's JS.
 * The order is CASE_COLUMNS' (each value's column is named beside it; a round trip through
 * caseFromRow is tested with every field distinct).
 */
export function caseValues(c: CaseRecord): unknown[] {
  return [
    c.id, // id
    c.ticket, // ticket
    c.residentId, // resident_id
    c.text, // text
    JSON.stringify(c.images), // images
    c.regionId, // region_id
    c.communityId, // community_id
    c.districtId, // district_id
    c.stationId, // station_id
    c.deputyId, // deputy_id
    c.officeRegionId, // office_region_id
    c.topic, // topic
    c.status, // status
    c.anonymous ? 1 : 0, // anonymous
    c.publicConsent ? 1 : 0, // public_consent
    c.phoneEnc, // phone_enc
    JSON.stringify(c.routingReasons), // routing_reasons
    c.flaggedForReview ? 1 : 0, // flagged_for_review
    iso(c.createdAt), // created_at
    iso(c.updatedAt), // updated_at
    iso(c.ackDueAt), // ack_due_at
    iso(c.replyDueAt), // reply_due_at
    iso(nextDeadline(c)), // next_due_at
    iso(c.acknowledgedAt), // acknowledged_at
    iso(c.repliedAt), // replied_at
    iso(c.closedAt), // closed_at
    c.reply, // reply
    c.forwardedTo ? JSON.stringify(c.forwardedTo) : null, // forwarded_to
    c.rating, // rating
    c.ratingComment, // rating_comment
    iso(c.ratedAt), // rated_at
    c.mergedInto, // merged_into
    c.ackEscalation, // ack_escalation
    c.replyEscalation, // reply_escalation
    c.reopenCount, // reopen_count
    c.idempotencyKey, // idempotency_key
    c.version, // version
    c.deadlinesProvisional ? 1 : 0, // deadlines_provisional
    c.handlingDistrictId, // handling_district_id
    JSON.stringify(c.ratings.map((r) => ({ ...r, at: r.at.toISOString() }))), // ratings
    iso(c.slaReplyDueAt ?? null), // sla_reply_due_at
    c.sentBack?.rounds ?? 0, // sent_back_rounds
    c.sentBack?.ackInTime ?? 0, // sent_back_ack_in_time
    c.sentBack?.replyInTime ?? 0, // sent_back_reply_in_time
  ]
}

export const caseFromRow = (r: Row): CaseRecord => ({
  id: r.id,
  ticket: r.ticket,
  residentId: r.resident_id,
  text: r.text,
  images: JSON.parse(r.images),
  regionId: r.region_id,
  communityId: r.community_id,
  districtId: r.district_id,
  stationId: r.station_id,
  deputyId: r.deputy_id,
  officeRegionId: r.office_region_id,
  topic: r.topic,
  status: r.status,
  anonymous: r.anonymous === 1,
  publicConsent: r.public_consent === 1,
  phoneEnc: r.phone_enc,
  routingReasons: JSON.parse(r.routing_reasons),
  flaggedForReview: r.flagged_for_review === 1,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  ackDueAt: new Date(r.ack_due_at),
  replyDueAt: new Date(r.reply_due_at),
  acknowledgedAt: date(r.acknowledged_at),
  repliedAt: date(r.replied_at),
  closedAt: date(r.closed_at),
  reply: r.reply,
  forwardedTo: r.forwarded_to ? JSON.parse(r.forwarded_to) : null,
  rating: r.rating,
  ratingComment: r.rating_comment,
  ratedAt: date(r.rated_at),
  mergedInto: r.merged_into,
  ackEscalation: r.ack_escalation,
  replyEscalation: r.reply_escalation,
  reopenCount: r.reopen_count,
  idempotencyKey: r.idempotency_key,
  version: r.version,
  // Only when set: the field is optional, and a case without it reads back as it was written.
  ...(r.deadlines_provisional === 1 ? { deadlinesProvisional: true } : {}),
  handlingDistrictId: r.handling_district_id,
  ratings: (JSON.parse(r.ratings) as Array<{ rating: number; comment: string | null; at: string }>).map((x) => ({
    rating: x.rating,
    comment: x.comment ?? null,
    at: new Date(x.at),
  })),
  // Only when staff set an earlier reply deadline (migration 077): a case without it reads back as it was written.
  ...(r.sla_reply_due_at ? { slaReplyDueAt: new Date(r.sla_reply_due_at) } : {}),
  // Absent, not zeros, when no round was sent back (migration 078): a case with none reads back equal to how it was written.
  ...(r.sent_back_rounds > 0 ? { sentBack: { rounds: r.sent_back_rounds, ackInTime: r.sent_back_ack_in_time, replyInTime: r.sent_back_reply_in_time } } : {}),
})

export const eventFromRow = (r: Row): CaseEvent => ({
  id: r.id,
  caseId: r.case_id,
  at: new Date(r.at),
  type: r.type,
  actorRole: r.actor_role,
  actorId: r.actor_id,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  note: r.note,
  data: JSON.parse(r.data),
})

export const outboxFromRow = (r: Row): OutboxMessage => ({
  id: r.id,
  channel: r.channel,
  recipientKind: r.recipient_kind,
  recipientId: r.recipient_id,
  kind: r.kind,
  payload: JSON.parse(r.payload),
  dedupeKey: r.dedupe_key,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: new Date(r.next_attempt_at),
  lastError: r.last_error,
  lastErrorCode: r.last_error_code ?? null,
  createdAt: new Date(r.created_at),
  sentAt: date(r.sent_at ?? null),
  address: r.address ?? null,
  waitingReason: r.waiting_reason ?? null,
})

export const mpUserFromRow = (r: Row): MpUserRecord => ({
  id: r.id,
  openid: r.openid,
  unionid: r.unionid,
  deputyId: r.deputy_id,
  phoneEnc: r.phone_enc,
  phoneIndex: r.phone_index,
  consentVersion: r.consent_version,
  consentAt: date(r.consent_at),
  createdAt: new Date(r.created_at),
  botContactId: r.bot_contact_id ?? null,
  botAlias: r.bot_alias ?? null,
})

export const idempotencyFromRow = (r: Row): IdempotencyRecord => ({
  scope: r.scope,
  key: r.key,
  requestHash: r.request_hash,
  status: r.status,
  body: r.body === null ? null : JSON.parse(r.body),
  createdAt: new Date(r.created_at),
})
