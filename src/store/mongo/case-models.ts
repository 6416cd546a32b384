import { Schema, type Connection, type Model } from 'mongoose'
import { CASE_STATUSES, type CaseEvent, type CaseRecord } from '../../domain/case.js'
import type { RoundsSentBack } from '../../domain/rounds-sent-back.js'
import type { IdempotencyRecord, MpUserRecord, OutboxMessage } from '../ports.js'

/**
 * Documents of the mini-program's people, cases with their timeline, the outbox, ticket
 * counters and idempotency keys: the mongo side of sqlite's 002_cases.sql. Records keep
 * their own string id as `_id`, as the directory's do.
 */
type Stored<T extends { id: string }> = Omit<T, 'id'> & { _id: string }
/** `erasedAt`: when the person's data was erased (privacy-repo.ts). */
export type MpUserDoc = Stored<MpUserRecord> & { erasedAt?: Date | null }
/**
 * `nextDueAt` is nextDeadline(record), rewritten with every write, for the overdue and 未按时受理 filters;
 * `dueKey` is its ISO text, or "9999" when no deadline applies, so that sorting by it
 * puts cases without a deadline last, as sqlite's coalesce(next_due_at, '9999') does.
 */
export type CaseDoc = Omit<Stored<CaseRecord>, 'slaReplyDueAt' | 'sentBack'> & {
  nextDueAt: Date | null
  dueKey: string
  anonymisedAt?: Date | null
  /** Null once a new round drops it: $set must write it, which an absent field would not. */
  slaReplyDueAt?: Date | null
  sentBack?: RoundsSentBack | null
}
/** `seq` orders the events of one case, including those of the same instant. */
export type CaseEventDoc = Stored<CaseEvent> & { seq: number }
/** The lease of the dispatcher sending it: who, and until when (sqlite's lease_holder / lease_until). */
export type OutboxDoc = Stored<OutboxMessage> & { leaseHolder?: string | null; leaseUntil?: Date | null; claimId?: string | null }
/** The day (YYYYMMDD) and the last ticket number handed out for it. */
export interface TicketCounterDoc {
  _id: string
  last: number
}
/** The body is kept as JSON text, as sqlite keeps it: replayed verbatim, never queried. */
export type IdempotencyDoc = Omit<IdempotencyRecord, 'body'> & { body: string | null }

export interface CaseModels {
  MpUser: Model<MpUserDoc>
  Case: Model<CaseDoc>
  CaseEvent: Model<CaseEventDoc>
  Outbox: Model<OutboxDoc>
  TicketCounter: Model<TicketCounterDoc>
  IdempotencyKey: Model<IdempotencyDoc>
}

// The same conventions as models.ts: no `required` validators, no version key (cases
// carry their own `version`), no `id` virtual.
const options = { versionKey: false, id: false } as const
const nullableString = { type: String, default: null }
const nullableDate = { type: Date, default: null }
const nullableNumber = { type: Number, default: null }
const stringList = { type: [String], default: () => [] as string[] }
/** Null is allowed any number of times; only real strings must be unique. */
const uniqueWhenString = (field: string) => ({ unique: true, partialFilterExpression: { [field]: { $type: 'string' } } })

function mpUserSchema() {
  const schema = new Schema<MpUserDoc>(
    {
      _id: String,
      openid: nullableString,
      unionid: nullableString,
      deputyId: nullableString,
      phoneEnc: nullableString,
      phoneIndex: nullableString,
      consentVersion: nullableString,
      consentAt: nullableDate,
      createdAt: Date,
      botContactId: nullableString,
      botAlias: nullableString,
      erasedAt: nullableDate,
    },
    options,
  )
  schema.index({ openid: 1 }, uniqueWhenString('openid'))
  // Not unique: a deputy may be bound in the mini-program and in the bot at once (the service keeps one of each).
  schema.index({ deputyId: 1 })
  schema.index({ botContactId: 1 }, uniqueWhenString('botContactId'))
  schema.index({ botAlias: 1 }, uniqueWhenString('botAlias'))
  return schema
}

