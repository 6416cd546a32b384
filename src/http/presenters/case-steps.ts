import type { CaseEvent, CaseEventType, CaseRecord } from '../../domain/case.js'
import type { CaseDetail } from '../../services/cases/case-queries.js'
import { residentStepWords, wordsHiddenWords, type TimelineStepFacts } from '../../domain/resident-timeline-words.js'
import { deputyEscalationWords, deputyStepWords } from '../../domain/deputy-case-words.js'
import { deputyRoutingWhy, officeRoutingWhy } from '../../domain/routing-explain.js'
import { maskPhoneAndIdNumbers } from '../../domain/pii-mask.js'
import { monthDayText } from '../../domain/dates.js'
import { timelineDetails, type NameBook } from './case-timeline.js'
import type { EscalationDelivery } from '../../services/cases/case-deputy-reach.js'

/**
 * The steps of a message's timeline, as each reader reads them: the resident (her steps, in her words),
 * the deputy (his words, routing explained to him) and staff (the office's labels). The case pages
 * themselves are in cases.ts and resident-cases.ts.
 */

const EVENT_LABELS: Record<CaseEventType, string> = {
  submitted: '提交留言',
  assigned: '分派代表',
  acknowledged: '代表受理',
  forwarded: '转交部门',
  replied: '代表答复',
  rated: '群众评价',
  closed: '办结',
  reopened: '重新办理',
  withdrawn: '群众撤回',
  rejected: '不予受理',
  merged: '合并办理',
  duplicate_merged: '重复留言并入本条',
  transferred: '转交',
  reminded: '到期提醒',
  escalated: '超期督办',
  flagged: '内容待复核',
  referred: '上报',
  recategorized: '更正主题',
  urged: '催办',
  phone_corrected: '群众更正了联系电话',
  words_hidden: '隐去称呼',
}
/** What a resident sees of the timeline: the steps of their message, not internal reminders. */
export const RESIDENT_EVENTS: CaseEventType[] = [
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
  'words_hidden',
]
const RESIDENT_NOTES: CaseEventType[] = ['replied', 'rejected', 'reopened', 'rated', 'closed', 'assigned']

/**
 * Whether the resident reads an event's note: an assignment's only when the system wrote it (where
 * the message went and why); staff write theirs to the deputy (给代表的话), and it may be about the resident.
 */
const residentReads = (e: CaseEvent) => RESIDENT_NOTES.includes(e.type) && (e.type !== 'assigned' || e.actorRole === 'system')

/** A step as the office records it: what every reader's step starts from. */
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

/** A step as presentEvent gives it, before a reader's words replace its label. */
export type TimelineStep = ReturnType<typeof presentEvent>

/** What a step's words are made of, for whoever reads them. */
const stepFacts = (e: CaseEvent, step: TimelineStep): TimelineStepFacts => ({
  type: e.type,
  actorRole: e.actorRole,
  actorDeputy: e.actorRole === 'deputy' ? step.actor.name : null,
  from: step.from,
  to: step.to,
  department: step.department,
  rating: step.rating,
  relatedTicket: step.relatedCase?.ticket ?? null,
  deputyLeftOffice: e.data.deputyLeftOffice === true,
  hiddenPlaces: typeof e.data.places === 'number' ? e.data.places : null,
})

/**
 * A step of her own message as the resident reads it: the same fields and the same notes as
 * before (residentReads), with `label` in her words ("已交给张伟代表办理", "您撤回了留言").
 */
export function presentResidentEvent(e: CaseEvent, names: NameBook) {
  const step = presentEvent(e, residentReads(e), names)
  const words = residentStepWords(stepFacts(e, step))
  return { ...step, label: words ?? step.label }
}

/** A staff member's step by name: the directory's, else the name the step kept (a 催办 keeps who urged). */
export const staffName = (e: CaseEvent, looked: string | null) =>
  e.actorRole === 'deputy' || e.actorRole === 'resident' || e.actorRole === 'system'
    ? null
    : looked || (typeof e.data.staffName === 'string' ? e.data.staffName : null)

/**
 * A step of a message as the deputy reading it sees it (`viewer`: his deputy id): `label` in his
 * words ("交给您办理", "您受理了留言", not 分派代表), and routing's own assignment explained to him
 * ("群众扫了您的二维码留言") in place of the sentence the resident was shown, which calls her 您.
 */
