import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MeetingInvitations } from '../../../services/meetings/meeting-invitations.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentMyRegistration, presentPublicMeeting, presentPublicRegistration } from '../../presenters/meetings.js'
import type { MpState } from '../../state.js'
import { parse } from '../../validate.js'
import { meetingIdParam, publicRegistrationBody } from './schemas.js'

export interface PublicRegistrationRoutesDeps {
  sessions: MpSessions
  invitations: MeetingInvitations
  clock: Clock
  /** The business time zone, in which residents read a meeting's times. */
  timeZone: string
}

/** A resident signs up for a place at a meeting open to public attendance (公民旁听), and finds their places again. */
export function publicRegistrationRoutes({ sessions, invitations, clock, timeZone }: PublicRegistrationRoutesDeps) {
  const router = new Router<MpState>({ prefix: '/api/mp' })
  router.use(requireMpUser(sessions))

  /** 我的旁听报名: meetings not yet over, a moved or cancelled one as it is now. */
  router.get('/public-registrations', async (ctx) => {
    ctx.set('Cache-Control', 'no-store')
    ctx.body = { items: (await invitations.registrations(ctx.state.mpUser.id)).map((x) => presentMyRegistration(x, { timeZone, now: clock.now() })) }
  })

  router.post('/public-meetings/:id/registrations', async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const { name } = parse(publicRegistrationBody, ctx.state.body, 'body')
    const registration = await invitations.registerPublic(ctx.state.mpUser.id, id, name)
    ctx.status = 201
    ctx.body = presentPublicRegistration(registration)
  })

  /** 不去了，取消报名: her own place (there is no other's to name), idempotent; the meeting as she now reads it. */
  router.delete('/public-meetings/:id/registration', async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const { meeting, taken, registration } = await invitations.cancelPublic(ctx.state.mpUser.id, id)
    ctx.set('Cache-Control', 'no-store')
    ctx.body = {
      ...presentPublicMeeting(meeting, taken, { timeZone, now: clock.now() }),
      registration: registration ? presentPublicRegistration(registration) : null,
    }
  })

  return router
}
