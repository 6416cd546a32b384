import Router from '@koa/router'
import type { PersonRef } from '../../../domain/meeting.js'
import type { MeetingInvitations } from '../../../services/meeting-invitations.js'
import type { MpSessions } from '../../../services/mp-sessions.js'
import { requireMpUser } from '../../middleware/mp-auth.js'
import { presentInvitation, presentPublicMeeting } from '../../presenters/meetings.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { checkInBody, checkInParam, meetingIdParam, publicRegistrationBody, rsvpBody } from './schemas.js'

/**
 * Deputies in the mini-program: their meetings, their answers, check-in by scanning the
 * code at the door. Residents: a place for public attendance (公民旁听) where offered.
 */
export function mpMeetingRoutes(sessions: MpSessions, invitations: MeetingInvitations) {
  const router = new Router<AppState>({ prefix: '/api/mp' })
  const deputy = requireMpUser(sessions, { deputy: true })
  const anyone = requireMpUser(sessions)
  const me = (state: AppState): PersonRef => ({ kind: 'deputy', id: state.mpUser!.deputyId! })

  router.get('/meetings', deputy, async (ctx) => {
    ctx.body = { items: (await invitations.upcoming(me(ctx.state))).map(presentInvitation) }
  })

  router.get('/meetings/:id', deputy, async (ctx) => {
    ctx.body = presentInvitation(await invitations.detail(me(ctx.state), parse(meetingIdParam, ctx.params, 'params').id))
  })

  router.post('/meetings/:id/rsvp', deputy, async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    ctx.body = presentInvitation(await invitations.respond(me(ctx.state), id, parse(rsvpBody, ctx.state.body, 'body')))
  })

  /** `:id` is the meeting's id (with the scanned code in the body) or the scanned code itself. */
  router.post('/meetings/:id/check-in', deputy, async (ctx) => {
    const { id } = parse(checkInParam, ctx.params, 'params')
    const { code } = parse(checkInBody, ctx.state.body ?? {}, 'body')
    ctx.body = presentInvitation(await invitations.checkIn(me(ctx.state), id, code ?? null))
  })

  /** Where residents find the meetings they may attend; public like each meeting's own page. */
  router.get('/public-meetings', async (ctx) => {
    ctx.body = { items: (await invitations.publicAhead()).map(({ meeting, taken }) => presentPublicMeeting(meeting, taken)) }
  })

  router.get('/public-meetings/:id', async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const m = await invitations.publicMeeting(id)
    ctx.body = presentPublicMeeting(m, await invitations.publicSeatsTaken(m.id))
  })

  router.post('/public-meetings/:id/registrations', anyone, async (ctx) => {
    const { id } = parse(meetingIdParam, ctx.params, 'params')
    const { name } = parse(publicRegistrationBody, ctx.state.body, 'body')
    const registration = await invitations.registerPublic(ctx.state.mpUser!.id, id, name)
    ctx.status = 201
    ctx.body = { meetingId: registration.meetingId, name: registration.name, createdAt: registration.createdAt.toISOString() }
  })

  return router
}
