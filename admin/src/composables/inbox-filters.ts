import type { LocationQuery } from 'vue-router'
import { localDate, nextDate, zonedIso } from '../business-zone'

/**
 * The inbox's filters, named exactly as GET /api/admin/cases takes them, so the page's
 * address, the API call, the export and the dashboard's click-throughs all say the same.
 */
export const FILTER_KEYS = [
  'status',
  'topic',
  'regionId',
  'stationId',
  'districtId',
  // Handled by this district: a district office's new messages on 工作概览, as its 分析周报 counts them.
  'handledIn',
  'deputyId',
  // 只看已超期: past the reply deadline.
  'overdue',
  // 只看未按时受理: the acknowledgement's deadline passed, the reply's not (never one 已超期).
  'ackLate',
  'open',
  'rating',
  // 群众不满意: a low score, or reopened and not rated again.
  'unhappy',
  'from',
  'to',
  'order',
  'q',
  // A hot issue's messages, comma-separated (在留言列表中查看); the page names the issue from `issue`.
  'ids',
  // At an office, no station holding them (上报): the dashboard's 区人大办 figure and row.
  'atOffice',
] as const
export type FilterKey = (typeof FILTER_KEYS)[number]
export type InboxFilters = Partial<Record<FilterKey, string>>

export function filtersFrom(query: LocationQuery): InboxFilters {
  const filters: InboxFilters = {}
  for (const key of FILTER_KEYS) {
    const value = query[key]
    if (typeof value === 'string' && value !== '') filters[key] = value
  }
  return filters
}

/**
 * The order a list opens in when its address names none: a queue (待分派), the overdue or the 未按时受理 are read by what
 * is due first, so that a message eight days late is on top, not on page 2 under today's; any other list newest first.
 */
export const defaultOrder = (f: InboxFilters): 'due' | 'newest' => (f.status === 'submitted' || f.overdue === 'true' || f.ackLate === 'true' ? 'due' : 'newest')

/** The date picker's days (inclusive, business days) as the API's instants: from the start of the first day to the start of the day after the last. */
export function rangeToFilters(days: string[]): Pick<InboxFilters, 'from' | 'to'> {
  if (days.length !== 2 || !days[0] || !days[1]) return {}
  return { from: zonedIso(days[0]), to: zonedIso(nextDate(days[1])) }
}

/** The instants back as the days a person picked. */
export function filtersToRange(f: InboxFilters): string[] {
  if (!f.from && !f.to) return []
  const from = f.from ? localDate(f.from) : ''
  const to = f.to ? localDate(new Date(f.to).getTime() - 1) : localDate()
  return [from || to, to]
}

/** Saved views live in this browser (per person): a name and the filters. */
export interface SavedView {
  name: string
  filters: InboxFilters
}
const viewsKey = (staffId: string) => `liaison.inbox.views.${staffId}`

/** The filters without a hot issue's message ids: those name a fixed set of messages, not a filter to keep. */
export function withoutIds(filters: InboxFilters): InboxFilters {
  const out = { ...filters }
  delete out.ids
  return out
}

export function loadViews(staffId: string): SavedView[] {
  try {
    // Views saved before ids were left out would show those few messages for ever.
    const views = JSON.parse(localStorage.getItem(viewsKey(staffId)) ?? '[]') as SavedView[]
    return views.map((v) => ({ name: v.name, filters: withoutIds(v.filters) })).filter((v) => Object.keys(v.filters).length > 0)
  } catch {
    return []
  }
}
export function storeViews(staffId: string, views: SavedView[]) {
  localStorage.setItem(viewsKey(staffId), JSON.stringify(views))
}
