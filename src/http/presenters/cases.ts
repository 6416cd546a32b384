import { STATUS_LABELS, type CaseRecord } from '../../domain/case.js'
import { latestReplyByDate } from '../../domain/reply-deadline.js'
import { localDate, monthDayText } from '../../domain/dates.js'
import { mayBeUrged } from '../../domain/case-urging.js'
import type { CaseDetail, HandedUpMatch, StaffCaseDetail } from '../../services/cases/case-queries.js'
import { handedUpText, movedAwayText } from '../../domain/handed-up-words.js'
import { shortOfficeName } from '../../domain/office-name.js'
import { forwardedDurationMs } from '../../domain/sla.js'
import { slaBadge } from '../../domain/sla-badge.js'
import { badgeSaidInDeadlines, deadlineWords } from '../../domain/deadline-words.js'
import { deputyExcerpt } from '../../domain/deputy-gist.js'
import { staffTimeline } from './case-steps.js'
import { anythingMasked, duplicateItems, herWordsMasked } from './her-words.js'
import type { EscalationDelivery } from '../../services/cases/case-deputy-reach.js'
import { presentRoutingReasons, routingSinceText } from './routing-since.js'

// Presenters name every field they return: a case holds personal data.

/**
 * A message as deputies and staff read it: their lists, the deputy's page and the console's case
 * page. A resident's own message is in resident-cases.ts, the steps of a timeline in case-steps.ts.
 * The deputy's views (his page, his lists, the answer to his 转交) are in deputy-cases.ts.
 */

/** What deadlines are read against: the business time zone and today (a year is named only when it differs). */
export interface ReadingTime {
  timeZone: string
  now: Date
}

/**
 * Why a deadline is provisional, for staff and deputies; null when it is not. Nothing for them to do (the
 * administrator imports the year on 工作日历, which warns him): said so. The year is the reply deadline's, the last
 * day counted; without the zone (the inbox's rows, which do not show it) it is not named.
 */
export const provisionalNote = (c: CaseRecord, timeZone?: string) => {
  if (!c.deadlinesProvisional) return null
  const year = timeZone ? `${localDate(c.replyDueAt, timeZone).slice(0, 4)}年` : '新一年'
  return `这个期限可能还会差几天：${year}的放假安排还没录入，录入后会自动改正，不用您处理。`
}

export const iso = (d: Date | null) => d?.toISOString() ?? null

