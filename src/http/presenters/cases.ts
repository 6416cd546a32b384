import { isOverdue, STATUS_LABELS, type CaseEvent, type CaseEventType, type CaseRecord } from '../../domain/case.js'
import { currentUrge, mayBeUrged, urgedAtText } from '../../domain/case-urging.js'
import { handedOnText } from '../../domain/case-refusals.js'
import { residentStatusWords } from '../../domain/resident-status-words.js'
import type { CaseDetail, HandedUpMatch, StaffCaseDetail } from '../../services/cases/case-queries.js'
import { handedUpText, movedAwayText } from '../../domain/handed-up-words.js'
import type { ReopenOffer } from '../../services/cases/case-workflow.js'
import { forwardedDurationMs } from '../../domain/sla.js'
import { dueDateText, residentDueDateText } from '../../domain/due-date-text.js'
import { residentStepWords, type TimelineStepFacts } from '../../domain/resident-timeline-words.js'
import { deputyStatusWords, deputyStepWords, deputyUrgeNote, urgedByWords } from '../../domain/deputy-case-words.js'
import { deputyRoutingWhy, officeRoutingWhy } from '../../domain/routing-explain.js'
import { slaBadge } from '../../domain/sla-badge.js'
import { deputyDeadlineTexts, deputyStateNote, waitsOnDeputy } from './deputy-case-state.js'
import { timelineDetails, type NameBook } from './case-timeline.js'
import { routingSinceText } from './routing-since.js'

// Presenters name every field they return: a case holds personal data.

/** What deadlines are read against: the business time zone and today (a year is named only when it differs). */
export interface ReadingTime {
  timeZone: string
  now: Date
}

/** Why a deadline is provisional, for staff and deputies; null when it is not. */
const provisionalNote = (c: CaseRecord) => (c.deadlinesProvisional ? '期限为暂定：计算时有的日子所在年份的放假安排尚未导入，导入后实际期限可能相差几天' : null)

/** Deadlines as the office reads them: "11月24日 10:00前", "12月22日 24:00前". */
const deadlineTexts = (c: CaseRecord, { timeZone, now }: ReadingTime) => ({
  acknowledgeByText: dueDateText(c.ackDueAt, timeZone, now),
  replyByText: dueDateText(c.replyDueAt, timeZone, now),
})

/** Deadlines as the resident who wrote the message reads them: "11月24日 10:00前", "12月22日前（含当日）". */
const residentDeadlineTexts = (c: CaseRecord, { timeZone, now }: ReadingTime) => ({
  acknowledgeByText: residentDueDateText(c.ackDueAt, timeZone, now),
  replyByText: residentDueDateText(c.replyDueAt, timeZone, now),
})

const EVENT_LABELS: Record<CaseEventType, string> = {
  submitted: '提交留言',
  assigned: '分派代表',
  acknowledged: '代表受理',
  forwarded: '交办部门',
  replied: '代表答复',
  rated: '群众评价',
  closed: '办结',
  reopened: '重新办理',
  withdrawn: '群众撤回',
  rejected: '不予受理',
  merged: '合并办理',
  transferred: '转交',
  reminded: '到期提醒',
  escalated: '逾期督办',
  flagged: '内容待复核',
  referred: '上报',
  recategorized: '更正主题',
  urged: '催办',
}
/** What a resident sees of the timeline: the steps of their message, not internal reminders. */
const RESIDENT_EVENTS: CaseEventType[] = [
  'submitted',
  'assigned',
  'acknowledged',
  'forwarded',
  'replied',
  'rated',
  'closed',
  'reopened',
  'withdrawn',
  'rejected',
  'merged',
  'transferred',
  'referred',
]
const RESIDENT_NOTES: CaseEventType[] = ['replied', 'rejected', 'reopened', 'rated', 'closed', 'assigned']

/**
 * Whether the resident reads an event's note: an assignment's only when the system wrote it (where
 * the message went and why); staff write theirs to the deputy (给代表的话), and it may be about the resident.
 */
const residentReads = (e: CaseEvent) => RESIDENT_NOTES.includes(e.type) && (e.type !== 'assigned' || e.actorRole === 'system')

const iso = (d: Date | null) => d?.toISOString() ?? null

function presentEvent(e: CaseEvent, withNote: boolean, names: NameBook) {
  return {
    at: e.at.toISOString(),
    type: e.type,
    label: EVENT_LABELS[e.type],
    actorRole: e.actorRole,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: withNote ? e.note : null,
    ...timelineDetails(e, names),
  }
}

