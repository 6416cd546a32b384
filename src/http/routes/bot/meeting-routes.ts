import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import type { MeetingInvitations } from '../../../services/meetings/meeting-invitations.js'
import { requireBot } from '../../middleware/bot-auth.js'
import { presentBotInvitation } from '../../presenters/bot.js'
import { presentCheckInStanding } from '../../presenters/meetings.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { botRsvpBody, personMeetingParam } from './meeting-schemas.js'
import { personParam } from './schemas.js'

export interface BotMeetingRoutesDeps {
  people: BotPeople
  invitations: MeetingInvitations
  /** The business time zone, in which meeting times are written. */
  timeZone: string
  /** Whether a meeting's date needs its year ("2027年1月4日"): said as the notices say it. */
  clock: Clock
  botSecret: string | null
}

/**
 * Meetings for the chat bot: a bound deputy (or staff member) lists what they are invited
 * to and answers "参加" / "请假 原因", to a given meeting or the nearest one awaiting them.
 */
export function botMeetingRoutes({ people, invitations, timeZone, clock, botSecret }: BotMeetingRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/bot/people/:personId/meetings' })
  router.use(requireBot(botSecret))

  router.get('/', async (ctx) => {
    const person = await people.invitee(parse(personParam, ctx.params, 'params').personId)
    ctx.body = {
      items: (await invitations.upcoming(person)).map((i) => presentBotInvitation(i, { timeZone, now: clock.now() }, invitations.windows(i).rsvpOpen)),
    }
  })

  /** "忘记签到了怎么办": his meetings begun (or open for scanning) lately, latest first, each with what is true and what to do. */
  router.get('/check-in', async (ctx) => {
    const person = await people.invitee(parse(personParam, ctx.params, 'params').personId)
    ctx.body = { items: (await invitations.checkInStandings(person)).map((x) => presentCheckInStanding(x, { timeZone, now: clock.now() })) }
  })

  router.post('/:ref/rsvp', async (ctx) => {
    const { personId, ref } = parse(personMeetingParam, ctx.params, 'params')
    const person = await people.invitee(personId)
    const answer = parse(botRsvpBody, ctx.state.body, 'body')
    const done = ref === 'next' ? await invitations.respondToNext(person, answer) : await invitations.respond(person, ref, answer)
    ctx.body = presentBotInvitation(done, { timeZone, now: clock.now() }, invitations.windows(done).rsvpOpen)
  })

  return router
}
