import type { CaseStats } from '../../../../src/domain/case-stats'
import type { StatsSort } from '../../../../src/domain/stats-ranking'

/** How the groups can be gathered, what one is called when counted ("共 3,000 个联络站"), and the inbox filter that lists a group's cases. */
export const GROUPS = [
  { value: 'district', label: '按区县', counted: '个区县', filter: 'districtId' },
  { value: 'station', label: '按联络站', counted: '个联络站', filter: 'stationId' },
  { value: 'deputy', label: '按代表', counted: '位代表', filter: 'deputyId' },
  { value: 'topic', label: '按主题', counted: '个主题', filter: 'topic' },
  { value: 'department', label: '按承办部门', counted: '个承办部门', filter: null },
] as const

/** The orders the server ranks by, said plainly, and what the chart then draws of each group. */
export const SORTS: ReadonlyArray<{ value: StatsSort; label: string; chart: string; unit: string; of: (s: CaseStats) => number | null }> = [
  { value: 'total', label: '收到最多', chart: '收到的留言', unit: '条', of: (s) => s.total },
  { value: 'overdue', label: '超期最多', chart: '超期未办的留言', unit: '条', of: (s) => s.overdueOpen },
  {
    value: 'replied',
    label: '按时答复最低',
    chart: '按时答复的比例',
    unit: '%',
    of: (s) => (s.repliedInTimeShare === null ? null : Math.round(s.repliedInTimeShare * 100)),
  },
]

export const PAGE_SIZE = 20
