import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { CaseQueries } from '../../../services/cases/case-queries.js'
import type { CaseWorkflow } from '../../../services/cases/case-workflow.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentDeputyCase, presentDeputyCaseSummary, presentHandedOn } from '../../presenters/deputy-cases.js'
import { presentTransferOptions } from '../../presenters/transfer-options.js'
import { presentHandedOnItem } from '../../presenters/handed-on.js'
import type { DeputyState, RouteContext } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam, forwardBody, handedOnQuery, inboxQuery, noteBody, replyBody, transferBody } from './schemas.js'

export interface DeputyCaseRoutesDeps {
  sessions: MpSessions
  workflow: CaseWorkflow
  queries: CaseQueries
  clock: Clock
  /** The business time zone, in which deputies read their deadlines. */
  timeZone: string
}

/** A deputy's inbox in the mini-program: nearest deadline first; acknowledge, forward, reply, transfer (and whom to). */
export function deputyCaseRoutes({ sessions, workflow, queries, clock, timeZone }: DeputyCaseRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/cases' })
  router.use(requireDeputy(sessions))

  router.get('/', async (ctx) => {
    const page = await queries.deputyInbox(ctx.state.mpUser, parse(inboxQuery, ctx.query, 'query'))
    // A message a colleague handed him reads as his workbench and its page say it (张伟代表转给您), not 新留言.
    const handed = await queries.handedToHim(ctx.state.mpUser.deputyId, page.items)
    const now = clock.now()
    ctx.body = { items: page.items.map((c) => presentDeputyCaseSummary(c, now, timeZone, handed.get(c.id) ?? null)), nextCursor: page.nextCursor }
  })

  // 已转出 (before /:id, which would take its name for a case id): the messages he handed on himself, read only.
  router.get('/handed-on', async (ctx) => {
    const { cursor, limit } = parse(handedOnQuery, ctx.query, 'query')
    const page = await queries.deputyHandedOn(ctx.state.mpUser, { cursor, limit })
    ctx.body = { items: page.items.map(presentHandedOnItem), nextCursor: page.nextCursor }
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = presentDeputyCase(await queries.forDeputy(ctx.state.mpUser, id), clock.now(), timeZone)
  })

  router.get('/:id/phone', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.set('Cache-Control', 'no-store')
    // With no phone field, the number she wrote in her message (phoneToCall): the page's 打电话给群众 calls it.
    ctx.body = { phone: await queries.revealPhone(ctx.state.mpUser, id) }
  })

  // 转给谁: the choices 转交 accepts now, by the same rule, so the page never offers one it then refuses.
  router.get('/:id/transfer-options', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = presentTransferOptions(await workflow.transferOptions(ctx.state.mpUser, id))
  })

  const act = (path: string, run: (ctx: RouteContext<DeputyState>, id: string) => Promise<unknown>) =>
    router.post(`/:id/${path}`, async (ctx) => {
      const { id } = parse(caseIdParam, ctx.params, 'params')
      await run(ctx, id)
      ctx.body = presentDeputyCase(await queries.forDeputy(ctx.state.mpUser, id), clock.now(), timeZone)
    })

  act('acknowledge', (ctx, id) => workflow.acknowledge(ctx.state.mpUser, id, parse(noteBody, ctx.state.body, 'body').note))
  act('reply', (ctx, id) => workflow.reply(ctx.state.mpUser, id, parse(replyBody, ctx.state.body, 'body').text))
  act('forward', (ctx, id) => workflow.forward(ctx.state.mpUser, id, parse(forwardBody, ctx.state.body, 'body')))

  // After a transfer the case is no longer the deputy's: answer with where it went and the timeline
  // his page shows (read again, it is case_not_his), not the case.
  router.post('/:id/transfer', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const moved = await workflow.transfer(ctx.state.mpUser, id, parse(transferBody, ctx.state.body, 'body'))
    ctx.body = presentHandedOn(await queries.handedOn(moved), ctx.state.mpUser.deputyId)
  })

  return router
}
