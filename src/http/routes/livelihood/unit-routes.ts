import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { LivelihoodProgress } from '../../../services/livelihood/progress.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentProgress, presentProject } from '../../presenters/livelihood.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { livelihoodIdParam, progressBody } from './schemas.js'

export interface UnitLivelihoodDeps {
  auth: AuthService
  progress: LivelihoodProgress
}

/** A responsible unit's staff: their projects, and each quarter's progress. */
export function unitLivelihoodRoutes({ auth, progress }: UnitLivelihoodDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/unit/livelihood-projects' })
  router.use(requireStaff(auth, 'unit_staff'))

  router.get('/', async (ctx) => {
    const items = await progress.unitProjects(ctx.state.staff)
    ctx.body = { items: items.map((x) => ({ ...presentProject(x.project), year: x.year, progress: x.reports.map(presentProgress) })) }
  })

  router.post('/:id/progress', async (ctx) => {
    const { id } = parse(livelihoodIdParam, ctx.params, 'params')
    ctx.status = 201
    ctx.body = presentProgress(await progress.post(ctx.state.staff, id, parse(progressBody, ctx.state.body, 'body')))
  })

  return router
}