function caseSchema() {
  const schema = new Schema<CaseDoc>(
    {
      _id: String,
      ticket: String,
      residentId: String,
      text: String,
      images: stringList,
      regionId: nullableString,
      communityId: nullableString,
      districtId: nullableString,
      stationId: nullableString,
      deputyId: nullableString,
      officeRegionId: nullableString,
      handlingDistrictId: nullableString,
      topic: String,
      status: { type: String, enum: [...CASE_STATUSES] },
      anonymous: Boolean,
      publicConsent: Boolean,
      phoneEnc: nullableString,
      routingReasons: {
        type: [new Schema({ rule: String, code: String, message: String }, { _id: false, id: false })],
        default: () => [],
      },
      flaggedForReview: { type: Boolean, default: false },
      createdAt: Date,
      updatedAt: Date,
      ackDueAt: Date,
      replyDueAt: Date,
      nextDueAt: nullableDate,
      dueKey: String,
      acknowledgedAt: nullableDate,
      repliedAt: nullableDate,
      closedAt: nullableDate,
      reply: nullableString,
      forwardedTo: {
        type: new Schema({ department: String, reference: nullableString }, { _id: false, id: false }),
        default: null,
      },
      rating: nullableNumber,
      ratingComment: nullableString,
      ratedAt: nullableDate,
      ratings: {
        type: [new Schema({ rating: Number, comment: nullableString, at: Date }, { _id: false, id: false })],
        default: () => [],
      },
      mergedInto: nullableString,
      ackEscalation: { type: Number, default: 0 },
      replyEscalation: { type: Number, default: 0 },
      reopenCount: { type: Number, default: 0 },
      idempotencyKey: nullableString,
      version: Number,
      deadlinesProvisional: { type: Boolean, default: false },
      // The rules' reply deadline beside an earlier one staff set at 分派 (sqlite migration 077); null when none was set.
      slaReplyDueAt: nullableDate,
      // The rounds sent back for 重新办理 and how many were in time (sqlite migration 078); null when none was.
      sentBack: {
        type: new Schema({ rounds: Number, ackInTime: Number, replyInTime: Number }, { _id: false, id: false }),
        default: null,
      },
      anonymisedAt: nullableDate,
    },
    options,
  )
  schema.index({ ticket: 1 }, { unique: true })
  // A resident's retried submission is refused; cases without a key never collide.
  schema.index({ residentId: 1, idempotencyKey: 1 }, uniqueWhenString('idempotencyKey'))
  schema.index({ residentId: 1, createdAt: -1 })
  schema.index({ deputyId: 1, status: 1 })
  schema.index({ stationId: 1, createdAt: -1 })
  schema.index({ districtId: 1, createdAt: -1 })
  schema.index({ handlingDistrictId: 1, createdAt: -1 })
  schema.index({ mergedInto: 1 }, { partialFilterExpression: { mergedInto: { $type: 'string' } } })
  schema.index({ communityId: 1, createdAt: -1 })
  schema.index({ status: 1, nextDueAt: 1 })
  // The two orders of search, each with its tie-breaker.
  schema.index({ createdAt: -1, _id: -1 })
  schema.index({ dueKey: 1, _id: 1 })
  // The retention job: ended cases by when they closed.
  schema.index({ status: 1, closedAt: 1 })
  // The weekly report's answers of a week, by when they were given (sqlite migration 072).
  schema.index({ repliedAt: 1 }, { partialFilterExpression: { repliedAt: { $type: 'date' } } })
  schema.index({ closedAt: 1 }, { partialFilterExpression: { closedAt: { $type: 'date' } } })
  // The console's filters at a province's scale, each in the list's orders (sqlite migration 029).
  for (const field of ['status', 'topic', 'deputyId', 'regionId', 'rating', 'stationId', 'districtId', 'handlingDistrictId'])
    schema.index({ [field]: 1, createdAt: -1, _id: -1 })
  for (const field of ['stationId', 'districtId', 'handlingDistrictId']) schema.index({ [field]: 1, dueKey: 1, _id: 1 })
  schema.index({ nextDueAt: 1 })
  // 只看已超期: the waiting cases (a next deadline) past their reply deadline (case-filter.ts; sqlite migration 080).
  schema.index({ replyDueAt: 1 }, { partialFilterExpression: { nextDueAt: { $type: 'date' } } })
  return schema
}

