import Router from '@koa/router'
import { STATUS_LABELS } from '../../../domain/case.js'
import type { Services } from '../../../services/index.js'
import { requireBot } from '../../middleware/bot-auth.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { erasureAnswer, WITHDRAWN_CONSENT_MESSAGE } from '../privacy/answers.js'
import { personParam, personTicketParam } from './schemas.js'
import { withdrawBody } from '../cases/schemas.js'

/**
 * A resident's rights from the chat: withdrawing a message not yet handled (the case
 * workflow's own withdraw rule), withdrawing consent and erasing their data — the same
 * services the mini-program's routes call.
 */
export function botPrivacyRoutes(services: Services, secret: string | null) {
  const router = new Router<AppState>({ prefix: '/api/bot' })
  router.use(requireBot(secret))
  const { botPeople, workflow, privacy, erasure } = services

  router.post('/people/:personId/cases/:ticket/withdraw', async (ctx) => {
    const { personId, ticket } = parse(personTicketParam, ctx.params, 'params')
    const { reason } = parse(withdrawBody, ctx.state.body ?? {}, 'body')
    const c = await botPeople.residentCase(personId, ticket)
    const withdrawn = await workflow.withdraw(await botPeople.principal(personId), c.id, reason)
    ctx.body = { ticket: withdrawn.ticket, status: withdrawn.status, statusLabel: STATUS_LABELS[withdrawn.status] }
  })

  router.delete('/people/:personId/consent', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    await privacy.withdrawConsent((await botPeople.principal(personId)).id)
    ctx.body = { consentVersion: null, message: WITHDRAWN_CONSENT_MESSAGE }
  })

  router.delete('/people/:personId', async (ctx) => {
    const { personId } = parse(personParam, ctx.params, 'params')
    ctx.body = erasureAnswer(await erasure.erase(await botPeople.principal(personId)))
  })

  return router
}
