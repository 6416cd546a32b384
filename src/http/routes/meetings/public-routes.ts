import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { MeetingInvitations } from '../../../services/meetings/meeting-invitations.js'
import { presentPublicMeeting } from '../../presenters/meetings.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { meetingIdParam } from './schemas.js'

export interface PublicMeetingRoutesDeps {
  invitations: MeetingInvitations
  clock: Clock
  /** The business time zone, in which residents read a meeting's times. */
  timeZone: string
}

/** A meeting open to public attendance (公民旁听), as anyone may read it before signing in. */
export function publicMeetingRoutes({ invitations, clock, timeZone }: PublicMeetingRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/mp/public-meetings' })
  const reading = () => ({ timeZone, now: clock.now() })

  /** Where residents find the meetings they may attend. */
  router.get('/', async (ctx) => {
    ctx.body = { items: (await invitations.publicAhead()).map(({ meeting, taken }) => presentPublicMeeting(meeting, taken, reading())) }
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const m = await invitations.publicMeeting(id)
    ctx.body = presentPublicMeeting(m, await invitations.publicSeatsTaken(m.id), reading())
  })

  return router
}