function caseEventSchema() {
  const schema = new Schema<CaseEventDoc>(
    {
      _id: String,
      caseId: String,
      seq: Number,
      at: Date,
      type: String,
      actorRole: String,
      actorId: nullableString,
      fromStatus: nullableString,
      toStatus: nullableString,
      note: nullableString,
      data: { type: Schema.Types.Mixed, default: () => ({}) },
    },
    // minimize: false keeps an empty `data` object instead of dropping the field.
    { ...options, minimize: false },
  )
  // Unique: two writers that computed the same next seq cannot both commit.
  schema.index({ caseId: 1, seq: 1 }, { unique: true })
  // A deputy's own hand-on steps, his 已转出 list (handedOnBy; sqlite migration 079).
  schema.index({ actorId: 1, at: -1 }, { partialFilterExpression: { type: 'transferred', actorRole: 'deputy' } })
  // A week's rating steps (listRatedIn; sqlite migration 076): the timeline has every rating, the case's own history
  // does not for cases rated before it was kept.
  schema.index({ at: 1 }, { partialFilterExpression: { type: 'rated' } })
  // A week's answer steps (listAnswersSentBackIn; sqlite migration 081): an answer sent back for 重新办理 is no longer the
  // case's repliedAt, but it was given that week. Keys of its own (caseId after at, which the read groups by): servers
  // before 5.0 refuse a second partial index on the rating steps' keys ({ at: 1 }), and createIndexes would pass over it.
  schema.index({ at: 1, caseId: 1 }, { partialFilterExpression: { type: 'replied' } })
  return schema
}

function outboxSchema() {
  const schema = new Schema<OutboxDoc>(
    {
      _id: String,
      channel: String,
      recipientKind: String,
      recipientId: String,
      kind: String,
      payload: { type: Schema.Types.Mixed, default: () => ({}) },
      dedupeKey: String,
      status: { type: String, enum: ['pending', 'sending', 'sent', 'failed', 'dead'] },
      attempts: { type: Number, default: 0 },
      nextAttemptAt: Date,
      lastError: nullableString,
      // The chat bot's reason code (src/domain/send-failure.ts); the sqlite adapter's last_error_code (migration 086).
      lastErrorCode: nullableString,
      createdAt: Date,
      sentAt: nullableDate,
      address: nullableString,
      waitingReason: nullableString,
      leaseHolder: nullableString,
      leaseUntil: nullableDate,
      // Which claimDue call leased it last, so that call can read back exactly its own.
      claimId: nullableString,
    },
    { ...options, minimize: false },
  )
  // The same event never makes two messages: inserts are upserts on this key.
  schema.index({ dedupeKey: 1 }, { unique: true })
  // No (status, nextAttemptAt): no query seeks it (claimDue seeks the channel's, the counts the (status, _id) below),
  // and every message written or moved on updated it for nothing; SQLite dropped its twin (migration 045).
  // claimDue: the due messages of the dispatcher's channels.
  schema.index({ channel: 1, status: 1, nextAttemptAt: 1 })
  schema.index({ recipientId: 1, createdAt: 1 })
  // The outbox console lists by id within a status, channel or kind (sqlite migration 029).
  for (const field of ['status', 'channel', 'kind']) schema.index({ [field]: 1, _id: 1 })
  // Messages about a case, masked with it when it is anonymised (privacy-repo.ts).
  schema.index({ 'payload.caseId': 1 }, { sparse: true })
  return schema
}

function ticketCounterSchema() {
  // No defaults: an upserting $inc must be the only writer of `last`.
  return new Schema<TicketCounterDoc>({ _id: String, last: Number }, options)
}

function idempotencySchema() {
  const schema = new Schema<IdempotencyDoc>(
    {
      scope: String,
      key: String,
      requestHash: String,
      status: nullableNumber,
      body: nullableString,
      createdAt: Date,
    },
    options,
  )
  schema.index({ scope: 1, key: 1 }, { unique: true })
  schema.index({ createdAt: 1 })
  return schema
}

export function defineCaseModels(conn: Connection): CaseModels {
  return {
    MpUser: conn.model<MpUserDoc>('MpUser', mpUserSchema(), 'mp_users'),
    Case: conn.model<CaseDoc>('Case', caseSchema(), 'cases'),
    CaseEvent: conn.model<CaseEventDoc>('CaseEvent', caseEventSchema(), 'case_events'),
    Outbox: conn.model<OutboxDoc>('Outbox', outboxSchema(), 'outbox'),
    TicketCounter: conn.model<TicketCounterDoc>('TicketCounter', ticketCounterSchema(), 'ticket_counters'),
    IdempotencyKey: conn.model<IdempotencyDoc>('IdempotencyKey', idempotencySchema(), 'idempotency_keys'),
  }
}
