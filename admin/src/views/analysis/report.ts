/** GET /api/admin/analysis/weekly-report as the pages read it. */
export interface Stats {
  total: number
  medianDaysToReply: number | null
  repliedInTimeShare: number | null
  acknowledgedInTimeShare: number | null
  finalSatisfaction: number | null
  overdueOpen: number
}
export interface ReportIssue {
  key: string
  caseIds: string[]
  rank: number
  placeName: string
  topic: string
  messages: number
  residents: number
  index: number
  previousIndex: number | null
  trend: string
  trendLabel: string
  description: string
  placeId: string | null
  firstAt: string
  lastAt: string
}
export interface Report {
  scope: string
  week: string
  weeks: string[]
  weekStart: string
  weekEnd: string
  generatedAt: string
  totals: { messages: number; previousMessages: number; residents: number; replied: number; closed: number; overdueOpen: number; satisfaction: number | null }
  topIssues: ReportIssue[]
  byTopic: Array<{ topic: string; messages: number; previous: number; satisfaction: number | null }>
  byPlace: Array<{ placeId: string; name: string; messages: number; satisfaction: number | null }>
  overdue: Array<{ caseId: string; ticket: string; topic: string; station: string | null; deputy: string | null; daysOverdue: number }>
  slowest: Array<{ caseId: string; ticket: string; topic: string; station: string | null; deputy: string | null; daysToReply: number }>
  byDeputy: Array<{ id: string; name: string; stats: Stats }>
  byStation: Array<{ id: string; name: string; stats: Stats }>
}
