/**
 * Activities a deputy reports for their record (调研, 视察, 进站接待 …): what they are, who
 * reviews them, and which reports make sense. Pure: no I/O, dates passed in. Only approved
 * activities count in the record and its points.
 */

export const ACTIVITY_KINDS = ['research', 'inspection', 'reception', 'other'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = { research: '调研', inspection: '视察', reception: '进站接待', other: '其他履职活动' }

/** pending → approved, or pending → returned (with a reason) and back to pending when the deputy corrects it. */
export const ACTIVITY_STATUSES = ['pending', 'approved', 'returned'] as const
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number]
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = { pending: '待审核', approved: '已通过', returned: '已退回' }

/** Most photos one report carries. */
export const MAX_ACTIVITY_PHOTOS = 3

export interface ActivityRecord {
  id: string
  deputyId: string
  /** The station whose staff review it: one of the deputy's stations. */
  stationId: string
  kind: ActivityKind
  /** The local date it took place, YYYY-MM-DD. */
  date: string
  place: string
  text: string
  /** Upload URLs (the uploads service), the deputy's own. */
  photos: string[]
  status: ActivityStatus
  /** Why it was returned; null otherwise. */
  reviewNote: string | null
  reviewedBy: string | null
  reviewedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface Problem {
  path: string
  message: string
}

/** A report that cannot be right: a date ahead of today, or one in another year than those still open (the past year and this). */
export function activityProblems(a: Pick<ActivityRecord, 'date'>, today: string): Problem[] {
  const problems: Problem[] = []
  if (a.date > today) problems.push({ path: 'date', message: '活动日期不能晚于今天' })
  else if (Number(a.date.slice(0, 4)) < Number(today.slice(0, 4)) - 1) problems.push({ path: 'date', message: '只能报告今年和去年的活动' })
  return problems
}

/** Who reviews a report: station staff of the station it was reported to. */
export function mayReviewActivity(viewer: { role: string; stationIds: string[] }, a: Pick<ActivityRecord, 'stationId'>): boolean {
  return viewer.role === 'station_staff' && viewer.stationIds.includes(a.stationId)
}

/** A deputy corrects and resends only what was returned; what is waiting or approved stays as it is. */
export function mayResubmitActivity(a: Pick<ActivityRecord, 'status'>): boolean {
  return a.status === 'returned'
}
