import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { Clock } from '../../../clock.js'
import type { CaseDashboardService } from '../../../services/cases/case-dashboard.js'
import { withRepliedInTimeNote } from '../../presenters/analysis.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import type { CaseInbox } from '../../../services/cases/case-inbox.js'
import type { MergeChoices } from '../../../services/cases/merge-choices.js'
import { requireStaff } from '../../middleware/auth.js'
import { inboxSheetStream, presentDeputyChoice, presentMergeChoice, presentNumberSearch } from '../../presenters/case-inbox.js'
import type { StaffState } from '../../state.js'
import { presentRegionNode } from '../../presenters/directory.js'
import { parse } from '../../validate.js'
import { caseExportQuery, deputyChoicesQuery, mergeChoicesQuery } from './console-schemas.js'
import { caseIdParam, caseGroupQuery } from './schemas.js'
import { presentGroupMerge } from '../../presenters/cases-together.js'

export interface ConsoleCaseRoutesDeps {
  auth: AuthService
  inbox: CaseInbox
  mergeChoices: MergeChoices
  dashboard: CaseDashboardService
  /** 分派's list says beside a deputy that no reminder reaches them, and once above it what to do. */
  deputyReach: Pick<CaseDeputyReach, 'choicesReach'>
  clock: Clock
  timeZone: string
}

/** What the console needs beyond the case API: the export of a filtered list, the deputy picker, the dashboard. Scoped like the case list. */
export function consoleCaseRoutes({ auth, inbox, mergeChoices, dashboard, deputyReach, clock, timeZone }: ConsoleCaseRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))

  /** "导出当前列表": the same filters as GET /cases, every matching case, as a spreadsheet. */
  router.get('/cases.csv', async (ctx) => {
    const { order, ...filters } = parse(caseExportQuery, ctx.query, 'query')
    const rows = await inbox.export(ctx.state.staff, filters, order)
    // Whose list and which ("澜江区-留言列表-已超期-2026-12-06.csv"): two downloads for one meeting are told apart.
    const fileName = await inbox.exportFileName(ctx.state.staff, filters)
    ctx.type = 'text/csv; charset=utf-8'
    ctx.set('Content-Disposition', `attachment; filename="cases.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = await inboxSheetStream(rows, timeZone, clock.now())
  })

  /** The 地点 filter's places: the caller's own, from her level down (a station's clerk: her street's communities). */
  router.get('/case-places', async (ctx) => {
    ctx.body = { items: (await inbox.places(ctx.state.staff)).map(presentRegionNode) }
  })

  /** Whom this case (and those assigned with it, `together`) can be given to, by name, with each deputy's open load and topics. */
  router.get('/cases/:id/deputy-choices', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { q, together } = parse(deputyChoicesQuery, ctx.query, 'query')
    const now = clock.now()
    const { items, more } = await inbox.deputyChoices(ctx.state.staff, id, q, together)
    const reach = await deputyReach.choicesReach(items.map((d) => d.id))
    ctx.body = {
      items: items.map((d) => presentDeputyChoice(d, timeZone, now, reach.own.get(d.id) ?? null)),
      /** Said once above the list: why reminders do not arrive, for everyone, and to phone (小程序提醒还没有开通：…). */
      reachNote: reach.note,
      more,
      moreText: more ? `其他联络站还有 ${more} 位代表没有列出，请输入姓名查找` : null,
    }
  })

  /** What 与相似留言合并 offers (and the case page's 相似留言 lists): the messages 热点问题 groups with this one and those alike, or those a number finds. */
  router.get('/cases/:id/merge-choices', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { q } = parse(mergeChoicesQuery, ctx.query, 'query')
    const found = await mergeChoices.forCase(ctx.state.staff, id, q)
    const now = clock.now()
    ctx.body = {
      items: found.items.map((m) => presentMergeChoice(m, timeZone, now)),
      numberSearch: found.numberSearch && presentNumberSearch(found.numberSearch),
    }
  })

  /** 合并办理 of a group's messages (a hot issue's): each station's open ones, and what a merge does; each merge is then POST /cases/:id/merge. */
  router.get('/cases-together/merge', async (ctx) => {
    const { ids } = parse(caseGroupQuery, ctx.query, 'query')
    ctx.body = presentGroupMerge(await mergeChoices.forGroup(ctx.state.staff, ids))
  })

  /** 工作概览: an organizer's district, a station clerk's station (with its duty days ahead); scoped like the case list. */
  router.get('/dashboard/cases', async (ctx) => {
    ctx.body = withRepliedInTimeNote(await dashboard.forStaff(ctx.state.staff))
  })

  return router
}
