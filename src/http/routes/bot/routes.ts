import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { BotCases } from '../../../services/bot/bot-cases.js'
import type { BotPeople } from '../../../services/bot/bot-people.js'
import type { BotState } from '../../../services/bot/bot-state.js'
import type { DirectoryService } from '../../../services/directory/directory.js'
import type { PrivacyService } from '../../../services/privacy/privacy.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { requireBot } from '../../middleware/bot-auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import {
  presentBotAcknowledged,
  presentBotCase,
  presentBotCaseBrief,
  presentBotCaseItem,
  presentBotCaseRead,
  presentBotInboxItem,
  presentBotPerson,
  presentBotPlace,
  presentBotRegion,
  presentBotResidentBrief,
  presentBotSubmitted,
  presentDeputyAway,
} from '../../presenters/bot.js'
import type { AppState } from '../../state.js'
import { presentBotAnsweredLately, presentBotReplied } from '../../presenters/bot-answers.js'
import { presentTransferOptions } from '../../presenters/transfer-options.js'
import { parse } from '../../validate.js'
import {
  alertBody,
  bindBody,
  caseBody,
  commentBody,
  stationCodeParam,
  consentBody,
  contactParam,
  deputiesQuery,
  dialogueBody,
  personCasesQuery,
  personParam,
  personRefParam,
  personTicketParam,
  rateBody,
  reasonBody,
  regionsQuery,
  resolveBody,
  sameMatterBody,
  roomBindBody,
  seenBody,
  textBody,
  transferBody,
} from './schemas.js'

export interface BotRoutesDeps {
  people: BotPeople
  state: BotState
  cases: BotCases
  privacy: PrivacyService
  directory: DirectoryService
  idempotency: IdempotencyRepo
  clock: Clock
  /** The business time zone, in which people read their deadlines. */
  timeZone: string
  /** The rules of rating the chat tells people (which scores may ask for 重新办理), from the one config. */
  caseRules: { reopenMaxRating: number; reopenWindowDays: number }
  botSecret: string | null
}

/**
 * What the chat bot needs of the backend, in the bot's words (people by contact, tickets
 * as residents quote them). The bot holds no state of its own that matters: dialogues,
 * handled message ids and bindings live here, so it can restart or run anywhere.
 */