export function presentDeputyEvent(
  e: CaseEvent,
  c: CaseRecord,
  names: NameBook,
  viewer: string | null,
  rated: Map<string, string> = new Map(),
  /** The step put the message back in his hands (it had been his before): 再次交给您. */
  again = false,
  /** The topic routing went by (topicWhenRouted): a topic corrected later does not rewrite why he was chosen. */
  routedTopic = c.topic,
) {
  const step = presentEvent(e, true, names)
  // 超期督办: what concerns him (the deadline, whom it was reported to), never the report's words to the station.
  if (e.type === 'escalated')
    return { ...step, label: deputyEscalationWords(e.data.clock, e.data.level, reportedToName(e, names), e.data.reachable), note: null }
  const actorIsYou = e.actorRole === 'deputy' && viewer !== null && e.actorId === viewer
  const toIsYou = viewer !== null && e.data.deputyId === viewer
  // An organizer's step by her office's name, as the console's timeline names it (presentEvent's roleLabel).
  const actorOffice = e.actorRole === 'organizer' ? step.actor.roleLabel : null
  const words = deputyStepWords({ ...stepFacts(e, step), actorIsYou, toIsYou, actorStaff: staffName(e, step.actor.name), actorOffice, again })
  // The system writes one assignment, with the message: its note is the resident's sentence.
  const routed = e.type === 'assigned' && e.actorRole === 'system'
  const note = routed
    ? deputyRoutingWhy(
        c.routingReasons.map((r) => r.code),
        { name: step.to?.deputy ?? '', isYou: toIsYou },
        routedTopic,
      )
    : e.type === 'rated'
      ? step.note || rated.get(e.id) || null
      : step.note
  // Anyone's words but his own: hers (a rating's, a reopen's or a withdrawal's reason) as his page shows her message,
  // and a clerk's or a colleague's (催办, 给代表的话, 转交) as their notices to him said them: phone and ID numbers masked.
  const othersWords = note && !actorIsYou && e.actorRole !== 'system' ? maskPhoneAndIdNumbers(note) : note
  return { ...step, label: words ?? step.label, note: othersWords }
}

