import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { PersonRef } from '../../../domain/meeting.js'
import type { MeetingFiles } from '../../../services/meetings/meeting-files.js'
import type { Invitation, MeetingInvitations } from '../../../services/meetings/meeting-invitations.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentInvitation } from '../../presenters/meetings.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { checkInBody, checkInParam, meetingIdParam, rsvpBody } from './schemas.js'

export interface MpMeetingRoutesDeps {
  sessions: MpSessions
  invitations: MeetingInvitations
  /** Signs links to the meeting's uploaded files for the invitee reading it. */
  files: Pick<MeetingFiles, 'link'>
  clock: Clock
  /** The business time zone, in which invitees read a meeting's times. */
  timeZone: string
}

/** Deputies in the mini-program: their meetings, their answers, check-in by scanning the code at the door. */
export function mpMeetingRoutes({ sessions, invitations, files, clock, timeZone }: MpMeetingRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/meetings' })
  router.use(requireDeputy(sessions))
  const me = (state: DeputyState): PersonRef => ({ kind: 'deputy', id: state.mpUser.deputyId })

  const present = (x: Invitation) => presentInvitation(x, invitations.windows(x), (a) => files.link(a, clock.now()), { timeZone, now: clock.now() })

  // Ended meetings stay a few days (phase 已结束), with what is true and what to do: a missed check-in is found afterwards.
  router.get('/', async (ctx) => {
    ctx.body = { items: (await invitations.recentAndUpcoming(me(ctx.state))).map(present) }
  })

  router.get('/:id', async (ctx) => {
    ctx.body = present(await invitations.detail(me(ctx.state), parse(meetingIdParam, ctx.params, 'params').id))
  })

  router.post('/:id/rsvp', async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    ctx.body = present(await invitations.respond(me(ctx.state), id, parse(rsvpBody, ctx.state.body, 'body')))
  })

  /** `:id` is the meeting's id (with the scanned code in the body) or the scanned code itself. */
  router.post('/:id/check-in', async (ctx) => {
    const { id } = parse(checkInParam, ctx.params, 'params')
    const { code } = parse(checkInBody, ctx.state.body ?? {}, 'body')
    ctx.body = present(await invitations.checkIn(me(ctx.state), id, code ?? null))
  })

  return router
}
