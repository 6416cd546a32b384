import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import { ForbiddenError, NotFoundError } from '../../../errors.js'
import { isOverdue, OPEN_STATUSES, STATUS_LABELS, type CaseRecord } from '../../../domain/case.js'
import type { Services } from '../../../services/index.js'
import type { Store } from '../../../store/ports.js'
import { requireBot } from '../../middleware/bot-auth.js'
import { idempotent } from '../../middleware/idempotency.js'
import { presentResidentCase } from '../../presenters/cases.js'
import { dueDateText } from '../../../domain/due-date-text.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  alertBody, bindBody, caseBody, stationCodeParam, consentBody, contactParam, deputiesQuery, dialogueBody, personParam, personRefParam,
  personTicketParam, rateBody, reasonBody, regionsQuery, resolveBody, roomBindBody, seenBody, textBody,
} from './schemas.js'

const brief = (c: CaseRecord) => ({ ticket: c.ticket, status: c.status, statusLabel: STATUS_LABELS[c.status] })

/**
 * What the chat bot needs of the backend, in the bot's words (people by contact, tickets
 * as residents quote them). The bot holds no state of its own that matters: dialogues,
 * handled message ids and bindings live here, so it can restart or run anywhere.
 */
export function botRoutes(services: Services, store: Store, clock: Clock, secret: string | null, reopenMaxRating: number) {
  const router = new Router<AppState>({ prefix: '/api/bot' })
  router.use(requireBot(secret))
  const { botPeople, botState, submitter, caseQueries, workflow, privacy } = services

  router.post('/events/seen', async (ctx) => {
    const { messageId, claim } = parse(seenBody, ctx.state.body, 'body')
    ctx.body = { first: await botState.firstSighting(messageId, claim ?? null) }
  })

  router.post('/people/resolve', async (ctx) => {
    const { contactId, alias } = parse(resolveBody, ctx.state.body, 'body')
    const { user, created, deputy, staff } = await botPeople.resolve(contactId, alias ?? null)
    ctx.body = { personId: user.id, alias: user.botAlias, consented: user.consentVersion === privacy.notice.version, deputy, staff, created }
  })

  router.get('/privacy', (ctx) => {
    ctx.body = privacy.notice
  })

  router.post('/people/:personId/consent', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const { version } = parse(consentBody, ctx.state.body, 'body')
    await botPeople.principal(personId)
    await privacy.consent(personId, version)
    ctx.body = { version }
  })

  router.get('/dialogues/:contactId', async (ctx) => {
    const { contactId } = parse(contactParam, ctx.params, 'params')
    const saved = await botState.dialogue(contactId)
    ctx.body = { state: saved?.state ?? null, updatedAt: saved?.updatedAt.toISOString() ?? null }
  })
  router.put('/dialogues/:contactId', async (ctx) => {
    const { contactId } = parse(contactParam, ctx.params, 'params')
    const { state } = parse(dialogueBody, ctx.state.body, 'body')
    ctx.body = { updatedAt: (await botState.saveDialogue(contactId, state)).toISOString() }
  })
  router.delete('/dialogues/:contactId', async (ctx) => {
    await botState.clearDialogue(parse(contactParam, ctx.params, 'params').contactId)
    ctx.status = 204
  })

  router.get('/regions', async (ctx) => {
    const { parentId } = parse(regionsQuery, ctx.query, 'query')
    const regions = parentId ? await services.directory.regionChildren(parentId) : (await services.directory.regionTree()).map(({ children: _c, ...r }) => r)
    ctx.body = { items: regions.map((r) => ({ id: r.id, name: r.name, kind: r.kind })) }
  })

  router.get('/deputies', async (ctx) => {
    const { q } = parse(deputiesQuery, ctx.query, 'query')
    ctx.body = { items: await botState.findDeputies(q) }
  })

  router.get('/stations/:code', async (ctx) => {
    const { code } = parse(stationCodeParam, ctx.params, 'params')
    const station = await botState.findStation(code)
    if (!station) throw new NotFoundError(`没有找到编号为 ${code} 的联络站`)
    ctx.body = station
  })

  router.post('/people/:personId/cases', idempotent(store.idempotency, clock, () => 'bot') /* the path names the person */, async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const draft = parse(caseBody, ctx.state.body, 'body')
    const person = await botPeople.principal(personId)
    const { record, summary } = await submitter.submit(person, { ...draft, images: [], anonymous: false, publicConsent: false, targetTyped: true }, ctx.get('Idempotency-Key') || null)
    ctx.status = 201
    ctx.body = {
      id: record.id, ...brief(record), summary, acknowledgeBy: record.ackDueAt.toISOString(), replyBy: record.replyDueAt.toISOString(),
      replyByText: dueDateText(record.replyDueAt, services.calendar.timeZone, clock.now()),
    }
  })

  router.get('/people/:personId/cases', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    const page = await caseQueries.residentCases(await botPeople.principal(personId), { limit: 20 })
    ctx.body = { items: page.items.map((c) => ({ ...brief(c), excerpt: c.text.slice(0, 30), createdAt: c.createdAt.toISOString() })) }
  })

  router.get('/people/:personId/cases/:ticket', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const c = await botPeople.residentCase(personId, ticket)
    const view = presentResidentCase(await caseQueries.forResident(await botPeople.principal(personId), c.id), { timeZone: services.calendar.timeZone, now: clock.now() })
    // The day the answer is due, while one is still awaited.
    const awaited = view.reply === null && OPEN_STATUSES.includes(c.status)
    ctx.body = {
      ticket: view.ticket, statusLabel: view.statusLabel, text: view.text, reply: view.reply, rating: view.rating,
      replyByText: awaited ? view.replyByText : null, timeline: view.timeline.map((e) => ({ at: e.at, label: e.label, note: e.note })),
    }
  })

  router.post('/people/:personId/cases/:ticket/rate', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const { rating, comment } = parse(rateBody, ctx.state.body, 'body')
    const c = await botPeople.residentCase(personId, ticket)
    const rated = await workflow.rate(await botPeople.principal(personId), c.id, rating, comment)
    ctx.body = { ...brief(rated), canReopen: rating <= reopenMaxRating }
  })

  router.post('/people/:personId/cases/:ticket/reopen', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const c = await botPeople.residentCase(personId, ticket)
    ctx.body = brief(await workflow.reopen(await botPeople.principal(personId), c.id, parse(reasonBody, ctx.state.body, 'body').reason))
  })

  router.post('/people/:personId/bind', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    ctx.body = await botPeople.bind(personId, parse(bindBody, ctx.state.body, 'body').code)
  })

  router.get('/people/:personId/deputy/cases', async (ctx) => {
    const deputy = await deputyOf(parse(personParam, ctx.params, 'params').personId)
    const page = await caseQueries.deputyInbox(deputy, { limit: 50 })
    const now = clock.now()
    ctx.body = {
      items: page.items.map((c) => ({
        ...brief(c), short: c.ticket.slice(-4), excerpt: c.text.slice(0, 30), replyBy: c.replyDueAt.toISOString(),
        replyByText: dueDateText(c.replyDueAt, services.calendar.timeZone, now),
        overdue: isOverdue(c, now),
      })),
    }
  })

  router.post('/people/:personId/deputy/cases/:ref/:action', async (ctx) => {
    const { personId, ref } = parse(personRefParam, { personId: ctx.params.personId, ref: ctx.params.ref }, 'params')
    const deputy = await deputyOf(personId)
    const c = await botPeople.deputyCase(deputy.deputyId!, ref)
    switch (ctx.params.action) {
      case 'acknowledge':
        ctx.body = brief(await workflow.acknowledge(deputy, c.id))
        return
      case 'reply':
        ctx.body = brief(await workflow.reply(deputy, c.id, parse(textBody, ctx.state.body, 'body').text))
        return
      case 'transfer':
        ctx.body = brief(await workflow.transfer(deputy, c.id, { reason: parse(reasonBody, ctx.state.body, 'body').reason }))
        return
    }
  })

  router.post('/rooms/bind', async (ctx) => {
    const { personId, roomId, stationCode } = parse(roomBindBody, ctx.state.body, 'body')
    ctx.body = { station: await botPeople.bindRoom(personId, roomId, stationCode) }
  })

  /** The bot tells the admins it is throttled or logged out (with the QR link to log in again). */
  router.post('/alerts', async (ctx) => {
    const { kind, text, qrUrl } = parse(alertBody, ctx.state.body, 'body')
    await botState.alert(kind, text, qrUrl ?? null)
    ctx.status = 201
    ctx.body = { kind }
  })

  async function deputyOf(personId: string) {
    const person = await botPeople.principal(personId)
    if (!person.deputyId) throw new ForbiddenError('此功能仅限已绑定的人大代表使用，请先发送“绑定 六位绑定码”', 'not_a_deputy')
    return person
  }

  return router
}
