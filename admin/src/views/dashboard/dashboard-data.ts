import { api } from '../../api'

export type Filters = Record<string, string>
export interface Bar {
  key: string
  name: string
  total: number
  open: number
  overdue: number
  repliedInTimeShare: number | null
  filters: Filters
}
export interface Dashboard {
  today: { date: string; new: { count: number; filters: Filters }; open: { count: number; filters: Filters }; overdue: { count: number; filters: Filters } }
  satisfaction: Array<{ rating: number; label: string; count: number; filters: Filters }>
  responsiveness: { district: Bar[]; station: Bar[]; deputy: Bar[] }
  weeks: Array<{ label: string; count: number; filters: Filters }>
}

let pending: Promise<Dashboard> | null = null

/**
 * Starts what the dashboard waits for while its page's scripts are still loading: its figures
 * and the chart library. The router calls this once it knows the dashboard opens, so neither
 * waits for the page's own scripts (they took the first screen ~0.5 s longer).
 */
export function prefetchDashboard() {
  pending = api.get<Dashboard>('/dashboard/cases')
  pending.catch(() => {}) // told by the page when it reads it
  void import('../../charts').catch(() => {}) // the charts import it again and see any failure
}

/** The figures: those the router already asked for (once), or a fresh read. */
export function dashboardData(): Promise<Dashboard> {
  const answer = pending ?? api.get<Dashboard>('/dashboard/cases')
  pending = null
  return answer
}
