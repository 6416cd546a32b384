import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import { requireStaffBeforePasswordChange } from '../../middleware/auth.js'
import { presentPrincipal } from '../../presenters/directory.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { setSessionCookie } from '../../session-cookie.js'
import { passwordChangeBody } from './schemas.js'

export interface StaffMeRoutesDeps {
  auth: AuthService
  secureCookies: boolean
  /** The business time zone, told to the console with the session. */
  timeZone: string
}

/** Who the console is signed in as, and their own password: every role, handling units' staff too. */
export function staffMeRoutes({ auth, secureCookies, timeZone }: StaffMeRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  // Open while a password must still be changed: the console asks who it is, then shows the change.
  router.use(requireStaffBeforePasswordChange(auth))

  router.get('/me', (ctx) => {
    // The console reads every date and time in the business zone, told here before its first page.
    ctx.body = { staff: presentPrincipal(ctx.state.staff), timeZone }
  })

  /** Their other sessions end, and this one is replaced: the answer carries the new cookie. */
  router.post('/me/password', async (ctx) => {
    const { currentPassword, newPassword } = parse(passwordChangeBody, ctx.state.body, 'body')
    ctx.set('Cache-Control', 'no-store')
    setSessionCookie(ctx, await auth.changePassword(ctx.state.staff, currentPassword, newPassword, ctx.ip), secureCookies, timeZone)
  })

  return router
}
