import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { BallotRoll } from '../../../services/surveys/ballot-roll.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentNotice } from '../../presenters/meetings.js'
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
    const { survey, roll: total, voted, items } = await roll.notVoted(ctx.state.staff, parse(surveyIdParam, ctx.params, 'params').id)
    ctx.body = {
      survey: { id: survey.id, title: survey.title, closesAt: survey.closesAt.toISOString() },
      roll: total,
      voted,
      items: items.map((i) => ({ deputyId: i.deputyId, name: i.name, notice: presentNotice(i.notice) })),
    }
  })

  return router
}
