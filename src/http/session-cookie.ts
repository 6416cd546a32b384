import type { Context } from 'koa'
import type { StaffSession } from '../services/accounts/auth.js'
import { SESSION_COOKIE } from './middleware/auth.js'
import { presentPrincipal } from './presenters/directory.js'

/**
 * What the console is told with a session besides who it is: the business time zone (config business.timeZone), in
 * which it shows and picks every date and time whatever the office PC's own zone; `office`, the office she turns to
 * by its name (AuthService.officeToAsk: "澜江区人大常委会办公室", the city's for a district's organizer), which the
 * pages name where they say whom to ask; and `botName`, the chat account's WeChat nickname (config bot.nickname),
 * which the binding pages tell people to find and write to.
 */
export interface SessionWords {
  timeZone: string
  office: string
  botName: string
}

/** The session answer's body: GET /me, a login, an activation and a password change all say the same. */
export const sessionBody = (staff: StaffSession['staff'], words: SessionWords) => ({
  staff: presentPrincipal(staff),
  timeZone: words.timeZone,
  office: words.office,
  botName: words.botName,
})

/**
 * Hands the browser a session: the token only in an httpOnly, SameSite cookie; the body says who is
 * signed in, with the SessionWords.
 */
export function setSessionCookie(ctx: Pick<Context, 'cookies' | 'body'>, session: StaffSession, secureCookies: boolean, words: SessionWords) {
  ctx.cookies.set(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    expires: session.expiresAt,
    path: '/',
    overwrite: true,
  })
  ctx.body = { ...sessionBody(session.staff, words), expiresAt: session.expiresAt.toISOString() }
}
