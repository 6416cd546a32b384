import Router from '@koa/router'
import type { ChatJoin } from '../../../services/accounts/chat-join.js'
import type { BotCases } from '../../../services/bot/bot-cases.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import type { PersonalDataErasure } from '../../../services/privacy/personal-data-erasure.js'
import type { PersonalDataOverview } from '../../../services/privacy/personal-data-overview.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import { requireBot } from '../../middleware/bot-auth.js'
import { presentBotResidentBrief, presentBotStationToAsk } from '../../presenters/bot.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { CHAT_WITHDRAWN_CONSENT_MESSAGE, chatErasureAnswer } from '../../presenters/privacy-answers.js'
import { chatUndoneAnswer } from '../../presenters/chat-join.js'
import { personParam, personTicketParam } from './schemas.js'
import { withdrawBody } from '../cases/schemas.js'

export interface BotPrivacyRoutesDeps {
  people: BotPeople
  cases: BotCases
  privacy: PrivacyService
  erasure: PersonalDataErasure
  /** The stations handling her messages: whom the chat tells her to ask where staff must act. */
  overview: Pick<PersonalDataOverview, 'stations'>
  /** 解除 said in a chat joined to a mini-program account: the chat takes back what came from it. */
  chatJoin: Pick<ChatJoin, 'undoFromChat'>
  botSecret: string | null
}

/**
 * A resident's rights from the chat: withdrawing a message not yet handled (the case
 * workflow's own withdraw rule), withdrawing consent and erasing their data — the same
 * services the mini-program's routes call.
 */
export function botPrivacyRoutes({ people, cases, privacy, erasure, overview, chatJoin, botSecret }: BotPrivacyRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/bot' })
  router.use(requireBot(botSecret))

  router.post('/people/:personId/cases/:ticket/withdraw', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const { reason } = parse(withdrawBody, ctx.state.body ?? {}, 'body')
    ctx.body = presentBotResidentBrief(await cases.withdraw(await cases.own(personId, ticket), reason))
  })

  router.delete('/people/:personId/consent', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    // Withdrawn in the chat: after 解除 it stays the chat's, whichever side says it (PrivacyService.withdrawConsent).
    await privacy.withdrawConsent((await people.principal(personId)).id, 'chat')
    ctx.body = { consentVersion: null, message: CHAT_WITHDRAWN_CONSENT_MESSAGE }
  })

  // Her stations, latest first: "留言里的电话写错了" is for their staff to pass on, and she is told where they are.
  router.get('/people/:personId/stations', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    ctx.body = { items: (await overview.stations(await people.principal(personId))).map(presentBotStationToAsk) }
  })

  // "解除" in a chat joined to a mini-program account: the chat is its own again, with what it wrote (ChatJoin.undoFromChat).
  router.delete('/people/:personId/chat-join', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    ctx.body = chatUndoneAnswer(await chatJoin.undoFromChat((await people.principal(personId)).id))
  })

  router.delete('/people/:personId', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    // A mini-program account her chat joined is erased in the mini-program only (ChatJoin.refuseChatErasure).
    ctx.body = chatErasureAnswer(await erasure.erase(await people.erasable(personId)))
  })

  return router
}
