import type { CaseRecord } from '../../domain/case.js'
import { ackLate, waitingLate } from '../../domain/case-stats.js'
import { currentUrge, urgedAtText } from '../../domain/case-urging.js'
import { handedOnText } from '../../domain/case-refusals.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { deputyStatusWords, deputyUrgeNote, type HandedBy } from '../../domain/deputy-case-words.js'
import { deputyExcerpt } from '../../domain/deputy-gist.js'
import {
  deputyPageDeadlines,
  deputyStanding,
  deputyStateNote,
  handedToHim,
  presentDeputyAssignNote,
  presentDeputyReopenNote,
  staffStepBy,
  waitsOnDeputy,
} from './deputy-case-state.js'
import { deputyTimeline, presentDeputyEvent, topicWhenRouted } from './case-steps.js'
import { herWordsMasked } from './her-words.js'
import { caseCore, hoursWithDepartment, iso, provisionalNote } from './cases.js'

// Presenters name every field they return: a case holds personal data.

/** The urge of this round made to the deputy holding it, in his words; null when there is none. */
function deputyUrgeText(d: CaseDetail, timeZone: string): string | null {
  const e = currentUrge(d.events, d.case.deputyId)
  if (!e) return null
  // The clerk's words as the 催办 notice said them: phone and ID numbers masked (she reads her note whole in the console).
  return deputyUrgeNote(staffStepBy(e, d.timelineNames), urgedAtText(e.at, timeZone), e.note && maskPhoneAndIdNumbers(e.note))
}

/** A deputy's view: never who wrote an anonymous message; the number masked, in the phone field and in her words. */
export const presentDeputyCase = (d: CaseDetail, now: Date, timeZone: string) => ({
  ...caseCore(d.case),
  ...herWordsMasked(d.case),
  /** Where it stands in his words ("新留言，还没受理"; "张伟代表转给您，还没受理" from a colleague), not the office's 已分派. */
  statusLabel: deputyStatusWords(d.case, handedToHim(d)),
  ...deputyPageDeadlines(d.case, timeZone, now),
  /** The state and what to do by when, in one line at the top ("已受理，请在12月14日（星期一）前（含当日）答复群众"), and `replyByLine`. */
  ...deputyStanding(d.case, handedToHim(d), timeZone, now),
  /** 重新办理: her score and words, and the last answer, under the status (null when not sent back by her). */
  reopenNote: presentDeputyReopenNote(d),
  /** Staff who gave it to him, when and their words ("…孙丽 11月18日（星期三）上午10:00 再次交给您办理：…"), under the status; null when none. */
  assignNote: presentDeputyAssignNote(d, timeZone),
  /** It had been his before and staff gave it back to him: his page asks him to take it up again, not as a new message. */
  placedAgain: d.case.status === 'assigned' && handedToHim(d)?.staff === true,
  /** Withdrawn, merged, refused or done: what became of it, in words (null while it waits on the deputy). */
  stateNote: deputyStateNote(d.case),
  /** The 催办 pressing him now, near the top: "联络站李娜 11月24日（星期二）上午11:00 催办：…" (null when none, or once it no longer waits on him). */
  urgeNote: waitsOnDeputy(d.case) ? deputyUrgeText(d, timeZone) : null,
  deadlinesProvisional: d.case.deadlinesProvisional === true,
  deadlinesNote: waitsOnDeputy(d.case) ? provisionalNote(d.case, timeZone) : null,
  hoursWithDepartment: hoursWithDepartment(d, now),
  anonymous: d.case.anonymous,
  phoneMasked: d.phoneMasked,
  station: d.names.station,
  // Only the deputy holding it reads it here (forDeputy).
  timeline: deputyTimeline(d, d.case.deputyId),
})

/**
 * The answer to a deputy's 转交: the message is no longer his, so not the case (its number, its
 * deadlines) but where it went, by name, and the timeline with his move in it, which his page keeps.
 */
export const presentHandedOn = (d: CaseDetail, viewer: string | null) => ({
  id: d.case.id,
  ticket: d.case.ticket,
  status: d.case.status,
  transferred: true,
  handedOnText: handedOnText(d.names),
  // Read by the deputy who just handed it on (`viewer`), no longer its holder.
  timeline: d.events.map((e) => presentDeputyEvent(e, d.case, d.timelineNames, viewer, undefined, false, topicWhenRouted(d.events, d.case))),
})

/** `handedBy`: a colleague who handed him this new message (转交), named as his workbench names them. */
export const presentDeputyCaseSummary = (c: CaseRecord, now: Date, timeZone: string, handedBy: HandedBy | null = null) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: deputyStatusWords(c, handedBy),
  excerpt: deputyExcerpt(c.text, 60),
  topic: c.topic,
  createdAt: c.createdAt.toISOString(),
  acknowledgeBy: c.ackDueAt.toISOString(),
  replyBy: c.replyDueAt.toISOString(),
  ...deputyPageDeadlines(c, timeZone, now),
  deadlinesProvisional: c.deadlinesProvisional === true,
  deadlinesNote: waitsOnDeputy(c) ? provisionalNote(c, timeZone) : null,
  /** 超期: waiting past the reply deadline, as the office counts it (waitingLate). */
  overdue: waitingLate(c, now),
  /** Not acknowledged by its deadline, the reply not yet due (未按时受理): never also `overdue`. */
  ackLate: ackLate(c, now),
  /** For 我办过的留言: when they answered, the resident's rating of it, and whether it was closed by a merge instead. */
  repliedAt: iso(c.repliedAt),
  rating: c.rating,
  merged: c.mergedInto !== null,
})