/** Whom a 超期督办 was reported to, by name (the station, else the office), when the step kept it. */
function reportedToName(e: CaseEvent, names: NameBook): string | null {
  if (typeof e.data.toStation === 'string') return names[`station:${e.data.toStation}`] ?? null
  if (typeof e.data.toOffice === 'string') return names[`office:${e.data.toOffice}`] ?? null
  return null
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

/**
 * The topic the message had when routing chose its deputy: the one a later 更正主题 replaced (the first correction's
 * `fromTopic`), else the topic it has. History says what was true then: "张伟代表关注环境保护" stays so once the clerk
 * corrects it to 教育, which he does not care about.
 */
export function topicWhenRouted(events: readonly CaseEvent[], c: Pick<CaseRecord, 'topic'>): string {
  const first = events.find((e) => e.type === 'recategorized')?.data.fromTopic
  return typeof first === 'string' && first ? first : c.topic
}

/** The steps of a message as the deputy `viewer` reads them, her words with each rating whole. */
export function deputyTimeline(d: Pick<CaseDetail, 'events' | 'case' | 'timelineNames'>, viewer: string | null) {
  const rated = ratingWords(d.events, d.case)
  const routedTopic = topicWhenRouted(d.events, d.case)
  // A step giving him a message that had been his before (he handed it back, or it was moved from him): 再次.
  const again = (e: CaseEvent, i: number) => viewer !== null && e.data.deputyId === viewer && d.events.slice(0, i).some((x) => x.data.deputyId === viewer)
  return d.events.map((e, i) => presentDeputyEvent(e, d.case, d.timelineNames, viewer, rated, again(e, i), routedTopic))
}

/**
 * The office's word for a message moved from the deputy who held it: 改派 when staff gave it to another deputy,
 * 转交 when the deputy handed it to a colleague, 交回 when he gave it back to the station, 代表离任 when he left office. One event
 * type holds them all; a clerk who reads 转交 for her own 改派 thinks the deputy moved it.
 */
function handOnLabel(e: CaseEvent): string {
  if (e.data.deputyLeftOffice === true) return '代表离任'
  if (e.actorRole !== 'deputy') return '改派'
  return typeof e.data.deputyId === 'string' && e.data.deputyId ? '转交' : '交回'
}

/**
 * 超期督办 as what was done, by whom it was meant for ("超期督办：已通知凤鸣街道代表联络站"): the clerk reads whether
 * the station's group or the office really heard of it before she decides to phone. Only a report delivered says
 * 已通知; one on its way says 已发出; one that will not arrive says so, why and what to do (the office is phoned; the
 * station's own group is bound on the 绑定码 page). `delivery` is the report's as its outbox message stands
 * (CaseDeputyReach.escalationsOf); a step with none known says it was sent, not received. A step written before
 * whom was kept says only 超期督办.
 */
function escalatedLabel(e: CaseEvent, names: NameBook, delivery?: EscalationDelivery): string {
  const station = typeof e.data.toStation === 'string' ? names[`station:${e.data.toStation}`] : undefined
  const office = typeof e.data.toOffice === 'string' ? names[`office:${e.data.toOffice}`] : undefined
  const whom = station ?? office
  if (!whom) return EVENT_LABELS.escalated
  const said = `${EVENT_LABELS.escalated}：`
  switch (delivery?.state) {
    case 'sent':
      return `${said}已通知${whom}`
    case 'undeliverable': {
      const why = delivery.noGroup
        ? station
          ? '这个联络站还没有接收提醒的微信群，可在“绑定码”页绑定本站微信群'
          : '人大办还没有接收提醒的微信群，请电话告知'
        : `${(delivery.reason ?? '').replace(/^未能送达：/, '') || '发送失败'}，请电话告知`
      return `${said}应通知${whom}，但未能送达（${why}）`
    }
    case 'superseded':
      return `${said}给${whom}的督办提醒没有发出（留言已有新的进展）`
    case 'pending':
      return `${said}已发出，正在通知${whom}`
    default:
      return `${said}已发出给${whom}`
  }
}

/**
 * A step as office and station staff read it in the console: the office's labels, and routing's own
 * assignment explained in their words ("群众指定了张伟代表") in place of the resident's sentence, which calls her 您.
 * Her words (a rating's, a reopen's or a withdrawal's reason) with phone and ID numbers masked, as the deputy's page
 * shows them; `whole` only for 查看完整原文, which is audited (CaseQueries.wholeWordsForStaff). `escalations`: what became of
 * each 超期督办's report, by step id (CaseDeputyReach.escalationsOf), so that its label says whether it arrived.
 */
function presentStaffEvent(
  e: CaseEvent,
  c: CaseRecord,
  names: NameBook,
  whole: boolean,
  escalations: ReadonlyMap<string, EscalationDelivery> | undefined,
  routedTopic: string,
) {
  const shown = presentEvent(e, true, names)
  const step = !whole && e.actorRole === 'resident' && shown.note ? { ...shown, note: maskPhoneAndIdNumbers(shown.note) } : shown
  // A reply deadline set with the move (要求答复日期), said on its step: why the deputy's date is earlier than the rules'.
  const asked = typeof e.data.replyBy === 'string' ? { replyBy: `要求在${monthDayText(e.data.replyBy)}前（含当日）答复` } : {}
  if (e.type === 'transferred') return { ...step, ...asked, label: handOnLabel(e) }
  if (e.type === 'escalated') return { ...step, label: escalatedLabel(e, names, escalations?.get(e.id)) }
  if (e.type === 'words_hidden') return { ...step, label: wordsHiddenWords(e.data.places, false) }
  if (e.type !== 'assigned' || e.actorRole !== 'system') return { ...step, ...asked }
  const note = officeRoutingWhy(
    c.routingReasons.map((r) => r.code),
    step.to?.deputy ?? '',
    step.to?.station ?? null,
    routedTopic,
  )
  return { ...step, note }
}

/** The steps of a message as staff read them in the console (presentStaffEvent), routing explained by the topic it went by. */
export function staffTimeline(d: Pick<CaseDetail, 'events' | 'case' | 'timelineNames'>, whole = false, escalations?: ReadonlyMap<string, EscalationDelivery>) {
  const routedTopic = topicWhenRouted(d.events, d.case)
  return d.events.map((e) => presentStaffEvent(e, d.case, d.timelineNames, whole, escalations, routedTopic))
}
