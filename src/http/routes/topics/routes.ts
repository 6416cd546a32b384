import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { CaseQueries } from '../../../services/cases/case-queries.js'
import type { TopicCorrections } from '../../../services/topics/topic-corrections.js'
import type { TopicModels } from '../../../services/topics/topic-models.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentTraining } from '../../presenters/topics.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'
import { staffCaseAnswer } from '../cases/staff-case-answer.js'
import type { CaseDeputyReach } from '../../../services/cases/case-deputy-reach.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import { retrainBody, topicBody } from './schemas.js'

export interface TopicRoutesDeps {
  auth: AuthService
  corrections: TopicCorrections
  models: TopicModels
  queries: CaseQueries
  /** The case page's answer says whether its deputy can be reached, as GET /cases/:id does. */
  deputyReach: CaseDeputyReach
  topics: readonly string[]
  clock: Clock
  timeZone: string
  /** Whose deputies she may ring, as GET /cases/:id says it (staffCaseAnswer). */
  directory: Pick<DirectoryService, 'deputy'>
}

/** Topics learned from data: staff correct a case's topic; organizers and admins retrain their offices' models. */
export function topicRoutes(deps: TopicRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireStaff(deps.auth))
  const body = topicBody(deps.topics)

  /** The topic list to choose from, and the offices' latest trainings. */
  router.get('/topics', async (ctx) => {
    ctx.body = { topics: deps.topics, trainings: (await deps.models.trainings()).map(presentTraining) }
  })

  router.put('/cases/:id/topic', async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { topic, from } = parse(body, ctx.state.body, 'body')
    await deps.corrections.correct(ctx.state.staff, id, topic, from)
    // The case page shows this answer in place of what it had: the same detail as GET /cases/:id, deadline badge and all.
    ctx.body = await staffCaseAnswer(deps)(await deps.queries.forStaff(ctx.state.staff, id), ctx.state.staff)
  })

  router.post('/topics/retrain', requireStaff(deps.auth, 'organizer', 'admin'), async (ctx) => {
    const { districtId } = parse(retrainBody, ctx.state.body ?? {}, 'body')
    ctx.body = { trainings: (await deps.corrections.retrain(ctx.state.staff, districtId)).map(presentTraining) }
  })

  return router
}
