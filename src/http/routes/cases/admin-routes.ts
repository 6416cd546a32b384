import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { Clock } from '../../../clock.js'
import type { CaseQueries } from '../../../services/cases/case-queries.js'
import { URGE_TOGETHER_MAX } from '../../../services/cases/case-filters.js'
import type { RoutingService } from '../../../services/cases/case-routing.js'
import type { CaseWorkflow } from '../../../services/cases/case-workflow.js'
import type { CaseUrging, UrgePlan } from '../../../services/cases/case-urging.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentHandedUp, presentHandedUpMatch } from '../../presenters/cases.js'
import { presentStaffWholeWords } from '../../presenters/her-words.js'
import { staffCaseAnswer } from './staff-case-answer.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { presentInboxRow, presentListTotal, presentNumberSearch } from '../../presenters/case-inbox.js'
import { LIST_COUNT_BOUND, type CaseInbox } from '../../../services/cases/case-inbox.js'
import type { RouteContext, StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  assignBody,
  assignTogetherBody,
  caseIdParam,
  handUpBody,
  mergeBody,
  noteBody,
  previewBody,
  reasonBody,
  staffCasesListQuery,
  statsQuery,
  urgeTogetherBody,
  caseGroupQuery,
} from './schemas.js'
import { presentAssignTogether, presentUrgeTogether } from '../../presenters/cases-together.js'
import type { AssignTogether } from '../../../services/cases/assign-together.js'
import type { CaseReports } from '../../../services/cases/case-reports.js'
import { withRepliedInTimeNote } from '../../presenters/analysis.js'

export interface AdminCaseRoutesDeps {
  auth: AuthService
  workflow: CaseWorkflow
  urging: CaseUrging
  /** Whether the deputy holding it hears of it (deputyNotice): said after 分派/催办 and on the page. */
  deputyReach: CaseDeputyReach
  queries: CaseQueries
  routing: RoutingService
  reports: CaseReports
  inbox: CaseInbox
  /** 批量分派: the ticked messages to one deputy, with one note and one 要求答复日期. */
  assignTogether: AssignTogether
  clock: Clock
  timeZone: string
  /** Whose deputies she may ring (查看电话), as the directory decides it: the page names his number beside 办理代表. */
  directory: Pick<DirectoryService, 'deputy'>
}

