import type { CaseStats } from '../../../../src/domain/case-stats'
import type { StatsSort } from '../../../../src/domain/stats-ranking'

const NONE = '这段时间没有留言。'

/**
 * How the groups can be gathered, what one is called when counted ("共 3,000 个联络站"), the inbox
 * filter that lists a group's cases, and what an empty list means: by department, only forwarded
 * messages count, so "no messages" beside a total of 15 would contradict itself.
 */
export const GROUPS = [
  { value: 'district', label: '按区县', counted: '个区县', filter: 'districtId', none: NONE },
  { value: 'station', label: '按联络站', counted: '个联络站', filter: 'stationId', none: NONE },
  { value: 'deputy', label: '按代表', counted: '位代表', filter: 'deputyId', none: NONE },
  { value: 'topic', label: '按主题', counted: '个主题', filter: 'topic', none: NONE },
  { value: 'department', label: '按转交部门', counted: '个承办部门', filter: null, none: '这段时间没有转交承办部门的留言。' },
] as const

/** The orders the server ranks by, said plainly, and what the chart then draws of each group. */
export const SORTS: ReadonlyArray<{ value: StatsSort; label: string; chart: string; unit: string; of: (s: CaseStats) => number | null }> = [
  { value: 'total', label: '收到最多', chart: '收到的留言', unit: '条', of: (s) => s.total },
  { value: 'overdue', label: '已超期最多', chart: '已超期、还没答复的留言', unit: '条', of: (s) => s.overdueOpen },
  {
    value: 'replied',
    label: '按时答复最低',
    chart: '按时答复的比例',
    unit: '%',
    of: (s) => (s.repliedInTimeShare === null ? null : Math.round(s.repliedInTimeShare * 100)),
  },
]

export const PAGE_SIZE = 20
