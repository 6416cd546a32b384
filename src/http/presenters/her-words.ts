import type { CaseRecord } from '../../domain/case.js'
import { deputyExcerpt } from '../../domain/deputy-gist.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import type { StaffCaseDetail } from '../../services/cases/case-queries.js'
import { staffTimeline } from './case-steps.js'
import type { EscalationDelivery } from '../../services/cases/case-deputy-reach.js'

// What residents wrote, as a case page shows it: masked for deputies and staff; whole only through an audited read.

/**
 * Her words as a deputy and staff read them on a case page: phone and ID numbers masked, as his notices and the chat
 * quote her (maskPhoneAndIdNumbers), so that 打电话给群众 (phoneToCall: audited, only while the message is open, never
 * for an anonymous one) stays the deputy's one way to a number she wrote, and 查看完整原文 (presentStaffWholeWords,
 * audited) the staff's.
 */
export const herWordsMasked = (c: CaseRecord) => ({
  text: maskPhoneAndIdNumbers(c.text),
  ratingComment: c.ratingComment === null ? null : maskPhoneAndIdNumbers(c.ratingComment),
  ratings: c.ratings.map((r) => ({ rating: r.rating, comment: r.comment === null ? null : maskPhoneAndIdNumbers(r.comment), at: r.at.toISOString() })),
})

/**
 * The duplicates merged into a case as its page lists them: her words masked as in every list (deputyExcerpt), `whole`
 * only for 查看完整原文 (audited), and then all of them: a raw cut at 60 could split a number the page showed masked
 * (its first digits only), and the duplicate's own page shows her words whole anyway.
 */
export const duplicateItems = (d: StaffCaseDetail, whole: boolean) =>
  d.duplicates.map((m) => ({
    id: m.id,
    ticket: m.ticket,
    excerpt: whole ? m.text : deputyExcerpt(m.text, 60),
    createdAt: m.createdAt.toISOString(),
  }))

/**
 * What 查看完整原文 answers (GET /api/admin/cases/:id/whole-words, audited): the words residents wrote that the case page
 * shows masked, as they wrote them: her message, her ratings' comments, the timeline (her comments and reopen reasons
 * whole) and the duplicates merged into it.
 */
export const presentStaffWholeWords = (d: StaffCaseDetail, escalations?: ReadonlyMap<string, EscalationDelivery>) => ({
  id: d.case.id,
  ticket: d.case.ticket,
  text: d.case.text,
  ratingComment: d.case.ratingComment,
  ratings: d.case.ratings.map((r) => ({ rating: r.rating, comment: r.comment, at: r.at.toISOString() })),
  duplicates: duplicateItems(d, true),
  timeline: staffTimeline(d, true, escalations),
})

/**
 * Whether the page masked anything residents wrote (the words presentStaffWholeWords gives whole): only then does it
 * offer 查看完整原文. A duplicate is judged on its whole text, as its excerpt is masked before it is cut: a number that
 * starts before character 60 shows as 〔手机号〕 although the raw first 60 hold only its first digits.
 */
export const anythingMasked = (d: StaffCaseDetail) =>
  [
    d.case.text,
    d.case.ratingComment,
    ...d.case.ratings.map((r) => r.comment),
    ...d.events.filter((e) => e.actorRole === 'resident').map((e) => e.note),
    ...d.duplicates.map((m) => m.text),
  ].some((words) => !!words && maskPhoneAndIdNumbers(words) !== words)
