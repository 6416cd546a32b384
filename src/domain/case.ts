/**
 * A case: one resident message and everything that happens to it, round the closed loop
 * 汇总梳理 → 分析研判 → 交办督办 → 反馈评价.
 */
import type { RoutingReason } from './routing-types.js'

export const CASE_STATUSES = ['submitted', 'assigned', 'acknowledged', 'forwarded', 'replied', 'closed', 'reopened', 'withdrawn', 'rejected'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** Still waiting for someone to act (a reply awaiting a rating counts: the loop is not closed). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened', 'replied']
/** Open and in a deputy's hands: what counts towards their load. */
/** Waiting for someone to act (an acknowledgement or a reply): open, not yet answered. */
export const WAITING_STATUSES: readonly CaseStatus[] = ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened']
export const DEPUTY_LOAD_STATUSES: readonly CaseStatus[] = ['assigned', 'acknowledged', 'forwarded', 'reopened']

export const STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待分派',
  assigned: '已分派',
  acknowledged: '已受理',
  forwarded: '已转交部门',
  replied: '已答复',
  closed: '已办结',
  reopened: '重新办理',
  withdrawn: '已撤回',
  rejected: '不予受理',
}

/**
 * The console inbox's status filter: a state, or 'merged' (已合并办理: merged into another message, held as closed),
 * which the list shows as a status of its own, so that every status it shows can be filtered by.
 */
export type CaseStatusFilter = CaseStatus | 'merged'
export const STATUS_FILTER_LABELS: Record<CaseStatusFilter, string> = { ...STATUS_LABELS, merged: '已合并办理' }

export type ActorRole = 'resident' | 'deputy' | 'station_staff' | 'organizer' | 'admin' | 'unit_staff' | 'system'

/**
 * The rounds of a message the resident sent back (重新办理), as a deputy's record keeps them: how many, and how many
 * were acknowledged and answered by their own deadlines (domain/rounds-sent-back.ts says why they are kept).
 */
export interface RoundsSentBack {
  /** Rounds answered and then sent back: each had an acknowledgement (a reply counts as one) and an answer due. */
  rounds: number
  /** Of them, acknowledged by their own acknowledgement deadline. */
  ackInTime: number
  /** Of them, answered by their own reply deadline. */
  replyInTime: number
}

/** One rating by the resident; a case reopened and answered again is rated again. */
export interface CaseRating {
  rating: number
  comment: string | null
  at: Date
}

export interface CaseRecord {
  id: string
  /** What the resident quotes: YYYYMMDD-NNNN. */
  ticket: string
  residentId: string
  text: string
  images: string[]
  /**
   * The place as the resident gave it (any level), and its community and district: these
   * never change, whatever happens to the case (scope and regional figures follow them).
   */
  regionId: string | null
  communityId: string | null
  districtId: string | null
  /** Who handles it now: a station and its deputy, or an office when no station does. */
  stationId: string | null
  deputyId: string | null
  officeRegionId: string | null
  /** The district of the handling station or office; differs from districtId after a cross-district transfer. */
  handlingDistrictId: string | null
  topic: string
  status: CaseStatus
  anonymous: boolean
  publicConsent: boolean
  /** A contact number left with this message, sealed; only the assigned deputy sees it whole. */
  phoneEnc: string | null
  routingReasons: RoutingReason[]
  /** The content check asked for a person to look at it. */
  flaggedForReview: boolean
  createdAt: Date
  updatedAt: Date
  ackDueAt: Date
  /**
   * The reply deadline the message is judged by (the SLA job's reminders and 督办, the overdue filter, 按时答复): the
   * rules' (SLA), or an earlier one staff set when they assigned it (交办, slaReplyDueAt then keeps the rules').
   */
  replyDueAt: Date
  /**
   * The rules' reply deadline, kept when staff set an earlier one as they assigned the message (分派/改派 with 要求答复日期):
   * no later date may be set than this, and the resident keeps it (it is the date she was told). Absent when
   * replyDueAt is the rules' own; a new round (重新办理) counts the rules' again and drops it.
   */
  slaReplyDueAt?: Date
  /**
   * The deadlines were counted over days whose official holiday schedule was not yet imported
   * (only weekends and fixed-date holidays were known): staff see them as provisional.
   */
  deadlinesProvisional?: boolean
  acknowledgedAt: Date | null
  repliedAt: Date | null
  closedAt: Date | null
  reply: string | null
  forwardedTo: { department: string; reference: string | null } | null
  /** The rating of the current round (null again after a reopen until the next answer is rated). */
  rating: number | null
  ratingComment: string | null
  ratedAt: Date | null
  /** Every rating given, oldest first: a 2, a reopen and a 4 keep both. */
  ratings: CaseRating[]
  /**
   * The message this one was merged into (合并办理). One rule for staff, everywhere: a merged message is
   * handled with the one it joined, by that one's deputy. The case page, the list and the export name
   * that deputy ("陈晓婷代表（随留言 X 办理）"), and the per-deputy figures (工作概览, 统计分析 按代表)
   * count it for nobody: it is one problem, counted once, as the message it joined. Its own deputyId
   * stays: the deputy it was first given to still finds it among 我办过的留言 (marked 已合并办理).
   */
  mergedInto: string | null
  /**
   * The rounds the resident sent back (重新办理): how many, and how many were acknowledged and answered by their own
   * deadlines. 按时受理 and 按时答复 count them beside the round in progress (domain/rounds-sent-back.ts says why).
   * Absent when none was.
   */
  sentBack?: RoundsSentBack
  /** 0 none, 1 escalated to station staff, 2 to the district office; per clock. */
  ackEscalation: number
  replyEscalation: number
  reopenCount: number
  idempotencyKey: string | null
  /** Optimistic concurrency: every write checks and bumps it. */
  version: number
}

