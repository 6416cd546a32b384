import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { SuggestionDrafts } from '../../../services/suggestions/suggestion-drafts.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentSuggestion, type SuggestionView } from '../../presenters/suggestions.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { cosignInvitationBody, deputyListQuery, draftBody, editBody, ratingBody, suggestionIdParam } from './schemas.js'

export interface DeputySuggestionRoutesDeps {
  sessions: MpSessions
  drafts: SuggestionDrafts
  view: () => SuggestionView
  idempotency: IdempotencyRepo
  clock: Clock
}

/** 代表建议 in the mini-program: a deputy drafts, invites co-signers, co-signs others', submits and rates the answer. */
export function deputySuggestionRoutes({ sessions, drafts, view, idempotency, clock }: DeputySuggestionRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/suggestions' })
  router.use(requireDeputy(sessions))
  const present = (s: Parameters<typeof presentSuggestion>[0]) => presentSuggestion(s, view())

  router.get('/', async (ctx) => {
    const { box, ...page } = parse(deputyListQuery, ctx.query, 'query')
    const found = await drafts.list(ctx.state.mpUser, box, page)
    ctx.body = { items: found.items.map(present), nextCursor: found.nextCursor }
  })

  // A retried POST (the phone lost the answer) replays the first draft instead of making a second.
  router.post(
    '/',
    idempotent(idempotency, clock, (s: DeputyState) => s.mpUser.id),
    async (ctx) => {
      ctx.status = 201
      ctx.body = present(await drafts.create(ctx.state.mpUser, parse(draftBody, ctx.state.body, 'body')))
    },
  )

  router.get('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.read(ctx.state.mpUser, id))
  })

  router.patch('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.edit(ctx.state.mpUser, id, parse(editBody, ctx.state.body, 'body')))
  })

  router.post('/:id/cosign-invitation', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.openCosigning(ctx.state.mpUser, id, parse(cosignInvitationBody, ctx.state.body ?? {}, 'body').days))
  })

  router.post('/:id/cosign', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.cosign(ctx.state.mpUser, id))
  })

  router.delete('/:id/cosign', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.withdrawCosign(ctx.state.mpUser, id))
  })

  router.post('/:id/submit', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = present(await drafts.submit(ctx.state.mpUser, id))
  })

  router.post('/:id/rating', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    const { score, comment } = parse(ratingBody, ctx.state.body, 'body')
    ctx.body = present(await drafts.rate(ctx.state.mpUser, id, score, comment))
  })

  return router
}
