import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { TaskListService } from '../../../services/tasks.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentTaskList } from '../../presenters/tasks.js'
import type { MpState } from '../../state.js'

export interface MpTaskRoutesDeps {
  sessions: MpSessions
  tasks: TaskListService
}

/** 我的待办: everything waiting for the caller, deputy or resident. */
export function mpTaskRoutes({ sessions, tasks }: MpTaskRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  router.get('/tasks', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentTaskList(await tasks.forPerson(ctx.state.mpUser))
  })

  return router
}
