import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { Uploads } from '../../../services/cases/uploads.js'
import type { LivelihoodProgress } from '../../../services/livelihood/progress.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentProgress, presentProject } from '../../presenters/livelihood.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { livelihoodIdParam, progressBody } from './schemas.js'

export interface UnitLivelihoodDeps {
  auth: AuthService
  progress: LivelihoodProgress
  uploads: Pick<Uploads, 'signedLink'>
  clock: Clock
  /** Days after a quarter's end a unit has to report it (config livelihood.reportGraceDays), said by its page's intro. */
  reportGraceDays: number
}

/** A responsible unit's staff: their projects, and each quarter's progress. */
export function unitLivelihoodRoutes({ auth, progress, uploads, clock, reportGraceDays }: UnitLivelihoodDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/unit/livelihood-projects' })
  router.use(requireStaff(auth, 'unit_staff'))
  const sign = (url: string) => uploads.signedLink(url, clock.now())

  router.get('/', async (ctx) => {
    const items = await progress.unitProjects(ctx.state.staff)
    // nextReport: { quarter (null once all four are reported), text }, null once the year's results are published.
    // reportGraceDays: the days after a quarter's end to report it, said by the page's intro as the office set them.
    ctx.body = {
      items: items.map((x) => ({ ...presentProject(x.project), year: x.year, progress: x.reports.map((r) => presentProgress(r, sign)), nextReport: x.next })),
      reportGraceDays,
    }
  })

  router.post('/:id/progress', async (ctx) => {
    const { id } = parse(livelihoodIdParam, ctx.params, 'params')
    const body = parse(progressBody, ctx.state.body, 'body')
    ctx.status = 201
    ctx.body = presentProgress(await progress.post(ctx.state.staff, id, body), sign)
  })

  return router
}