/** What every page of a message shows of it, whoever reads it. */
export const caseCore = (c: CaseRecord) => ({
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

/** The latest 要求答复日期 of a message (latestReplyByDate), and the words the 分派 dialog says it in; null when none may be asked. */
function replyByLatest(c: CaseRecord, timeZone: string) {
  const date = latestReplyByDate(c, timeZone)
  return date && { date, text: `规定的答复期限是${monthDayText(date)}，要求的日期不能晚于这一天` }
}

/** Time with a government department (交办), shown apart from the deputy's own time. */
export const hoursWithDepartment = (d: CaseDetail, now: Date) => Math.round(forwardedDurationMs(d.events, now) / 360_000) / 10

/**
 * A message as a line of a staff list (留言办理, its search). The excerpt masks the phone and ID numbers she wrote
 * in her words, as a deputy's lists do (deputyExcerpt): a list is read over shoulders and on a shared screen
 * (DESIGN: masked in lists). The case page masks them alike; 查看完整原文 reads them whole, audited (presentStaffWholeWords).
 */
export const presentStaffCaseSummary = (c: CaseRecord) => ({
  id: c.id,
  ticket: c.ticket,
  status: c.status,
  statusLabel: STATUS_LABELS[c.status],
  excerpt: deputyExcerpt(c.text, 60),
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

type Carrier = Pick<NonNullable<StaffCaseDetail['carrier']>, 'ticket' | 'seen' | 'deputy'>

/**
 * A merged message's 办理代表 (case page, export: see CaseRecord.mergedInto): "朱丽华代表（随留言 X 办理）";
 * only "随留言 X 办理" when she may not read that message.
 */
export function carrierHandlingText(carrier: Carrier) {
  const along = `随留言 ${carrier.ticket} 办理`
  if (!carrier.seen) return along
  return `${carrier.deputy ? `${carrier.deputy}代表` : '还在等待分派代表'}（${along}）`
}

/**
 * The same on the inbox's narrow column, in two lines: who, named as the other lines name theirs ("朱丽华";
 * "还在等待分派代表"; null when she may not read that message), and under it "随 X 办理", the ticket never broken.
 */
export const carrierHandlingLines = (carrier: Carrier) => ({
  holder: carrier.seen ? (carrier.deputy ?? '还在等待分派代表') : null,
  along: `随 ${carrier.ticket} 办理`,
})

/**
 * The case page's one detail: what GET /api/admin/cases/:id answers and what every write on that
 * page (分派, 不予受理, 合并, 催办, 更正主题) answers with, since the page shows the answer in place
 * of what it had; a part left out here would vanish from the page until it is read again.
 */
export const presentStaffCase = (d: StaffCaseDetail, { timeZone, now }: ReadingTime, escalations?: ReadonlyMap<string, EscalationDelivery>) => ({
  ...caseCore(d.case),
  ...presentStaffCaseSummary(d.case),
  deadlinesNote: provisionalNote(d.case, timeZone),
  // Masked as in the lists (DESIGN: every unmasked read by staff is audited): 查看完整原文 shows them whole.
  ...herWordsMasked(d.case),
  /** Some number or ID residents wrote is masked on this page: the page offers 查看完整原文. */
  wordsMasked: anythingMasked(d),
  /** The deadline badge, the same as the inbox line's ("已超期 2 天", "明天到期"); null once answered or ended. */
  sla: slaBadge(d.case, now, timeZone),
  /** Both deadlines that matter now in words, next due first ("受理期限 12月7日 10:00（明天） · 答复期限 12月25日"); null once answered or ended. */
  deadlines: deadlineWords(d.case, now, timeZone),
  /** The badge's 今天到期 / 明天到期 is said by `deadlines` already (its （今天）, （明天）): the page shows the line alone. */
  slaInDeadlines: badgeSaidInDeadlines(slaBadge(d.case, now, timeZone), d.case, now, timeZone),
  /**
   * 分派's 要求答复日期: the latest day it may ask for (the rules' reply deadline, YYYY-MM-DD; the server refuses a later
   * one in words), and its words ("规定的答复期限是12月25日"); null once the message is answered or ended.
   */
  replyByLatest: replyByLatest(d.case, timeZone),
  hoursWithDepartment: hoursWithDepartment(d, now),
  residentId: d.case.anonymous ? null : d.case.residentId,
  anonymous: d.case.anonymous,
  publicConsent: d.case.publicConsent,
  phoneMasked: d.phoneMasked,
  handledBy: { station: d.names.station, deputy: d.names.deputy, office: d.names.office },
  routingReasons: presentRoutingReasons(d.case.routingReasons),
  /** What changed since the routing's reasons were written (topic corrected, message moved); null when nothing did. */
  routingSince: routingSinceText(d),
  mergedInto: d.case.mergedInto,
  /** The duplicates merged into this one (the other way from mergedInto), those the staff member may read. */
  duplicates: {
    count: d.duplicates.length,
    label: d.duplicates.length ? `合并到本条的重复留言（${d.duplicates.length} 条）` : null,
    items: duplicateItems(d, false),
  },
  urge: presentUrge(d.case, d.urge),
  /** The moves the page offers ('assign', 'reject', 'merge', 'handUp', 'urge'): the server's rules for this person and this state. */
  actions: d.actions,
  /** The office 上报 hands it to ("澜江区人大常委会办公室", short "澜江区人大办" for the button), while handUp is offered; else null. */
  handUpTo: d.handUpTo && { name: d.handUpTo, short: shortOfficeName(d.handUpTo) },
  /**
   * A merged message: which one carries it, and (`text`, its 办理代表 row) who handles that one in place of the
   * deputy it had of its own, once on the page (the 联络站 row keeps its station's name). Null when not merged.
   */
  mergedHandling: d.carrier && {
    id: d.carrier.id,
    ticket: d.carrier.ticket,
    text: carrierHandlingText(d.carrier),
  },
  // Each 逾期督办 says whether its report arrived (escalations), never 已报告 for one that did not.
  timeline: staffTimeline(d, false, escalations),
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
