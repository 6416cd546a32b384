import Router from '@koa/router'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { TaskListService } from '../../../services/tasks.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentTaskList } from '../../presenters/tasks.js'
import type { AppState } from '../../state.js'

/** 我的待办: everything waiting for the caller, deputy or resident. */
export function mpTaskRoutes(sessions: MpSessions, tasks: TaskListService) {
  const router = new Router<AppState>({ prefix: '/api/mp' })

  router.get('/tasks', requireMpUser(sessions), async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = presentTaskList(await tasks.forPerson(ctx.state.mpUser!))
  })

  return router
}
