import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { AuthService } from '../../../services/auth.js'
import type { CaseQueries } from '../../../services/case-queries.js'
import type { TopicCorrections } from '../../../services/topic-corrections.js'
import type { TopicModels } from '../../../services/topic-models.js'
import type { TopicTraining } from '../../../store/ports.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentStaffCase } from '../../presenters/cases.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { caseIdParam } from '../cases/schemas.js'
import { retrainBody, topicBody } from './schemas.js'

const presentTraining = (t: TopicTraining) => ({
  districtId: t.office, trainedAt: t.trainedAt.toISOString(), upTo: t.upTo.toISOString(), corrections: t.corrections, trainedBy: t.trainedBy,
})

/** Topics learned from data: staff correct a case's topic; organizers and admins retrain their offices' models. */
export function topicRoutes(deps: { auth: AuthService; corrections: TopicCorrections; models: TopicModels; queries: CaseQueries; topics: readonly string[]; clock: Clock }) {
  const router = new Router<AppState>({ prefix: '/api/admin' })
  const staff = requireStaff(deps.auth)
  const body = topicBody(deps.topics)

  /** The topic list to choose from, and the offices' latest trainings. */
  router.get('/topics', staff, async (ctx) => {
    ctx.body = { topics: deps.topics, trainings: (await deps.models.trainings()).map(presentTraining) }
  })

  router.put('/cases/:id/topic', staff, async (ctx) => {
    const { id } = parse(caseIdParam, ctx.params, 'params')
    const { topic } = parse(body, ctx.state.body, 'body')
    await deps.corrections.correct(ctx.state.staff!, id, topic)
    ctx.body = presentStaffCase(await deps.queries.forStaff(ctx.state.staff!, id), deps.clock.now())
  })

  router.post('/topics/retrain', requireStaff(deps.auth, 'organizer', 'admin'), async (ctx) => {
    const { districtId } = parse(retrainBody, ctx.state.body ?? {}, 'body')
    ctx.body = { trainings: (await deps.corrections.retrain(ctx.state.staff!, districtId)).map(presentTraining) }
  })

  return router
}
