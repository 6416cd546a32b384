import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { BallotRoll } from '../../../services/surveys/ballot-roll.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentNotVoted } from '../../presenters/surveys.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { surveyIdParam } from './schemas.js'

export interface BallotRollRoutesDeps {
  auth: AuthService
  roll: BallotRoll
}

/** A ballot's roll while it runs: who has not voted yet, and whether their notice arrived. */
export function adminBallotRollRoutes({ auth, roll }: BallotRollRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/surveys' })
  router.use(requireStaff(auth, 'organizer', 'admin'))

  router.get('/:id/not-voted', async (ctx) => {
    ctx.body = presentNotVoted(await roll.notVoted(ctx.state.staff, parse(surveyIdParam, ctx.params, 'params').id))
  })

  return router
}