/** What a step's words are made of, for whoever reads them. */
const stepFacts = (e: CaseEvent, step: ReturnType<typeof presentEvent>): TimelineStepFacts => ({
  type: e.type,
  actorRole: e.actorRole,
  actorDeputy: e.actorRole === 'deputy' ? step.actor.name : null,
  from: step.from,
  to: step.to,
  department: step.department,
  rating: step.rating,
  relatedTicket: step.relatedCase?.ticket ?? null,
  deputyLeftOffice: e.data.deputyLeftOffice === true,
})

/**
 * A step of her own message as the resident reads it: the same fields and the same notes as
 * before (residentReads), with `label` in her words ("已交给张伟代表办理", "您撤回了留言").
 */
function presentResidentEvent(e: CaseEvent, names: NameBook) {
  const step = presentEvent(e, residentReads(e), names)
  const words = residentStepWords(stepFacts(e, step))
  return { ...step, label: words ?? step.label }
}

/** A staff member's step by name: the directory's, else the name the step kept (a 催办 keeps who urged). */
const staffName = (e: CaseEvent, looked: string | null) =>
  e.actorRole === 'deputy' || e.actorRole === 'resident' || e.actorRole === 'system'
    ? null
    : looked || (typeof e.data.staffName === 'string' ? e.data.staffName : null)

/**
 * A step of a message as the deputy reading it sees it (`viewer`: his deputy id): `label` in his
 * words ("交给您办理", "您受理了留言", not 分派代表), and routing's own assignment explained to him
 * ("群众扫了您的二维码留言") in place of the sentence the resident was shown, which calls her 您.
 */
function presentDeputyEvent(e: CaseEvent, c: CaseRecord, names: NameBook, viewer: string | null, rated: Map<string, string> = new Map()) {
  const step = presentEvent(e, true, names)
  const actorIsYou = e.actorRole === 'deputy' && viewer !== null && e.actorId === viewer
  const toIsYou = viewer !== null && e.data.deputyId === viewer
  const words = deputyStepWords({ ...stepFacts(e, step), actorIsYou, toIsYou, actorStaff: staffName(e, step.actor.name) })
  // The system writes one assignment, with the message: its note is the resident's sentence.
  const routed = e.type === 'assigned' && e.actorRole === 'system'
  const note = routed
    ? deputyRoutingWhy(
        c.routingReasons.map((r) => r.code),
        { name: step.to?.deputy ?? '', isYou: toIsYou },
        c.topic,
      )
    : e.type === 'rated'
      ? step.note || rated.get(e.id) || null
      : step.note
  return { ...step, label: words ?? step.label, note }
}

/**
 * Her words with each rating, by its step (the k-th 群众评价 step is her k-th rating). Words she sent after a score
 * given alone (the chat's comment, CaseWorkflow.commentOnRating) are kept on the rating, not on its step, written
 * before them: the deputy's notice of them is short and opens this page, where he reads them whole.
 */
function ratingWords(events: CaseEvent[], c: CaseRecord): Map<string, string> {
  const words = new Map<string, string>()
  events
    .filter((e) => e.type === 'rated')
    .forEach((e, k) => {
      const comment = c.ratings[k]?.comment
      if (comment) words.set(e.id, comment)
    })
  return words
}

/** The steps of a message as the deputy `viewer` reads them, her words with each rating whole. */
function deputyTimeline(d: Pick<CaseDetail, 'events' | 'case' | 'timelineNames'>, viewer: string | null) {
  const rated = ratingWords(d.events, d.case)
  return d.events.map((e) => presentDeputyEvent(e, d.case, d.timelineNames, viewer, rated))
}

/**
 * A step as office and station staff read it in the console: the office's labels, and routing's own
 * assignment explained in their words ("群众指定了张伟代表") in place of the resident's sentence, which calls her 您.
 */
function presentStaffEvent(e: CaseEvent, c: CaseRecord, names: NameBook) {
  const step = presentEvent(e, true, names)
  if (e.type !== 'assigned' || e.actorRole !== 'system') return step
  const note = officeRoutingWhy(
    c.routingReasons.map((r) => r.code),
    step.to?.deputy ?? '',
    step.to?.station ?? null,
    c.topic,
  )
  return { ...step, note }
}

const core = (c: CaseRecord) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  text: c.text,
  images: c.images,
  topic: c.topic,
  createdAt: c.createdAt.toISOString(),
  acknowledgeBy: c.ackDueAt.toISOString(),
  replyBy: c.replyDueAt.toISOString(),
  acknowledgedAt: iso(c.acknowledgedAt),
  repliedAt: iso(c.repliedAt),
  reply: c.reply,
  forwardedTo: c.forwardedTo,
  rating: c.rating,
  ratingComment: c.ratingComment,
  /** Every rating, oldest first (a case reopened and answered again has two). */
  ratings: c.ratings.map((r) => ({ rating: r.rating, comment: r.comment, at: r.at.toISOString() })),
})

