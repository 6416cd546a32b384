import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { CaseDetail, CaseQueries } from '../../../services/cases/case-queries.js'
import type { CaseSubmitter } from '../../../services/cases/case-submission.js'
import type { CaseWorkflow } from '../../../services/cases/case-workflow.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentResidentCase, presentResidentCaseSummary } from '../../presenters/resident-cases.js'
import type { MpState, RouteContext } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam, consentBody, myCasesQuery, rateBody, reasonBody, submitBody, withdrawBody } from './schemas.js'

export interface ResidentCaseDeps {
  sessions: MpSessions
  submitter: CaseSubmitter
  workflow: CaseWorkflow
  queries: CaseQueries
  privacy: PrivacyService
  uploads: Uploads
  idempotency: IdempotencyRepo
  clock: Clock
  submitLimitPerTenMinutes: number
  /** The business time zone, in which residents read their deadlines. */
  timeZone: string
}

/** A resident's messages: consent, submit, follow, withdraw, rate, reopen. */
export function residentCaseRoutes(deps: ResidentCaseDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(deps.sessions))
  const reading = () => ({ timeZone: deps.timeZone, now: deps.clock.now() })
  // Her message as her page shows it, with whether (and until when) she may ask for it to be handled again.
  const present = (d: CaseDetail) => presentResidentCase(d, reading(), deps.workflow.reopenOffer(d.case))

  router.post('/consent', async (ctx) => {
    const { version } = parse(consentBody, ctx.state.body, 'body')
    await deps.privacy.consent(ctx.state.mpUser.id, version)
    ctx.body = { version }
  })

  const submitLimit = rateLimit('mp_case_submit', deps.submitLimitPerTenMinutes, 600, (s: MpState) => s.mpUser.id)
  router.post(
    '/cases',
    submitLimit,
    idempotent(deps.idempotency, deps.clock, (s: MpState) => s.mpUser.id),
    async (ctx) => {
      const draft = parse(submitBody, ctx.state.body, 'body')
      deps.uploads.checkAttachments(draft.images, ctx.state.mpUser.id)
      const idempotencyKey = ctx.get('Idempotency-Key') || null
      const submitted = await deps.submitter.submit(ctx.state.mpUser, draft, idempotencyKey)
      const detail = await deps.queries.justSubmitted(ctx.state.mpUser, submitted)
      ctx.status = 201
      ctx.body = { ...present(detail), routing: { summary: submitted.summary } }
    },
  )

  router.get('/cases', async (ctx) => {
    const page = await deps.queries.residentCaseList(ctx.state.mpUser, parse(myCasesQuery, ctx.query, 'query'))
    ctx.body = { items: page.items.map(presentResidentCaseSummary), nextCursor: page.nextCursor }
  })

  router.get('/cases/:id', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    ctx.body = present(await deps.queries.forResident(ctx.state.mpUser, id))
  })

  const act = (path: string, run: (ctx: RouteContext<MpState>, id: string) => Promise<unknown>) =>
    router.post(`/cases/:id/${path}`, async (ctx) => {
      const { id } = parse(caseIdParam, ctx.params, 'params')
      await run(ctx, id)
      ctx.body = present(await deps.queries.forResident(ctx.state.mpUser, id))
    })

  act('withdraw', (ctx, id) => deps.workflow.withdraw(ctx.state.mpUser, id, parse(withdrawBody, ctx.state.body, 'body').reason))
  act('rate', (ctx, id) => {
    const { rating, comment } = parse(rateBody, ctx.state.body, 'body')
    return deps.workflow.rate(ctx.state.mpUser, id, rating, comment)
  })
  act('reopen', (ctx, id) => deps.workflow.reopen(ctx.state.mpUser, id, parse(reasonBody, ctx.state.body, 'body').reason))

  return router
}
