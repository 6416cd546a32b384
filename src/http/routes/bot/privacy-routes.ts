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
import { CHAT_NOT_AGREED_MESSAGE, CHAT_WITHDRAWN_CONSENT_MESSAGE } from '../../presenters/privacy-answers.js'
import { chatErasureAnswer, chatErasureWarning } from '../../presenters/chat-erasure.js'
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
    const withdrawn = await privacy.withdrawConsent((await people.principal(personId)).id, 'chat')
    ctx.body = { consentVersion: null, withdrawn, message: withdrawn ? CHAT_WITHDRAWN_CONSENT_MESSAGE : CHAT_NOT_AGREED_MESSAGE }
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

  // What 删除我的信息 will do, before she confirms it: in the words of the answer after it (a staff member's binding stays,
  // and where she lets go of it), as this chat's staff binding is now. Refused as the erasure itself would be.
  router.get('/people/:personId/erasure', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const person = await people.erasable(personId)
    ctx.body = chatErasureWarning((await people.roles(person.user)).staff)
  })

  router.delete('/people/:personId', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    // A mini-program account her chat joined is erased in the mini-program only (ChatJoin.refuseChatErasure).
    const person = await people.erasable(personId)
    // A staff member's binding is not hers as a person: it stays, and she is told so, with where to let go of it; a
    // disabled account's goes with her erasure (she could not sign in to let go of it), and she is told her WeChat is cleared.
    const staff = await people.staffBindingOnErasure(person)
    ctx.body = chatErasureAnswer(await erasure.erase(person), staff)
  })

  return router
}