/** A resident's own message, in a list; `statusLabel` in her words ("已交给代表，等代表受理"), not the office's. */
export const presentResidentCaseSummary = (c: CaseRecord) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: residentStatusWords(c),
  excerpt: c.text.slice(0, 60),
  topic: c.topic,
  createdAt: c.createdAt.toISOString(),
})

type DeadlineTexts = ReturnType<typeof deadlineTexts>
type TimelineStep = ReturnType<typeof presentEvent>

/**
 * What a resident's message and her copy of it (导出) both hold, in this order: the case, its
 * deadlines, who handles it, her choices and the steps she sees. The two differ only in their words.
 */
const residentCaseShape = (d: CaseDetail, deadlines: DeadlineTexts, present: (e: CaseEvent) => TimelineStep) => ({
  ...core(d.case),
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
  reopen: presentReopenOffer(reopen, at),
  writeAgainTo: presentWriteAgainTo(d),
})

/**
 * A resident's message in her copy of her data (导出): the office's record as it is kept (the
 * office's status and deadline texts), with the phone number she gave and when it ended. Its steps
 * are worded as her message's page words them ("已交给张伟代表办理", not 分派代表): the copy is hers
 * to read, and the same step should not read two ways; each step's `type` keeps the office's code.
 */
export const presentExportedCase = (d: CaseDetail, phone: string | null, at: ReadingTime) => ({
  ...residentCaseShape(d, deadlineTexts(d.case, at), (e) => presentResidentEvent(e, d.timelineNames)),
  phone,
  place: { regionId: d.case.regionId, communityId: d.case.communityId, districtId: d.case.districtId },
  closedAt: iso(d.case.closedAt),
  ratedAt: iso(d.case.ratedAt),
})

/** Time with a government department (交办), shown apart from the deputy's own time. */
const hoursWithDepartment = (d: CaseDetail, now: Date) => Math.round(forwardedDurationMs(d.events, now) / 360_000) / 10

/** The urge of this round made to the deputy holding it, in his words; null when there is none. */
function deputyUrgeText(d: CaseDetail, timeZone: string): string | null {
  const e = currentUrge(d.events, d.case.deputyId)
  if (!e) return null
  const by = urgedByWords(e.actorRole, staffName(e, e.actorId ? (d.timelineNames[`staff:${e.actorId}`] ?? null) : null))
  return deputyUrgeNote(by, urgedAtText(e.at, timeZone), e.note)
}

/** A deputy's view: never who wrote an anonymous message; the number masked. */
export const presentDeputyCase = (d: CaseDetail, now: Date, timeZone: string) => ({
  ...core(d.case),
  /** Where it stands in his words ("新留言，待受理"), not the office's 已分派. */
  statusLabel: deputyStatusWords(d.case),
  ...deputyDeadlineTexts(d.case, timeZone, now),
  /** Withdrawn, merged, refused, answered or done: what became of it, in words (null while it waits on the deputy). */
  stateNote: deputyStateNote(d.case),
  /** The 催办 pressing him now, near the top: "联络站李娜 11月24日 周二 11:00 催办：…" (null when none, or once it no longer waits on him). */
  urgeNote: waitsOnDeputy(d.case) ? deputyUrgeText(d, timeZone) : null,
  deadlinesProvisional: d.case.deadlinesProvisional === true,
  deadlinesNote: waitsOnDeputy(d.case) ? provisionalNote(d.case) : null,
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
  timeline: d.events.map((e) => presentDeputyEvent(e, d.case, d.timelineNames, viewer)),
})

export const presentDeputyCaseSummary = (c: CaseRecord, now: Date, timeZone: string) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: deputyStatusWords(c),
  excerpt: c.text.slice(0, 60),
  topic: c.topic,
  createdAt: c.createdAt.toISOString(),
  acknowledgeBy: c.ackDueAt.toISOString(),
  replyBy: c.replyDueAt.toISOString(),
  ...deputyDeadlineTexts(c, timeZone, now),
  deadlinesProvisional: c.deadlinesProvisional === true,
  deadlinesNote: waitsOnDeputy(c) ? provisionalNote(c) : null,
  overdue: isOverdue(c, now),
  /** For 我办过的留言: when they answered, the resident's rating of it, and whether it was closed by a merge instead. */
  repliedAt: iso(c.repliedAt),
  rating: c.rating,
  merged: c.mergedInto !== null,
})

export const presentStaffCaseSummary = (c: CaseRecord) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  excerpt: c.text.slice(0, 60),
  topic: c.topic,
  stationId: c.stationId,
  deputyId: c.deputyId,
  officeRegionId: c.officeRegionId,
  districtId: c.districtId,
  regionId: c.regionId,
  handlingDistrictId: c.handlingDistrictId,
  mergedInto: c.mergedInto,
  createdAt: c.createdAt.toISOString(),
  acknowledgeBy: c.ackDueAt.toISOString(),
  replyBy: c.replyDueAt.toISOString(),
  /** Counted over days whose holiday schedule was not yet imported: the console marks them 暂定. */
  deadlinesProvisional: c.deadlinesProvisional === true,
  deadlinesNote: provisionalNote(c),
  flaggedForReview: c.flaggedForReview,
  rating: c.rating,
})

