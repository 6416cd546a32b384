import { timeOrderedUuid } from '../../ids.js'
import type { Clock } from '../../clock.js'
import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { STATUS_LABELS } from '../../domain/case.js'
import type { CalendarSource } from '../calendar/calendar.js'
import { localDate } from '../../domain/dates.js'
import { spokenDeadline } from '../../domain/spoken-dates.js'
import { normalizePhone } from '../../domain/phone.js'
import { phoneRefused } from '../phone-refused.js'
import { sameSubmission } from '../../domain/same-submission.js'
import { slaDeadlines, type SlaPolicy } from '../../domain/sla.js'
import { ConflictError, UnprocessableError } from '../../errors.js'
import type { PiiCipher } from '../../security/pii.js'
import type { OutboxMessage, Store } from '../../store/ports.js'
import { assignedNotice, caseEvent, caseMessage, queueOf, type Recipient } from './case-changes.js'
import type { RoutingService } from './case-routing.js'
import type { MpPrincipal } from '../accounts/mp-sessions.js'
import type { PrivacyNotice } from '../privacy/privacy.js'
import { requireConsent } from '../privacy/consent-check.js'
import type { Uploads } from './uploads.js'
import { openMessageSaying, sentBeforeError } from './sent-before.js'

export interface CaseDraft {
  text: string
  images: string[]
  regionId?: string | null
  deputyCode?: string | null
  stationCode?: string | null
  /** The resident typed the code or name (the chat bot): an unknown one is refused, not ignored. */
  targetTyped?: boolean
  /** The resident chose the deputy or station in the mini-program rather than scanning its code (RoutingInput). */
  targetChosen?: boolean
  /** A deputy writing it themselves (转为群众留言): routing passes them over. */
  notDeputyId?: string | null
  anonymous: boolean
  publicConsent: boolean
  phone?: string | null
  /** When no phone is given, the one the person bound through WeChat (never on an anonymous message). */
  useAccountPhone?: boolean
  /**
   * Written in the WeChat chat (the bot): said in its first step, so that a chat joined to a mini-program account can
   * take back what it wrote there when it undoes the join (ChatJoinRepo.undoFromChat).
   */
  via?: 'chat'
  /**
   * Written in the chat: its WeChat contact. The store gives the message to whoever holds that chat as it writes it
   * (CaseSubmission.writtenInChat): a 解除 landing after the person was read sends it to the chat's own person.
   */
  chatContactId?: string | null
  /** She was told she already sent these words (409 same_message_open) and sends them again all the same. */
  sendAgain?: boolean
}

/** A verdict on a resident's text (WeChat's msg_sec_check when enabled); 'unavailable' when it could not be asked. */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'unavailable'
export type ContentCheck = (text: string, residentId: string) => Promise<ContentVerdict>
export const CONTENT_REFUSED = '您提交的内容可能含有不适宜发布的信息，请修改后再提交'
/** Other words under a key already used by an earlier message: this one was not kept, and a fresh page makes a fresh key. */
const KEY_REUSED = '这次的留言没有提交成功，请退出留言页，重新打开后再提交一次'

export interface SubmittedCase {
  record: CaseRecord
  /** Its timeline as written, so that the caller can show the case without reading it back. */
  events: CaseEvent[]
  summary: string
  /** True when this is the answer to a repeated request (same Idempotency-Key). */
  replayed: boolean
}

/** What CaseSubmitter is built from (one object: the parameters are many). */
export interface CaseSubmitterDeps {
  store: Pick<Store, 'cases' | 'mpUsers'>
  routing: RoutingService
  cipher: PiiCipher
  calendar: CalendarSource
  /** `reopenMaxRating`: said to her when her words are on a message answered and waiting for her score (sent-before.ts). */
  policy: SlaPolicy & { timeZone: string; reopenMaxRating: number }
  privacy: PrivacyNotice
  clock: Clock
  checkContent?: ContentCheck | null
  /** Marks the message's images attached, so that the unattached-uploads job leaves them. */
  uploads?: Pick<Uploads, 'keep'> | null
}

/**
 * Takes a resident's message: routes it, numbers it, sets its deadlines and writes it with
 * its first events and messages in one transaction. An accepted message is never lost
 * and never made twice.
 */
export class CaseSubmitter {
  private readonly store: Pick<Store, 'cases' | 'mpUsers'>
  private readonly routing: RoutingService
  private readonly cipher: PiiCipher
  private readonly calendar: CalendarSource
  private readonly policy: SlaPolicy & { timeZone: string; reopenMaxRating: number }
  private readonly privacy: PrivacyNotice
  private readonly clock: Clock
  private readonly checkContent: ContentCheck | null
  private readonly uploads: Pick<Uploads, 'keep'> | null

  constructor(deps: CaseSubmitterDeps) {
    ;({
      store: this.store,
      routing: this.routing,
      cipher: this.cipher,
      calendar: this.calendar,
      policy: this.policy,
      privacy: this.privacy,
      clock: this.clock,
      checkContent: this.checkContent = null,
      uploads: this.uploads = null,
    } = deps)
  }

