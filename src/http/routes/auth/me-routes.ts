import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import { requireAnyStaff } from '../../middleware/auth.js'
import { presentPrincipal } from '../../presenters/directory.js'
import type { StaffState } from '../../state.js'

export interface StaffMeRoutesDeps {
  auth: AuthService
}

/** Who the console is signed in as: every role, handling units' staff too. */
export function staffMeRoutes({ auth }: StaffMeRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  router.use(requireAnyStaff(auth))

  router.get('/me', (ctx) => {
    ctx.body = { staff: presentPrincipal(ctx.state.staff) }
  })

  return router
}
