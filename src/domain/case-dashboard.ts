import { OPEN_STATUSES, isOverdue, type CaseRecord } from './case.js'
import { groupedStats } from './case-stats.js'
import { addDays, startOfLocalDate } from './business-calendar.js'
import { localDate } from './dates.js'

/** The inbox filters that list exactly the cases behind a number (the console puts them in the URL). */
export type InboxFilters = Record<string, string>

export interface Figure {
  count: number
  filters: InboxFilters
}

export interface ResponsivenessBar {
  key: string
  name: string
  total: number
  open: number
  overdue: number
  /** Of the replies due or given: given in time (null when none was due yet). */
  repliedInTimeShare: number | null
  filters: InboxFilters
}

export interface CaseDashboard {
  today: { date: string; new: Figure; open: Figure; overdue: Figure }
  satisfaction: Array<{ rating: number; label: string } & Figure>
  responsiveness: { district: ResponsivenessBar[]; station: ResponsivenessBar[]; deputy: ResponsivenessBar[] }
  weeks: Array<{ label: string; from: string; to: string } & Figure>
}

const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const iso = (d: Date) => d.toISOString()

/** Monday of the week a local date falls in (weeks as offices count them). */
function mondayOf(date: string) {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

/**
 * The organizers' dashboard from the cases they may see: today's figures, satisfaction,
 * responsiveness per district, station and deputy, and new cases per week. Every figure
 * carries the inbox filters that list the very cases it counts.
 */
export function caseDashboard(
  cases: CaseRecord[],
  now: Date,
  timeZone: string,
  names: { district(id: string): string; station(id: string): string; deputy(id: string): string },
  weeks = 8,
): CaseDashboard {
  const today = localDate(now, timeZone)
  const dayStart = startOfLocalDate(today, timeZone)
  const open = cases.filter((c) => OPEN_STATUSES.includes(c.status))
  const bars = (keyOf: (c: CaseRecord) => string | null, name: (k: string) => string, filter: string, limit: number) =>
    groupedStats(cases, keyOf, now)
      .map(({ key, stats }) => ({
        key,
        name: name(key),
        total: stats.total,
        open: OPEN_STATUSES.reduce((n, s) => n + stats.byStatus[s], 0),
        overdue: stats.overdueOpen,
        repliedInTimeShare: stats.repliedInTimeShare,
        filters: { [filter]: key },
      }))
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, limit)

  const thisMonday = mondayOf(today)
  const weekList = Array.from({ length: weeks }, (_, i) => {
    const monday = addDays(thisMonday, -7 * (weeks - 1 - i))
    const from = startOfLocalDate(monday, timeZone)
    const to = startOfLocalDate(addDays(monday, 7), timeZone)
    const count = cases.filter((c) => c.createdAt >= from && c.createdAt < to).length
    const [, m, d] = monday.split('-').map(Number)
    return { label: `${m}月${d}日`, from: iso(from), to: iso(to), count, filters: { from: iso(from), to: iso(to) } }
  })

  return {
    today: {
      date: today,
      new: { count: cases.filter((c) => c.createdAt >= dayStart).length, filters: { from: iso(dayStart) } },
      open: { count: open.length, filters: { open: 'true' } },
      overdue: { count: open.filter((c) => isOverdue(c, now)).length, filters: { overdue: 'true' } },
    },
    satisfaction: [5, 4, 3, 2, 1].map((rating) => ({
      rating,
      label: `${RATING_LABELS[rating]}（${rating} 分）`,
      count: cases.filter((c) => c.rating === rating).length,
      filters: { rating: String(rating) },
    })),
    responsiveness: {
      district: bars((c) => c.handlingDistrictId ?? c.districtId, names.district, 'districtId', 20),
      station: bars((c) => c.stationId, names.station, 'stationId', 15),
      deputy: bars((c) => c.deputyId, names.deputy, 'deputyId', 15),
    },
    weeks: weekList,
  }
}