  async submit(resident: MpPrincipal, draft: CaseDraft, idempotencyKey: string | null): Promise<SubmittedCase> {
    // A repeated Idempotency-Key is answered by the HTTP layer's stored answer; one it no longer holds (purged after
    // 48 h) meets the store's unique key below: the first case is handed back only if this is that message again.
    // The one consent check every feature asks (a named answer, a quiz paper): the same 422 consent_required.
    await requireConsent(resident, this.privacy.version, this.store.mpUsers)
    // Words she already sent, on a message still being handled: she is asked before a second case is made for them.
    if (!draft.sendAgain) await this.askIfSentBefore(resident, draft, idempotencyKey)
    const phone = this.contactPhone(draft.phone) ?? (draft.useAccountPhone && !draft.anonymous ? await this.accountPhone(resident) : null)
    // A risky text is refused before anything is written; one to review, or one the check
    // could not judge, is accepted and flagged so that a person looks at it.
    const verdict = this.checkContent ? await this.checkContent(draft.text, resident.id) : 'pass'
    if (verdict === 'risky') throw new UnprocessableError(CONTENT_REFUSED, [{ path: 'body.text', message: '内容未通过安全检查' }], 'content_refused')
    const now = this.clock.now()
    const placed = await this.routing.decide({
      text: draft.text,
      regionId: draft.regionId,
      deputyCode: draft.deputyCode,
      stationCode: draft.stationCode,
      targetTyped: draft.targetTyped,
      targetChosen: draft.targetChosen,
      notDeputyId: draft.notDeputyId,
      at: now,
    })
    const { decision } = placed
    if (draft.targetTyped)
      refuseUnknownCodes(
        decision.reasons.map((r) => r.code),
        draft,
      )
    const { ackDueAt, replyDueAt, provisional } = slaDeadlines(now, await this.calendar.current(), this.policy)
    const id = `cs-${timeOrderedUuid()}`
    const regionKnown = draft.regionId && placed.prepared.regions.has(draft.regionId) ? draft.regionId : null
    const record: Omit<CaseRecord, 'ticket'> = {
      id,
      residentId: resident.id,
      text: draft.text,
      images: draft.images,
      regionId: regionKnown,
      communityId: placed.communityId,
      districtId: placed.districtId,
      handlingDistrictId: placed.handlingDistrictId,
      stationId: decision.stationId,
      deputyId: decision.deputyId,
      officeRegionId: decision.officeRegionId,
      topic: decision.topic,
      status: decision.deputyId ? 'assigned' : 'submitted',
      anonymous: draft.anonymous,
      publicConsent: draft.publicConsent,
      phoneEnc: phone ? this.cipher.encrypt(phone, id) : null,
      routingReasons: decision.reasons,
      flaggedForReview: verdict === 'review' || verdict === 'unavailable',
      createdAt: now,
      updatedAt: now,
      ackDueAt,
      replyDueAt,
      acknowledgedAt: null,
      repliedAt: null,
      closedAt: null,
      reply: null,
      forwardedTo: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      ratings: [],
      mergedInto: null,
      ackEscalation: 0,
      replyEscalation: 0,
      reopenCount: 0,
      idempotencyKey,
      version: 1,
      deadlinesProvisional: provisional,
    }
    const author = { role: 'resident' as const, id: resident.id }
    const firstStep = { reasons: decision.reasons.map((r) => r.code), ...(draft.via ? { via: draft.via } : {}) }
    const events = [caseEvent(record, 'submitted', author, now, { to: 'submitted', data: firstStep })]
    if (verdict === 'review' || verdict === 'unavailable') {
      events.push(
        caseEvent(record, 'flagged', { role: 'system', id: null }, now, {
          note: verdict === 'review' ? '内容安全检查建议人工复核' : '内容安全检查暂不可用，请人工复核',
        }),
      )
    }
    if (decision.deputyId)
      events.push(
        caseEvent(record, 'assigned', { role: 'system', id: null }, now, {
          from: 'submitted',
          to: 'assigned',
          note: placed.summary,
          data: { deputyId: decision.deputyId, stationId: decision.stationId },
        }),
      )
    const ticketDate = localDate(now, this.policy.timeZone)
    // Last, once nothing else can refuse the message: a photo marked for a message never written
    // is kept (a rare failed write), one written unmarked would be deleted from under it.
    await this.uploads?.keep(draft.images, now)
    try {
      const to = decision.deputyId ? { kind: 'deputy' as const, id: decision.deputyId } : queueOf(record)
      const deputyName = decision.deputyId ? (placed.prepared.deputies.get(decision.deputyId)?.name ?? '') : null
      const stored = await this.store.cases.submit({
        record,
        ticketDate,
        events,
        ...(draft.chatContactId ? { writtenInChat: { contactId: draft.chatContactId, consentVersion: this.privacy.version } } : {}),
        outbox: this.firstMessage(to, deputyName, now),
      })
      return { record: stored, events, summary: placed.summary, replayed: false }
    } catch (err) {
      // The key is the first case's (two requests raced, or the HTTP layer's answer was purged): nothing of this one
      // was written; it is answered with that case if it is the same message, else refused (answerEarlier).
      if (err instanceof ConflictError && idempotencyKey) {
        const winner = await this.store.cases.findByIdempotencyKey(resident.id, idempotencyKey)
        if (winner) return this.answerEarlier(winner, record, phone)
      }
      throw err
    }
  }