export type CaseEventType =
  | 'submitted'
  | 'assigned'
  | 'acknowledged'
  | 'forwarded'
  | 'replied'
  | 'rated'
  | 'closed'
  | 'reopened'
  | 'withdrawn'
  | 'rejected'
  | 'merged'
  /**
   * On the message kept: another was merged into it (data: duplicateId, duplicateTicket), written with that one's
   * 'merged' step, so that its own timeline says what it now carries (review 37).
   */
  | 'duplicate_merged'
  | 'transferred'
  | 'reminded'
  | 'escalated'
  | 'flagged'
  /** Handed up by station staff to the district office (上报). */
  | 'referred'
  /** Staff corrected the topic (data: fromTopic, toTopic); it teaches the office's model. */
  | 'recategorized'
  /** Staff pressed the deputy holding it (催办; data: deputyId, staffName); no state changes. */
  | 'urged'
  /** The resident corrected or removed her contact phone on it (the number itself is not in the step). */
  | 'phone_corrected'
  /**
   * Staff hid a name or 称呼 from her text at her request (OfficePrivacyRequests.hideWords; data: places, staffName):
   * she and the deputy read that it was done, never the words.
   */
  | 'words_hidden'

export interface CaseEvent {
  id: string
  caseId: string
  at: Date
  type: CaseEventType
  actorRole: ActorRole
  actorId: string | null
  fromStatus: CaseStatus | null
  toStatus: CaseStatus | null
  note: string | null
  data: Record<string, unknown>
}

/** The moves of the closed loop, and from which states each is allowed. */
export const TRANSITIONS = {
  assign: ['submitted', 'assigned', 'acknowledged', 'reopened'],
  acknowledge: ['assigned', 'reopened'],
  forward: ['acknowledged'],
  reply: ['assigned', 'acknowledged', 'forwarded', 'reopened'],
  returnToStation: ['assigned', 'acknowledged', 'reopened'],
  // The deputy holding it has left office: whatever they were doing, the station takes it back.
  deputyLeft: ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'],
  // 上报 (station staff → their office) also from a deputy's hands, before he answers: staff may already take a message
  // from him in these states (改派, 不予受理, 合并), and a message he holds may be one no deputy can settle (a city road,
  // several streets). Refused, she was sent to ask him to hand it back first, which a deputy with neither the
  // mini-program nor the chat helper cannot do (review 37). He is told it left him (CasePlacing.handUp). Not once
  // answered or handed to a department, nor in a round the resident sent back (as 不予受理 and 合并 are not).
  handUp: ['submitted', 'assigned', 'acknowledged'],
  reject: ['submitted', 'assigned', 'acknowledged'],
  merge: ['submitted', 'assigned', 'acknowledged'],
  withdraw: ['submitted', 'assigned', 'acknowledged', 'forwarded', 'reopened'],
  rate: ['replied'],
  reopen: ['closed'],
  autoClose: ['replied'],
  // A message merged into one that was then withdrawn or rejected is handled on its own again.
  unmerge: ['closed'],
} as const satisfies Record<string, readonly CaseStatus[]>

export type CaseAction = keyof typeof TRANSITIONS

/**
 * Why a message may not take another merged into it (合并), or null when it may: closed, withdrawn, refused or merged
 * itself (merge_target_closed), or answered already (merge_target_answered: its answer was written before the other
 * came, and nobody would answer that one, which the merge closes). Reopened, it is worked on again and may. The one
 * rule for the service's check and for the stores, which hold to it inside the merge's write.
 */
export function mergeTargetRefusal(into: Pick<CaseRecord, 'status' | 'mergedInto'>): 'merge_target_closed' | 'merge_target_answered' | null {
  if (!OPEN_STATUSES.includes(into.status) || into.mergedInto) return 'merge_target_closed'
  return into.status === 'replied' ? 'merge_target_answered' : null
}

export function canTransition(action: CaseAction, from: CaseStatus): boolean {
  return (TRANSITIONS[action] as readonly CaseStatus[]).includes(from)
}

/** Whether a resident who gave this rating may ask for the case to be handled again (重新办理). */
export function ratingAllowsReopen(rating: number | null, reopenMaxRating: number): boolean {
  return rating !== null && rating <= reopenMaxRating
}

/** What stops a closed case from being handled again, if anything: a good rating, or a reply older than the window. */
export function reopenBlock(
  c: Pick<CaseRecord, 'rating' | 'repliedAt'>,
  policy: { reopenMaxRating: number; reopenWindowDays: number },
  now: Date,
): 'reopen_not_allowed' | 'reopen_window_passed' | null {
  if (!ratingAllowsReopen(c.rating, policy.reopenMaxRating)) return 'reopen_not_allowed'
  return now.getTime() > reopenDeadline(c, policy).getTime() ? 'reopen_window_passed' : null
}

/** The last moment 重新办理 may be asked for: the window's days after the reply. */
export function reopenDeadline(c: Pick<CaseRecord, 'repliedAt'>, policy: { reopenWindowDays: number }): Date {
  return new Date((c.repliedAt?.getTime() ?? 0) + policy.reopenWindowDays * 86_400_000)
}

/** The deadline that matters now: acknowledging, then replying; none once replied or ended. */
export function nextDeadline(c: Pick<CaseRecord, 'status' | 'acknowledgedAt' | 'ackDueAt' | 'replyDueAt'>): Date | null {
  switch (c.status) {
    case 'submitted':
    case 'assigned':
    case 'reopened':
      return c.acknowledgedAt ? c.replyDueAt : c.ackDueAt
    case 'acknowledged':
    case 'forwarded':
      return c.replyDueAt
    default:
      return null
  }
}