/**
 * 催办 as the case page offers it: allowed now (by the server's clock and the business day), or
 * already done today, said in words in place of the button while the message still waits on its deputy.
 */
function presentUrge(c: CaseRecord, { allowed, urgedToday }: StaffCaseDetail['urge']) {
  return {
    allowed,
    urgedToday: urgedToday && { at: urgedToday.at.toISOString(), by: urgedToday.by },
    text: urgedToday && mayBeUrged(c) ? `今天 ${urgedToday.timeOfDay} 已由${urgedToday.by}催办，明天可再次催办` : null,
  }
}

/**
 * A merged message's 办理代表 (case page, list, export: see CaseRecord.mergedInto): "朱丽华代表（随留言 X 办理）";
 * only "随留言 X 办理" when she may not read that message.
 */
export function carrierHandlingText(carrier: Pick<NonNullable<StaffCaseDetail['carrier']>, 'ticket' | 'seen' | 'deputy'>) {
  const along = `随留言 ${carrier.ticket} 办理`
  if (!carrier.seen) return along
  return `${carrier.deputy ? `${carrier.deputy}代表` : '还在等待分派代表'}（${along}）`
}

/**
 * The case page's one detail: what GET /api/admin/cases/:id answers and what every write on that
 * page (分派, 不予受理, 合并, 催办, 更正主题) answers with, since the page shows the answer in place
 * of what it had; a part left out here would vanish from the page until it is read again.
 */
export const presentStaffCase = (d: StaffCaseDetail, { timeZone, now }: ReadingTime) => ({
  ...core(d.case),
  ...presentStaffCaseSummary(d.case),
  /** The deadline badge, the same as the inbox line's ("已超期 2 天", "明天到期"); null once answered or ended. */
  sla: slaBadge(d.case, now, timeZone),
  hoursWithDepartment: hoursWithDepartment(d, now),
  residentId: d.case.anonymous ? null : d.case.residentId,
  anonymous: d.case.anonymous,
  publicConsent: d.case.publicConsent,
  phoneMasked: d.phoneMasked,
  handledBy: { station: d.names.station, deputy: d.names.deputy, office: d.names.office },
  routingReasons: d.case.routingReasons,
  /** What changed since the routing's reasons were written (topic corrected, message moved); null when nothing did. */
  routingSince: routingSinceText(d),
  mergedInto: d.case.mergedInto,
  /** The duplicates merged into this one (the other way from mergedInto), those the staff member may read. */
  duplicates: {
    count: d.duplicates.length,
    label: d.duplicates.length ? `合并到本条的重复留言（${d.duplicates.length} 条）` : null,
    items: d.duplicates.map((m) => ({ id: m.id, ticket: m.ticket, excerpt: m.text.slice(0, 60), createdAt: m.createdAt.toISOString() })),
  },
  urge: presentUrge(d.case, d.urge),
  /** The moves the page offers ('assign', 'reject', 'merge', 'handUp', 'urge'): the server's rules for this person and this state. */
  actions: d.actions,
  /**
   * A merged message: which one carries it, and (`text`, its 办理代表 row) who handles that one in place of the
   * deputy it had of its own, in short words: the 联络站 row already says which message carries it. Null when not merged.
   */
  mergedHandling: d.carrier && {
    id: d.carrier.id,
    ticket: d.carrier.ticket,
    text: carrierHandlingText(d.carrier),
  },
  timeline: d.events.map((e) => presentStaffEvent(e, d.case, d.timelineNames)),
})

/**
 * A message her station handed up, or that moved to another station, as the clerk's search finds it
 * (case-whereabouts.ts): its number and, in words, where it went (`kind`: 'handedUp' or 'movedAway').
 */
export const presentHandedUpMatch = (m: HandedUpMatch, timeZone: string) => ({
  ticket: m.case.ticket,
  kind: m.to.kind === 'office' ? ('handedUp' as const) : ('movedAway' as const),
  text: m.to.kind === 'office' ? handedUpText(m.case, m.at, m.to.name, timeZone) : movedAwayText(m.case, m.at, m.to.name, timeZone),
})

/** What station staff see after handing a case up (上报): it has left their queue for the office's. */
export const presentHandedUp = (c: CaseRecord, office: string) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  stationId: c.stationId,
  deputyId: c.deputyId,
  officeRegionId: c.officeRegionId,
  handledBy: { station: null, deputy: null, office },
})