export function botRoutes({ people, state, cases, privacy, directory, idempotency, clock, timeZone, caseRules, botSecret }: BotRoutesDeps) {
  const router = new Router<AppState>({ prefix: '/api/bot' })
  router.use(requireBot(botSecret))
  const reading = () => ({ timeZone, now: clock.now() })

  router.post('/events/seen', async (ctx) => {
    const { messageId, claim } = parse(seenBody, ctx.state.body, 'body')
    ctx.body = { first: await state.firstSighting(messageId, claim ?? null) }
  })

  router.post('/people/resolve', async (ctx) => {
    const { contactId, alias } = parse(resolveBody, ctx.state.body, 'body')
    const resolved = await people.resolve(contactId, alias ?? null)
    ctx.body = presentBotPerson({ ...resolved, consented: privacy.hasConsented(resolved.user) })
  })

  router.get('/case-rules', (ctx) => {
    ctx.body = { reopenMaxRating: caseRules.reopenMaxRating, reopenWindowDays: caseRules.reopenWindowDays }
  })

  router.get('/privacy', (ctx) => {
    ctx.body = privacy.notice
  })

  router.post('/people/:personId/consent', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const { version } = parse(consentBody, ctx.state.body, 'body')
    await people.principal(personId)
    // Given in the chat: a chat joined to an account keeps its own choice for 解除 (PrivacyService.consent).
    await privacy.consent(personId, version, 'chat')
    ctx.body = { version }
  })

  router.get('/dialogues/:contactId', async (ctx) => {
    const { contactId } = parse(contactParam, ctx.params, 'params')
    const saved = await state.dialogue(contactId)
    // wordsLapsed: her unsent words went at the time she was told (the bot tells her at her next message).
    ctx.body = { state: saved?.state ?? null, updatedAt: saved?.updatedAt.toISOString() ?? null, wordsLapsed: saved?.wordsLapsed ?? false }
  })
  router.put('/dialogues/:contactId', async (ctx) => {
    const { contactId } = parse(contactParam, ctx.params, 'params')
    const { state: dialogue, keepHours, holdsWords } = parse(dialogueBody, ctx.state.body, 'body')
    ctx.body = { updatedAt: (await state.saveDialogue(contactId, dialogue, keepHours, holdsWords)).toISOString() }
  })
  router.delete('/dialogues/:contactId', async (ctx) => {
    await state.clearDialogue(parse(contactParam, ctx.params, 'params').contactId)
    ctx.status = 204
  })

  router.get('/regions', async (ctx) => {
    const { parentId } = parse(regionsQuery, ctx.query, 'query')
    ctx.body = { items: (await directory.regionsUnder(parentId ?? null)).map(presentBotRegion) }
  })

  /** The whole place tree at once (no grids), from the cached directory: what the chat reads a place typed by name on. */
  router.get('/regions/tree', async (ctx) => {
    ctx.body = { items: (await state.places()).map(presentBotPlace) }
  })

  router.get('/deputies', async (ctx) => {
    const { q } = parse(deputiesQuery, ctx.query, 'query')
    ctx.body = { items: await state.findDeputies(q) }
  })

  router.get('/stations/:code', async (ctx) => {
    const { code } = parse(stationCodeParam, ctx.params, 'params')
    ctx.body = await state.findStation(code)
  })

  router.post(
    '/people/:personId/cases',
    idempotent(idempotency, clock, () => 'bot') /* the path names the person */,
    async (ctx) => {
      const { personId } = parse(personParam, ctx.params, 'params')
      const draft = parse(caseBody, ctx.state.body, 'body')
      const { record, summary } = await cases.submit(personId, draft, ctx.get('Idempotency-Key') || null)
      ctx.status = 201
      ctx.body = presentBotSubmitted(record, summary, reading())
    },
  )

  /** Her newest messages; with `ref` (20261122-0042 or 0042) those of hers it names, with `can` those she can withdraw or reopen, however old. */
  router.get('/people/:personId/cases', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const { ref, can } = parse(personCasesQuery, ctx.query, 'query')
    const list = ref ? await cases.named(personId, ref) : can ? await cases.actionable(personId, can) : await cases.mine(personId)
    ctx.body = { items: list.items.map((c) => presentBotCaseItem(c, cases.reopenable(c), list.refs.get(c.ticket))), more: list.more }
  })

  /**
   * Her messages she may ask to have handled again that are about the same matter as her new words, most alike
   * first (none: her words are a new message). The backend judges, so the chat never offers another thing's or
   * another place's message. A POST only because her words may be as long as a message; nothing is changed.
   */
  router.post('/people/:personId/cases/same-matter', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const { text } = parse(sameMatterBody, ctx.state.body, 'body')
    const list = await cases.sameMatter(personId, text)
    ctx.body = { items: list.items.map((c) => presentBotCaseItem(c, cases.reopenable(c), list.refs.get(c.ticket))) }
  })

  router.get('/people/:personId/cases/:ticket', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    ctx.body = presentBotCase(await cases.detail(await cases.own(personId, ticket)), reading())
  })

  router.post('/people/:personId/cases/:ticket/rate', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const { rating, comment } = parse(rateBody, ctx.state.body, 'body')
    const { rated, canReopen, commentWindowMs } = await cases.rate(await cases.own(personId, ticket), rating, comment)
    ctx.body = { ...presentBotResidentBrief(rated), canReopen, commentWindowMs }
  })

  /**
   * Her words after a bare score; the same words again (a retry whose answer was lost) are answered as taken.
   * Words about another thing are refused (422 comment_off_subject) unless she confirmed they are about this one.
   */
  router.post('/people/:personId/cases/:ticket/comment', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const own = await cases.own(personId, ticket)
    const { comment, confirmed } = parse(commentBody, ctx.state.body, 'body')
    ctx.body = presentBotResidentBrief(await cases.commentOnRating(own, comment, confirmed === true))
  })

  router.post('/people/:personId/cases/:ticket/reopen', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const own = await cases.own(personId, ticket)
    ctx.body = presentBotResidentBrief(await cases.reopen(own, parse(reasonBody, ctx.state.body, 'body').reason))
  })

  router.post('/people/:personId/bind', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const { code, name } = parse(bindBody, ctx.state.body, 'body')
    ctx.body = await people.bind(personId, code, name ?? null)
  })

  router.get('/people/:personId/deputy/cases', async (ctx) => {
    const at = reading()
    const page = await cases.deputyInbox(parse(personParam, ctx.params, 'params').personId, at)
    const tickets = page.items.map((c) => c.ticket)
    ctx.body = {
      items: page.items.map((c) => presentBotInboxItem(c, at, tickets, page.urged.has(c.id), page.handed.get(c.id) ?? null)),
      // Answered lately, from the chat or his page: a new message ending in the same four digits is told apart from them.
      answeredLately: page.answered.map(presentBotAnsweredLately),
    }
  })

  router.get('/people/:personId/deputy/cases/:ref/transfer-options', async (ctx) => {
    const { personId, ref } = parse(personRefParam, { personId: ctx.params.personId, ref: ctx.params.ref }, 'params')
    ctx.body = presentTransferOptions(await cases.transferOptions(await cases.deputyCase(personId, ref)))
  })

  // "查看 0001": one of his messages whole, which counts as his opening it (as on his page).
  router.get('/people/:personId/deputy/cases/:ref', async (ctx) => {
    const { personId, ref } = parse(personRefParam, { personId: ctx.params.personId, ref: ctx.params.ref }, 'params')
    ctx.body = presentBotCaseRead(await cases.deputyRead(personId, ref), reading())
  })

  // "请假 …" with no meeting to answer: whom he asks to pause his messages (his station), and a pause already set.
  router.get('/people/:personId/deputy/away', async (ctx) => {
    ctx.body = presentDeputyAway(await people.deputyAway(parse(personParam, ctx.params, 'params').personId))
  })

  // "电话 0001": the resident's number on his own open message, read and audited as the mini-program reads it.
  router.get('/people/:personId/deputy/cases/:ref/phone', async (ctx) => {
    const { personId, ref } = parse(personRefParam, { personId: ctx.params.personId, ref: ctx.params.ref }, 'params')
    // Among the messages the mini-program would read it for (answered ones awaiting her score too), not only his 待办.
    const inHand = await cases.deputyCaseToCall(personId, ref)
    ctx.set('Cache-Control', 'no-store')
    // answered: he has replied already (awaiting her score), so the chat tells him that instead of asking for a reply.
    const { phone, inMessage } = await cases.revealPhone(inHand)
    // inMessage: the number she wrote in her message (no phone field), said as such.
    ctx.body = { ticket: inHand.case.ticket, phone, inMessage, answered: inHand.case.status === 'replied' }
  })

  router.post('/people/:personId/deputy/cases/:ref/:action', async (ctx) => {
    const { personId, ref } = parse(personRefParam, { personId: ctx.params.personId, ref: ctx.params.ref }, 'params')
    const inHand = await cases.deputyCase(personId, ref)
    switch (ctx.params.action) {
      case 'acknowledge':
        ctx.body = presentBotAcknowledged(await cases.acknowledge(inHand), reading())
        return
      case 'reply':
        ctx.body = presentBotReplied(await cases.reply(inHand, parse(textBody, ctx.state.body, 'body').text))
        return
      case 'transfer': {
        const { reason, deputyCode } = parse(transferBody, ctx.state.body, 'body')
        ctx.body = presentBotCaseBrief(await cases.transfer(inHand, reason, deputyCode))
        return
      }
    }
  })

  router.post('/rooms/bind', async (ctx) => {
    const { personId, roomId, stationCode, topic } = parse(roomBindBody, ctx.state.body, 'body')
    ctx.body = { station: await people.bindRoom(personId, roomId, stationCode, topic || null) }
  })

  /** The bot tells the admins it is throttled or logged out (with the QR link to log in again). */
  router.post('/alerts', async (ctx) => {
    const { kind, text, qrUrl } = parse(alertBody, ctx.state.body, 'body')
    await state.alert(kind, text, qrUrl ?? null)
    ctx.status = 201
    ctx.body = { kind }
  })

  return router
}
