import type { CaseEvent, CaseRecord } from '../../domain/case.js'
import { ratedUnhappy, residentStatusSentence, residentStatusWords } from '../../domain/resident-status-words.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'
import type { ReopenOffer } from '../../services/cases/case-workflow.js'
import { residentDueDateText } from '../../domain/due-date-text.js'
import { rulesReplyDueAt } from '../../domain/reply-deadline.js'
import { presentResidentEvent, RESIDENT_EVENTS, type TimelineStep } from './case-steps.js'
import { caseCore, type ReadingTime } from './cases.js'

// Presenters name every field they return: a case holds personal data.

/**
 * A resident's own message as she reads it: in her list, on its page (the mini-program and the chat) and in
 * her copy of her data (导出). What deputies and staff read of it is in cases.ts.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null

/**
 * Deadlines as the resident who wrote the message reads them, on her page, in the chat and in her copy of her
 * data alike: "11月24日 10:00前", "12月22日前（含当日）"; never the office's "24:00", which she does not say.
 */
const residentDeadlineTexts = (c: CaseRecord, { timeZone, now }: ReadingTime) => ({
  acknowledgeByText: residentDueDateText(c.ackDueAt, timeZone, now),
  // The rules' date she was told, not an earlier one staff asked of the deputy (rulesReplyDueAt).
  replyByText: residentDueDateText(rulesReplyDueAt(c), timeZone, now),
})

/**
 * A resident's own message, in her list: `statusLabel` in her words ("已交给代表，代表还没有看"), not the office's;
 * `statusText` the sentence her message's page says, naming the deputy who has it ("已交给张伟代表，代表还没有看").
 */
export const presentResidentCaseSummary = ({ case: c, deputy }: { case: CaseRecord; deputy: string | null }) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: residentStatusWords(c),
  statusText: residentStatusSentence(c, deputy),
  /** Closed, with her score saying she was not satisfied: not shown as done and well (✓ in green). */
  ratedUnhappy: ratedUnhappy(c),
  excerpt: c.text.slice(0, 60),
  topic: c.topic,
  createdAt: c.createdAt.toISOString(),
})

type DeadlineTexts = ReturnType<typeof residentDeadlineTexts>

/**
 * What a resident's message and her copy of it (导出) both hold, in this order: the case, its
 * deadlines, who handles it, her choices and the steps she sees. The two differ only in their words.
 */
const residentCaseShape = (d: CaseDetail, deadlines: DeadlineTexts, present: (e: CaseEvent) => TimelineStep) => ({
  ...caseCore(d.case),
  // Her reply date is the rules' she was told, as replyByText says it (rulesReplyDueAt).
  replyBy: rulesReplyDueAt(d.case).toISOString(),
  ...deadlines,
  handledBy: { station: d.names.station, deputy: d.names.deputy, office: d.names.office },
  anonymous: d.case.anonymous,
  /** Whether the resident agreed to 公开选登: the case page offers to take it back. */
  publicConsent: d.case.publicConsent,
  timeline: d.events.filter((e) => RESIDENT_EVENTS.includes(e.type)).map(present),
})

/**
 * 重新办理 as her page offers it (null: nothing to offer): `allowed` now or not, the last moment
 * `until` and in her words `untilText` ("12月3日 10:00前"), and past it `refusal`, what she can do instead.
 */
const presentReopenOffer = (offer: ReopenOffer | null, { timeZone, now }: ReadingTime) =>
  offer && {
    allowed: offer.allowed,
    until: offer.until.toISOString(),
    untilText: residentDueDateText(offer.until, timeZone, now),
    refusal: offer.refusal,
  }

/**
 * Where a new message about the same thing goes (再写一条留言): to the deputy she wrote to by name
 * while they are in office, by the public code on their poster and card (what the form takes) and
 * the name her page already shows; null otherwise, and the form goes by her place.
 */
const presentWriteAgainTo = (d: CaseDetail) => (d.addressedDeputy?.inOffice ? { deputyCode: d.addressedDeputy.code, deputyName: d.addressedDeputy.name } : null)

/**
 * A resident's own message: where it stands, its deadlines and the steps of its timeline in her
 * words; `reopen` whether and until when she may ask for it to be handled again (the chat, which
 * asks the workflow itself, passes none); `writeAgainTo` where a new message about it would go.
 */
export const presentResidentCase = (d: CaseDetail, at: ReadingTime, reopen: ReopenOffer | null = null) => ({
  ...residentCaseShape(d, residentDeadlineTexts(d.case, at), (e) => presentResidentEvent(e, d.timelineNames)),
  statusLabel: residentStatusWords(d.case),
  /** The same state as one sentence naming the deputy, for her message's own page ("已交给张伟代表，代表还没有看"). */
  statusText: residentStatusSentence(d.case, d.names.deputy),
  /** Closed, with her score saying she was not satisfied: not shown as done and well (✓ in green). */
  ratedUnhappy: ratedUnhappy(d.case),
  reopen: presentReopenOffer(reopen, at),
  writeAgainTo: presentWriteAgainTo(d),
})

/**
 * A resident's message in her copy of her data (导出): the office's record as it is kept (the
 * office's status), with the phone number she gave and when it ended. Its deadlines read as her page
 * says them ("12月22日前（含当日）"), not the office's "24:00": the copy is hers to read. Its steps
 * are worded as her message's page words them ("已交给张伟代表办理", not 分派代表): the copy is hers
 * to read, and the same step should not read two ways; each step's `type` keeps the office's code.
 */
export const presentExportedCase = (d: CaseDetail, phone: string | null, at: ReadingTime) => ({
  ...residentCaseShape(d, residentDeadlineTexts(d.case, at), (e) => presentResidentEvent(e, d.timelineNames)),
  phone,
  place: { regionId: d.case.regionId, communityId: d.case.communityId, districtId: d.case.districtId },
  closedAt: iso(d.case.closedAt),
  ratedAt: iso(d.case.ratedAt),
})
