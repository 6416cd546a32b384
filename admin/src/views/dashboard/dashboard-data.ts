import { api } from '../../api'

import type { CaseDashboard, InboxFilters, ResponsivenessBar } from '../../../../src/domain/case-dashboard'

// GET /dashboard/cases answers the domain's CaseDashboard as it is (all strings and numbers), so the
// console reads the backend's own type: a renamed field fails `npm run typecheck`. Type-only: erased
// from the bundle.
export type Filters = InboxFilters
export type Bar = ResponsivenessBar
/** With what 按时答复 counts, in the server's words (said under the table of rows). */
export type Dashboard = CaseDashboard & { repliedInTimeNote: string }

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

/**
 * The office's 代表建议 on its first screen (GET /suggestions/summary): 待审查, 待交办, 已超期 (past the deadline, or past
 * a promised day without the unit's report) and of those 重点督办 and 承诺日期已过 (absent from an older server).
 */
export interface SuggestionSummary {
  submitted: number
  accepted: number
  overdue: number
  overdueKey: number
  promisesLate?: number
}

export const suggestionSummary = () => api.get<SuggestionSummary>('/suggestions/summary')
