import Router from '@koa/router'
import { MEETING_KIND_LABELS, RSVP_LABELS, timeLabel, type PersonRef } from '../../../domain/meeting.js'
import { ForbiddenError } from '../../../errors.js'
import type { Services } from '../../../services/index.js'
import type { Invitation } from '../../../services/meetings/meeting-invitations.js'
import type { Store } from '../../../store/ports.js'
import { requireBot } from '../../middleware/bot-auth.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { botRsvpBody, personMeetingParam } from './meeting-schemas.js'
import { personParam } from './schemas.js'

/**
 * Meetings for the chat bot: a bound deputy (or staff member) lists what they are invited
 * to and answers "参加" / "请假 原因", to a given meeting or the nearest one awaiting them.
 */
export function botMeetingRoutes(services: Services, store: Store, secret: string | null, timeZone: string) {
  const router = new Router<AppState>({ prefix: '/api/bot/people/:personId/meetings' })
  router.use(requireBot(secret))
  const { botPeople, meetingInvitations } = services

  const brief = ({ meeting: m, invitation: i }: Invitation) => ({
    id: m.id, title: m.title, kindLabel: MEETING_KIND_LABELS[m.kind], status: m.status, time: timeLabel(m.startAt, m.endAt, timeZone),
    startAt: m.startAt.toISOString(), place: m.place, rsvp: i.rsvp, rsvpLabel: RSVP_LABELS[i.rsvp], reason: i.reason,
  })

  router.get('/', async (ctx) => {
    const person = await invitee(parse(personParam, ctx.params, 'params').personId)
    ctx.body = { items: (await meetingInvitations.upcoming(person)).map(brief) }
  })

  router.post('/:ref/rsvp', async (ctx) => {
    const { personId, ref } = parse(personMeetingParam, ctx.params, 'params')
    const person = await invitee(personId)
    const answer = parse(botRsvpBody, ctx.state.body, 'body')
    const done = ref === 'next' ? await meetingInvitations.respondToNext(person, answer) : await meetingInvitations.respond(person, ref, answer)
    ctx.body = brief(done)
  })

  /** Meetings invite deputies and staff: whichever this WeChat contact is bound as. */
  async function invitee(personId: string): Promise<PersonRef> {
    const person = await botPeople.principal(personId)
    if (person.deputyId) return { kind: 'deputy', id: person.deputyId }
    const staffId = person.user.botContactId ? await store.bot.staffByContact(person.user.botContactId) : null
    if (staffId) return { kind: 'staff', id: staffId }
    throw new ForbiddenError('此功能仅限已绑定的人大代表使用，请先发送“绑定 六位绑定码”', 'not_a_deputy')
  }

  return router
}
