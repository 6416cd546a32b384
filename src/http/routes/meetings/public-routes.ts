import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { MeetingInvitations } from '../../../services/meetings/meeting-invitations.js'
import { optionalMpUser } from '../../middleware/mp-auth.js'
import { presentPublicMeeting, presentPublicRegistration } from '../../presenters/meetings.js'
import type { MaybeMpState } from '../../state.js'
import { parse } from '../../validate.js'
import { meetingIdParam } from './schemas.js'

export interface PublicMeetingRoutesDeps {
  sessions: MpSessions
  invitations: MeetingInvitations
  clock: Clock
  /** The business time zone, in which residents read a meeting's times. */
  timeZone: string
}

/**
 * A meeting open to public attendance (公民旁听), as anyone may read it before signing in: a token that does not
 * verify (stale, malformed) reads it as no token does, never a 401, and the answer says so (optionalMpUser).
 */
export function publicMeetingRoutes({ sessions, invitations, clock, timeZone }: PublicMeetingRoutesDeps) {
  const router = new Router<MaybeMpState>({ prefix: '/api/mp/public-meetings' })
  const reading = () => ({ timeZone, now: clock.now() })

  /** Where residents find the meetings they may attend. */
  router.get('/', async (ctx) => {
    ctx.body = { items: (await invitations.publicAhead()).map(({ meeting, taken }) => presentPublicMeeting(meeting, taken, reading())) }
  })

  /**
   * One meeting with her own place (registration; null when she has none or nobody is signed in): the page she
   * opens from 您已报名 must not offer her the form again. Her token is read here only: the list reads the same to
   * everyone and spends no session read on it.
   */
  router.get('/:id', optionalMpUser(sessions), async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const reader = ctx.state.mpUser ?? null
    const { meeting, taken, registration } = await invitations.publicMeeting(id, reader?.id ?? null)
    // Her own place is in the answer: no cache keeps it for the next reader.
    if (reader) ctx.set('Cache-Control', 'no-store')
    ctx.body = { ...presentPublicMeeting(meeting, taken, reading()), registration: registration ? presentPublicRegistration(registration) : null }
  })

  return router
}
