import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import { requireStaffBeforePasswordChange } from '../../middleware/auth.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import { sessionBody, setSessionCookie } from '../../session-cookie.js'
import { passwordChangeBody } from './schemas.js'

export interface StaffMeRoutesDeps {
  auth: AuthService
  secureCookies: boolean
  /** The business time zone, told to the console with the session. */
  timeZone: string
  /** The chat account's WeChat nickname (config bot.nickname), told to the console with the session. */
  botName: string
}

/** Who the console is signed in as, and their own password: every role, handling units' staff too. */
export function staffMeRoutes({ auth, secureCookies, timeZone, botName }: StaffMeRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin' })
  // Open while a password must still be changed: the console asks who it is, then shows the change.
  router.use(requireStaffBeforePasswordChange(auth))

  router.get('/me', async (ctx) => {
    // The console reads every date and time in the business zone, told here before its first page; and names her office
    // and the chat account where it says whom to ask and what to write to (session-cookie.ts SessionWords).
    const { staff } = ctx.state
    ctx.body = sessionBody(staff, { timeZone, office: await auth.officeToAsk(staff), botName })
  })

  /** Their other sessions end, and this one is replaced: the answer carries the new cookie. */
  router.post('/me/password', async (ctx) => {
    const { currentPassword, newPassword } = parse(passwordChangeBody, ctx.state.body, 'body')
    ctx.set('Cache-Control', 'no-store')
    const session = await auth.changePassword(ctx.state.staff, currentPassword, newPassword, ctx.ip)
    setSessionCookie(ctx, session, secureCookies, { timeZone, office: await auth.officeToAsk(session.staff), botName })
  })

  return router
}
