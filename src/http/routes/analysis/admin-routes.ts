import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CaseSeriesReport } from '../../../services/analysis/case-series.js'
import type { HotIssueService } from '../../../services/analysis/hot-issues.js'
import type { PublicationService } from '../../../services/analysis/publications.js'
import type { WeeklyReports } from '../../../services/analysis/weekly-reports.js'
import type { Clock } from '../../../clock.js'
import { requireStaff } from '../../middleware/auth.js'
import {
  presentCandidate,
  presentHotIssues,
  presentPublicationDraft,
  presentSeries,
  presentStaffPublication,
  presentWeeklyReport,
} from '../../presenters/analysis.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'
import { candidatesQuery, hotIssuesQuery, publicationBody, seriesQuery, weeklyReportQuery } from './schemas.js'

export interface AnalysisRouteDeps {
  auth: AuthService
  hotIssues: HotIssueService
  weeklyReports: WeeklyReports
  caseSeries: CaseSeriesReport
  publications: PublicationService
  clock: Clock
  timeZone: string
}

/** 分析研判 for staff: hot issues, trends by place, the weekly report; 公开选登 of answered cases. */
export function adminAnalysisRoutes(deps: AnalysisRouteDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(deps.auth))
  const organizers = requireStaff(deps.auth, 'organizer', 'admin')

  router.get('/analysis/hot-issues', async (ctx) => {
    ctx.body = presentHotIssues(await deps.hotIssues.list(ctx.state.staff, parse(hotIssuesQuery, ctx.query, 'query')))
  })

  router.get('/analysis/series', async (ctx) => {
    const { interval, groupBy, ...filters } = parse(seriesQuery, ctx.query, 'query')
    ctx.body = presentSeries(await deps.caseSeries.series(ctx.state.staff, interval, groupBy, filters), deps.timeZone)
  })

  const reportOf = (ctx: { state: StaffState; query: unknown }) => {
    const q = parse(weeklyReportQuery, ctx.query, 'query')
    return { scope: q.scope ?? deps.weeklyReports.defaultScope(ctx.state.staff), week: q.week ?? deps.weeklyReports.lastWeek() }
  }

  router.get('/analysis/weekly-report', organizers, async (ctx) => {
    const { scope, week } = reportOf(ctx)
    ctx.body = presentWeeklyReport(await deps.weeklyReports.read(ctx.state.staff, scope, week), deps.timeZone)
  })

  router.post('/analysis/weekly-report', organizers, async (ctx) => {
    const { scope, week } = reportOf(ctx)
    ctx.body = presentWeeklyReport(await deps.weeklyReports.remake(ctx.state.staff, scope, week), deps.timeZone)
  })

  router.get('/analysis/weekly-report.csv', organizers, async (ctx) => {
    const { scope, week } = reportOf(ctx)
    const { report } = await deps.weeklyReports.read(ctx.state.staff, scope, week)
    ctx.type = 'text/csv; charset=utf-8'
    const { fileName, csv } = await deps.weeklyReports.csvFile(scope, report)
    ctx.set('Content-Disposition', `attachment; filename="weekly-report.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = csv
  })

  router.get('/publications/candidates', async (ctx) => {
    const list = await deps.publications.candidates(ctx.state.staff, parse(candidatesQuery, ctx.query, 'query'))
    ctx.body = { items: list.map((c) => presentCandidate(c.case, c.draft)) }
  })

  router.get('/cases/:id/publication', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = presentPublicationDraft(await deps.publications.draft(ctx.state.staff, id))
  })

  router.put('/cases/:id/publication', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = presentStaffPublication(await deps.publications.publish(ctx.state.staff, id, parse(publicationBody, ctx.state.body, 'body')))
  })

  router.delete('/cases/:id/publication', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    await deps.publications.unpublish(ctx.state.staff, id)
    ctx.status = 204
  })

  return router
}