/** Station staff triage their queue; organizers see their district; admins everything. */
export function adminCaseRoutes({
  auth,
  workflow,
  urging,
  deputyReach,
  queries,
  routing,
  reports,
  inbox,
  assignTogether,
  clock,
  timeZone,
  directory,
}: AdminCaseRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(auth))
  /** The case as the case page reads it; every write on that page answers with it too. */
  const detail = staffCaseAnswer({ deputyReach, clock, timeZone, awayNote: (c) => inbox.deputyAwayNote(c), directory })

  router.get('/cases', async (ctx) => {
    const { cursor, limit, order, whereabouts, ...filters } = parse(staffCasesListQuery, ctx.query, 'query')
    const page = await inbox.page(ctx.state.staff, filters, { cursor, limit, order })
    const handedUp = await queries.handedUpMatches(ctx.state.staff, filters.q, { cursor, asks: whereabouts })
    ctx.body = {
      items: page.items.map(presentInboxRow),
      nextCursor: page.nextCursor,
      numberSearch: page.numberSearch ? presentNumberSearch(page.numberSearch) : null,
      /**
       * Messages the number names that her station handed up (上报) or that moved to another station, and she can
       * no longer open: where they went, in words. With the first page, or a later one asked with `whereabouts`
       * (the console keeps it while paging on, and asks for it on a page it comes back to).
       */
      handedUp: handedUp.map((m) => presentHandedUpMatch(m, timeZone)),
      /** A number naming nothing in her scope but another station's or office's message: said so in words (not its content), else null. */
      elsewhere: await queries.numberElsewhere(ctx.state.staff, filters.q, { cursor, found: page.items.length > 0, handedAway: handedUp.length > 0 }),
      /** Who holds the messages at an office that she sees, as the 在…办 filter (atOffice) names them; null when she sees none. */
      atOfficeName: page.atOfficeName,
      /** The deputies in her scope the search box names ("刘志明"): the list points to the 代表 filter (`text`), naming each. */
      deputyNamed: page.deputyNamed,
      /** A station filter as its chip names it: `name` when she may see its messages, else `text` saying it is not hers (nothing of it). */
      stationFilter: page.stationFilter,
      total: presentListTotal(page.total, LIST_COUNT_BOUND),
    }
  })

  /** Counts, medians, shares answered in time and satisfaction; per station, district, topic, deputy or department (述职评议), a page of groups at a time, biggest or worst first. */
  router.get('/cases/stats', async (ctx) => {
    const { groupBy, sort, offset, limit, ...filters } = parse(statsQuery, ctx.query, 'query')
    // With atOfficeName: whose office holds the messages no station does (the line under 按联络站); null when she sees none.
    ctx.body = withRepliedInTimeNote(await reports.stats(ctx.state.staff, groupBy, filters, { sort, offset, limit }))
  })

  router.get('/cases/:id', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = await detail(await queries.forStaff(ctx.state.staff, id), ctx.state.staff)
  })

  /**
   * 查看完整原文: what residents wrote on the page whole, audited (case.text.read) before it is answered; a case she may
   * not read is not found, and nothing is written. Not kept by the browser: the words hold personal numbers.
   */
  router.get('/cases/:id/whole-words', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    const d = await queries.wholeWordsForStaff(ctx.state.staff, id)
    ctx.body = presentStaffWholeWords(d, await deputyReach.escalationsOf(d.case, d.events))
  })

  const act = (path: string, run: (ctx: RouteContext<StaffState>, id: string) => Promise<unknown>) =>
    router.post(`/cases/:id/${path}`, async (ctx) => {
      const { id } = parse(caseIdParam, ctx.params, 'params')
      await run(ctx, id)
      ctx.body = await detail(await queries.forStaff(ctx.state.staff, id), ctx.state.staff)
    })

  act('assign', (ctx, id) => {
    const { deputyId, note, fromDeputyId, replyBy } = parse(assignBody, ctx.state.body, 'body')
    return workflow.assign(ctx.state.staff, id, deputyId, note, fromDeputyId, { replyBy })
  })
  /** 上报: station staff hand a case up to the district office; it leaves their queue, so the answer is what they may still see. */
  router.post('/cases/:id/hand-up', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { reason, fromDeputyId } = parse(handUpBody, ctx.state.body, 'body')
    const c = await workflow.handUp(ctx.state.staff, id, reason, fromDeputyId)
    ctx.body = presentHandedUp(c, await queries.officeNameOf(c.officeRegionId))
  })
  act('reject', (ctx, id) => workflow.reject(ctx.state.staff, id, parse(reasonBody, ctx.state.body, 'body').reason))
  act('merge', (ctx, id) => {
    const { intoCaseId, note } = parse(mergeBody, ctx.state.body, 'body')
    return workflow.merge(ctx.state.staff, id, intoCaseId, note)
  })
  /** 催办: press the deputy holding it, once a business day (409 already_urged says when and by whom). */
  act('urge', (ctx, id) => urging.urge(ctx.state.staff, id, parse(noteBody, ctx.state.body, 'body').note))

  // ——— 一起催办: a group's messages (a hot issue's) at once, each as 催办 urges it, one notice per deputy ———
  const urgeAnswer = async (plan: UrgePlan, done: boolean) => {
    const { tally, deputies, failed, holders } = await urging.tally(plan)
    const unreached = await deputyReach.unreachedByUrge(deputies.map((d) => d.id))
    return presentUrgeTogether(
      tally,
      deputies.map((d) => ({ name: d.name, count: d.count, unreached: unreached.has(d.id) })),
      done,
      failed,
      holders,
    )
  }
  /** What 一起催办 would do, in words, before she confirms: nothing is written. */
  router.get('/cases-together/urge', async (ctx) => {
    const { ids } = parse(caseGroupQuery, ctx.query, 'query')
    ctx.body = await urgeAnswer(await urging.planTogether(ctx.state.staff, ids), false)
  })
  /** The same, the messages named in the body: a whole hot issue, more than an address holds (URGE_TOGETHER_MAX). */
  router.post('/cases-together/urge/plan', async (ctx) => {
    const { ids } = parse(caseGroupQuery, ctx.state.body, 'body')
    ctx.body = await urgeAnswer(await urging.planTogether(ctx.state.staff, ids, URGE_TOGETHER_MAX), false)
  })
  /**
   * 一起催办: the messages of hers that may be urged are; the others are counted by why (其中 1 条不归您管，未催办), one
   * given to another deputy than her plan showed among them (`fromDeputyIds`: holder_changed).
   */
  router.post('/cases-together/urge', async (ctx) => {
    const { ids, note, fromDeputyIds } = parse(urgeTogetherBody, ctx.state.body, 'body')
    ctx.body = await urgeAnswer(await urging.urgeTogether(ctx.state.staff, ids, note, fromDeputyIds), true)
  })

  /**
   * 批量分派: the messages she ticked go to one deputy, each as 分派 gives it; the answer says how many went, which kept
   * their own reply deadline (the 要求答复日期 is later than their rules allow), and which did not go and why.
   */
  router.post('/cases-together/assign', async (ctx) => {
    const { ticked, deputyId, note, replyBy } = parse(assignTogetherBody, ctx.state.body, 'body')
    ctx.body = presentAssignTogether(await assignTogether.assign(ctx.state.staff, ticked, deputyId, note, replyBy))
  })

  /** What routing would decide, without creating anything; only where the caller may see it land. */
  router.post('/routing/preview', async (ctx) => {
    const input = parse(previewBody, ctx.state.body, 'body')
    const { decision, summary } = await routing.preview(ctx.state.staff, input)
    ctx.body = { ...decision, summary }
  })

  return router
}
