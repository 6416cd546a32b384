/**
 * The names downloads are saved under, saying whose and which list they are ("澜江区-留言列表-已超期-2026-12-06.csv"):
 * two downloads for one meeting must not both become 留言列表.csv and 留言列表 (1).csv. Pure: the caller names the
 * places, stations and deputies.
 */
import { STATUS_FILTER_LABELS, type CaseStatusFilter } from './case.js'
import { monthDayText } from './dates.js'

/** The inbox's filters, as a list was asked for (services/cases/case-filters.ts CaseFilters). */
export interface ListFilterFacts {
  status?: CaseStatusFilter
  topic?: string
  regionId?: string
  stationId?: string
  deputyId?: string
  districtId?: string
  handledIn?: string
  overdue?: boolean
  ackLate?: boolean
  open?: boolean
  rating?: number
  unhappy?: boolean
  atOffice?: boolean
  q?: string
  ids?: string[]
  /** The first and last local dates the list covers (YYYY-MM-DD), when it is narrowed by time. */
  fromDate?: string
  toDate?: string
}

export interface ListNames {
  region(id: string): string | null
  station(id: string): string | null
  deputy(id: string): string | null
}

// What a file name may not hold on Windows or macOS (and quotes, which browsers drop): each becomes a space.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g
const clean = (s: string) => s.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim()

/** The list's filters in a few words each, in the inbox's order of filters: ["已超期", "光明社区", "12月1日至12月6日"]. */
export function listFilterWords(f: ListFilterFacts, names: ListNames): string[] {
  const range = f.fromDate || f.toDate ? [f.fromDate && monthDayText(f.fromDate), f.toDate && monthDayText(f.toDate)] : null
  const words = [
    f.overdue && '已超期',
    f.ackLate && '未按时受理',
    f.open && '未办结',
    f.atOffice && '在人大办',
    f.unhappy && '群众不满意',
    f.status && STATUS_FILTER_LABELS[f.status],
    f.topic,
    f.districtId && names.region(f.districtId),
    f.handledIn && names.region(f.handledIn) && `${names.region(f.handledIn)}办理`,
    f.regionId && names.region(f.regionId),
    f.stationId && names.station(f.stationId),
    f.deputyId && (names.deputy(f.deputyId) ? `${names.deputy(f.deputyId)}代表` : null),
    f.rating && `${f.rating}分`,
    f.ids?.length && '热点问题',
    // Never the words searched for: staff search by a resident's phone or name, and a file name is kept in Downloads,
    // recent files and a mail's attachment, unmasked.
    f.q && '搜索结果',
    range && (range[0] === range[1] ? range[0] : `${range[0] ?? ''}至${range[1] ?? ''}`),
  ]
  return words
    .filter((w): w is string => typeof w === 'string' && w.length > 0)
    .map(clean)
    .filter(Boolean)
}

/**
 * A download's name: its scope, what it is, the list's filters, the day (YYYY-MM-DD, which sorts), and the extension:
 * downloadFileName("澜江区", "留言列表", ["已超期"], "2026-12-06") → "澜江区-留言列表-已超期-2026-12-06.csv".
 */
export function downloadFileName(scope: string, what: string, filters: string[], date: string, extension = 'csv'): string {
  return `${[scope, what, ...filters, date].map(clean).filter(Boolean).join('-')}.${extension}`
}
