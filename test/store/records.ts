import type { CaseEvent, CaseRecord } from '../../src/domain/case.js'
import type { MpUserRecord, OutboxMessage } from '../../src/store/ports.js'

/**
 * Plain records as the store holds them (a case, its events, an outbox message, a person), for the
 * contract suite and the unit tests that need one without going through the services.
 */
const T0 = new Date('2026-11-22T02:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
let n = 0

export function caseRecord(over: Partial<CaseRecord> = {}): Omit<CaseRecord, 'ticket'> {
  const id = over.id ?? `case-${++n}`
  return {
    id,
    residentId: 'mu1',
    text: '小区门口路灯坏了',
    images: [],
    regionId: 'c010101',
    communityId: 'c010101',
    districtId: 'd01',
    stationId: 'st001',
    deputyId: 'dp0001',
    officeRegionId: null,
    topic: '城乡建设',
    status: 'assigned',
    anonymous: false,
    publicConsent: false,
    phoneEnc: null,
    routingReasons: [{ rule: 'place', code: 'covering_station', message: '…' }],
    flaggedForReview: false,
    createdAt: T0,
    updatedAt: T0,
    ackDueAt: at(24 * 60),
    replyDueAt: at(21 * 24 * 60),
    acknowledgedAt: null,
    repliedAt: null,
    closedAt: null,
    reply: null,
    forwardedTo: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    mergedInto: null,
    ackEscalation: 0,
    replyEscalation: 0,
    reopenCount: 0,
    idempotencyKey: null,
    version: 1,
    handlingDistrictId: 'd01',
    ratings: [],
    ...over,
  }
}

export function caseEvent(caseId: string, type: CaseEvent['type'], over: Partial<CaseEvent> = {}): CaseEvent {
  return { id: `ev-${++n}`, caseId, at: T0, type, actorRole: 'system', actorId: null, fromStatus: null, toStatus: null, note: null, data: {}, ...over }
}

export function outboxMessage(dedupeKey: string, over: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: `ob-${++n}`,
    channel: 'auto',
    recipientKind: 'deputy',
    recipientId: 'dp0001',
    kind: 'case.assigned',
    payload: { ticket: 'x' },
    dedupeKey,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: T0,
    lastError: null,
    createdAt: T0,
    ...over,
  }
}

/**
 * A person of the mini-program or the chat with nothing known of her yet (no WeChat, no phone, no consent, no
 * deputy), came at T0 unless `over` says otherwise; a test names only what its story needs.
 */
export function mpUserRecord(id: string, over: Partial<MpUserRecord> = {}): MpUserRecord {
  return {
    id,
    openid: null,
    unionid: null,
    deputyId: null,
    phoneEnc: null,
    phoneIndex: null,
    consentVersion: null,
    consentAt: null,
    createdAt: T0,
    botContactId: null,
    botAlias: null,
    ...over,
  }
}
