import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { LivelihoodCandidates } from '../../../services/livelihood/candidates.js'
import type { LivelihoodCycles } from '../../../services/livelihood/cycles.js'
import type { LivelihoodProposals } from '../../../services/livelihood/proposals.js'
import type { LivelihoodViews } from '../../../services/livelihood/views.js'
import { allowRoles, requireStaff } from '../../middleware/auth.js'
import { presentCycle, presentCycleView, presentProject, presentProposal } from '../../presenters/livelihood.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  ballotBody,
  ballotResultBody,
  candidateCreateBody,
  candidateEditBody,
  cycleCreateBody,
  declineBody,
  livelihoodIdParam,
  withdrawBody,
} from './schemas.js'

export interface AdminLivelihoodDeps {
  auth: AuthService
  cycles: LivelihoodCycles
  proposals: LivelihoodProposals
  candidates: LivelihoodCandidates
  views: LivelihoodViews
  uploads: Pick<Uploads, 'signedLink'>
  clock: Clock
}

/** The office's console for 民生实事项目: the year's cycle, curation, the ballot, rating and publishing. */
export function adminLivelihoodRoutes({ auth, cycles, proposals, candidates, views, uploads, clock }: AdminLivelihoodDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/livelihood' })
  router.use(requireStaff(auth))
  const office = allowRoles('admin', 'organizer')
  const id = (params: unknown) => parse(livelihoodIdParam, params, 'params').id

  router.get('/cycles', async (ctx) => {
    ctx.body = { items: (await cycles.list(ctx.state.staff)).map(presentCycle) }
  })
  router.post('/cycles', office, async (ctx) => {
    ctx.status = 201
    ctx.body = presentCycle(await cycles.create(ctx.state.staff, parse(cycleCreateBody, ctx.state.body, 'body')))
  })
  const sign = (url: string) => uploads.signedLink(url, clock.now())

  router.get('/cycles/:id', async (ctx) => {
    ctx.body = presentCycleView(await views.forStaff(ctx.state.staff, id(ctx.params)), sign)
  })
  router.get('/cycles/:id/proposals', async (ctx) => {
    ctx.body = { items: (await proposals.forCycle(ctx.state.staff, id(ctx.params))).map((p) => presentProposal(p, sign)) }
  })
  router.post('/cycles/:id/candidates', office, async (ctx) => {
    ctx.status = 201
    ctx.body = presentProject(await candidates.create(ctx.state.staff, id(ctx.params), parse(candidateCreateBody, ctx.state.body, 'body')))
  })
  router.patch('/candidates/:id', office, async (ctx) => {
    ctx.body = presentProject(await candidates.update(ctx.state.staff, id(ctx.params), parse(candidateEditBody, ctx.state.body, 'body')))
  })
  router.post('/candidates/:id/withdraw', office, async (ctx) => {
    const withdrawn = await candidates.withdraw(ctx.state.staff, id(ctx.params), parse(withdrawBody, ctx.state.body ?? {}, 'body').note)
    ctx.body = { project: presentProject(withdrawn.project), proposals: withdrawn.proposals.map((p) => presentProposal(p, sign)) }
  })
  router.post('/proposals/:id/decline', office, async (ctx) => {
    ctx.body = presentProposal(await candidates.decline(ctx.state.staff, id(ctx.params), parse(declineBody, ctx.state.body, 'body').note), sign)
  })
  router.post('/cycles/:id/ballot', office, async (ctx) => {
    ctx.body = presentCycle(await cycles.startBallot(ctx.state.staff, id(ctx.params), parse(ballotBody, ctx.state.body, 'body')))
  })
  router.post('/cycles/:id/ballot-result', office, async (ctx) => {
    ctx.body = presentCycle(await cycles.settleBallot(ctx.state.staff, id(ctx.params), parse(ballotResultBody, ctx.state.body ?? {}, 'body').tieDecision))
  })
  router.post('/cycles/:id/rating', office, async (ctx) => {
    ctx.body = presentCycle(await cycles.openRating(ctx.state.staff, id(ctx.params)))
  })
  router.post('/cycles/:id/publish', office, async (ctx) => {
    ctx.body = presentCycle(await cycles.publish(ctx.state.staff, id(ctx.params)))
  })

  return router
}
