import type { CaseStats } from '../../../../src/domain/case-stats'
import type { WeeklyReport } from '../../../../src/domain/weekly-report'

/** One hot issue of the report, as presentWeeklyReport reshapes it (dates as ISO strings, the trend in words). */
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
/**
 * GET /api/admin/analysis/weekly-report as the pages read it. The figures that the presenter (presentWeeklyReport) passes on as the domain has them:
 * the backend's own type, so a renamed field fails `npm run typecheck`. Type-only, erased from the bundle.
 */
type PassedOn = Pick<WeeklyReport, 'totals' | 'byTopic' | 'byPlace' | 'overdue' | 'slowest' | 'byDeputy' | 'byStation' | 'livelihood'>
export type Stats = CaseStats
export interface Report extends PassedOn {
  scope: string
  week: string
  weeks: string[]
  weekStart: string
  weekEnd: string
  generatedAt: string
  topIssues: ReportIssue[]
  /** 收到留言, as 工作概览's weekly bar counts it. */
  receivedCount: number
  /** 比上周 in words: "多 3 条", "少 2 条" or "持平"; "本周还没过完，暂不比较" for a week still running. */
  weekOnWeekText: string
  /** Beside the week's days for a report made before the week ended ("本周还没过完，统计到12月7日 1:59"), else null. */
  runningText: string | null
  // Its sentences, made on the server as its table download says them (presentWeeklyReport), never written here again.
  /** "11月29日", or "12月5日 22:48" for a week still running: the overdue figures are counted to it (截至…). */
  overdueAsOfText: string
  /** "共 20 条，列出超期最久的 10 条". */
  overdueCountText: string
  /** The messages no deputy's row holds, or null when the rows add up. */
  unassignedText: string | null
  repliedInTimeNote: string
  /** Under 收到留言: the messages left out of the figures ("其中不予受理 2 条，不计入下面的统计"), or null. */
  receivedText: string | null
  /** Under 本周答复: "其中 2 条答复后群众不满意，要求重新办理", or null. */
  repliedText: string | null
  /** Under 满意度: how many rated and the share satisfied, or null when nobody rated. */
  satisfactionText: string | null
  /** Under the hot issues: why 本周热度 differs from 热点问题's 热度. */
  heatNote: string
  /** Above the deputies' rows: their order. */
  deputyOrderText: string
  /** A report kept from before the count changed says so, with 重新生成; null otherwise. */
  countedEarlierText: string | null
  /** Its figures counted otherwise, behind 看哪些不同; null with countedEarlierText. */
  countedEarlierDifferences: string[] | null
}