  /**
   * The message a new case sends once the store has given it its ticket: to the deputy it went to (`deputyName`; null:
   * it went to a queue), else to the queue that places it. Handed over unnamed: under tsx (`npm start`) a function bound
   * to a name where it is made is also named there, a defineProperty for every message.
   */
  private firstMessage(to: Recipient, deputyName: string | null, now: Date): (c: CaseRecord) => OutboxMessage[] {
    return (c) => {
      // A station's or office's queue is read in a group chat: no word of the resident's text
      // (it may carry their name, phone or address), only where to find it.
      if (deputyName === null)
        return [caseMessage(c, 'case.queued', to, `新留言 ${c.ticket}（${c.topic}）待分派，请登录工作台查看并分派。`, `case:${c.id}:submitted`, now)]
      // His deadline as his 待办 and digest say it (spokenDeadline): "11月24日（星期二）上午10:00前", never "24:00".
      const notice = assignedNotice(c, deputyName, spokenDeadline(c.ackDueAt, this.policy.timeZone, now))
      return [caseMessage(c, 'case.assigned', to, notice.text, `case:${c.id}:submitted`, now, notice.extra)]
    }
  }

  /**
   * The message first kept under her Idempotency-Key, handed back when this request is that message sent again (its
   * answer was lost); other words under the same key are refused and nothing is written, as the HTTP layer refuses
   * them while it still holds the key (422 idempotency_key_reused): never "sent" for words that were not kept.
   */
  private async answerEarlier(earlier: CaseRecord, again: Omit<CaseRecord, 'ticket'>, phone: string | null): Promise<SubmittedCase> {
    // A number no longer readable (retired key) is not held against a resend.
    const earlierPhone = earlier.phoneEnc ? (this.cipher.tryDecrypt(earlier.phoneEnc, earlier.id) ?? undefined) : null
    if (!sameSubmission({ ...earlier, phone: earlierPhone }, { ...again, phone })) throw new UnprocessableError(KEY_REUSED, [], 'idempotency_key_reused')
    return this.replay(earlier)
  }

  private async replay(c: CaseRecord): Promise<SubmittedCase> {
    const events = await this.store.cases.events(c.id)
    const first = events.find((e) => e.type === 'assigned')
    return { record: c, events, summary: first?.note ?? STATUS_LABELS[c.status], replayed: true }
  }

  private async askIfSentBefore(resident: MpPrincipal, draft: CaseDraft, idempotencyKey: string | null) {
    // Where it would be about, as its record would keep it: short words are the same message only about the same place.
    const place = await this.routing.placeOf(draft)
    const earlier = await openMessageSaying(this.store, resident.id, { text: draft.text, ...place }, idempotencyKey)
    if (earlier) throw sentBeforeError(earlier, await this.routing.prepared(), this.policy, this.clock.now())
  }

  /** The number the person bound through WeChat's phone button, which the write page says the deputy will call. */
  private async accountPhone(resident: MpPrincipal) {
    const user = await this.store.mpUsers.get(resident.id)
    // Unreadable (retired key), the message still goes: without the number, the operator told by the log.
    return user?.phoneEnc ? this.cipher.tryDecrypt(user.phoneEnc, user.id) : null
  }

  private contactPhone(phone: string | null | undefined) {
    if (!phone) return null
    const normalized = normalizePhone(phone)
    // The mini-program shows the field's words: what she typed and what to type instead.
    if (!normalized) throw phoneRefused(phone)
    return normalized
  }
}

/**
 * A poster's code scanned in the mini-program is trusted to exist and, when it no longer
 * does, is ignored with a reason (the place still routes it). A code a resident typed may be
 * a typo: it is refused, so that the message never goes somewhere the resident did not mean.
 */
function refuseUnknownCodes(codes: string[], draft: CaseDraft) {
  if (codes.includes('unknown_deputy_code')) {
    throw new UnprocessableError(
      `没有找到编号为 ${draft.deputyCode} 的代表，请核对后再发`,
      [{ path: 'body.deputyCode', message: '代表编号不存在' }],
      'unknown_deputy_code',
    )
  }
  if (codes.includes('unknown_station_code')) {
    throw new UnprocessableError(
      `没有找到编号为 ${draft.stationCode} 的联络站，请核对海报上的编号`,
      [{ path: 'body.stationCode', message: '联络站编号不存在' }],
      'unknown_station_code',
    )
  }
}
