import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import { PROPOSAL_CONSENT, type LivelihoodProposals } from '../../../services/livelihood/proposals.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { rateLimit } from '../../middleware/rate-limit.js'
import { presentMpCycle, presentMyProposal } from '../../presenters/livelihood.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { livelihoodIdParam, proposalBody } from './schemas.js'

export interface MpLivelihoodDeps {
  sessions: MpSessions
  proposals: LivelihoodProposals
  idempotency: IdempotencyRepo
  clock: Clock
  /** The business time zone: the days the collection window is said in. */
  timeZone: string
}

/** 群众提: residents (and deputies, from their stations) propose projects and follow them. */
export function mpLivelihoodRoutes({ sessions, proposals, idempotency, clock, timeZone }: MpLivelihoodDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp/livelihood' })
  router.use(requireMpUser(sessions))

  router.get('/cycles', async (ctx) => {
    const now = clock.now()
    ctx.body = { consent: PROPOSAL_CONSENT, items: (await proposals.openCycles()).map((c) => presentMpCycle(c, now, timeZone)) }
  })

  // Bursts are stopped here; the yearly cap per person is the service's.
  const burst = rateLimit('mp_livelihood_propose', 10, 600, (s: MpState) => s.mpUser.id)
  // A resend after a lost answer carries the same Idempotency-Key: recorded once, the first answer replayed.
  const once = idempotent(idempotency, clock, (s: MpState) => s.mpUser.id)
  router.post('/cycles/:id/proposals', burst, once, async (ctx) => {
    const { id } = parse(livelihoodIdParam, ctx.params, 'params')
    const body = parse(proposalBody, ctx.state.body, 'body')
    const { proposal, cycle } = await proposals.propose(ctx.state.mpUser, id, body)
    ctx.status = 201
    ctx.body = presentMyProposal(proposal, null, cycle)
  })

  router.get('/proposals', async (ctx) => {
    ctx.body = { items: (await proposals.mine(ctx.state.mpUser)).map((x) => presentMyProposal(x.proposal, x.project, x.cycle)) }
  })

  return router
}
