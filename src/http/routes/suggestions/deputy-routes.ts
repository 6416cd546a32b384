import Router from '@koa/router'
import type { Clock } from '../../../clock.js'
import type { IdempotencyRepo } from '../../../store/idempotency-port.js'
import { idempotent } from '../../middleware/idempotency.js'
import type { MpSessions } from '../../../services/accounts/mp-sessions.js'
import type { SuggestionCosigning } from '../../../services/suggestions/suggestion-cosigning.js'
import type { SuggestionDrafts } from '../../../services/suggestions/suggestion-drafts.js'
import { requireDeputy } from '../../middleware/mp-auth.js'
import { presentSuggestion, suggestionPresenters, type SuggestionView } from '../../presenters/suggestions.js'
import { presentCosignerChoice } from '../../presenters/cosigner-choices.js'
import type { DeputyState } from '../../state.js'
import { parse } from '../../validate.js'
import { cosignerChoicesQuery, cosignInvitationBody, deputyListQuery, draftBody, editBody, ratingBody, suggestionIdParam } from './schemas.js'

export interface DeputySuggestionRoutesDeps {
  sessions: MpSessions
  drafts: SuggestionDrafts
  /** 附议: inviting by name, co-signing, withdrawing and declining. */
  cosigning: SuggestionCosigning
  view: () => Promise<SuggestionView>
  idempotency: IdempotencyRepo
  clock: Clock
}

/** 代表建议 in the mini-program: a deputy drafts, invites co-signers, co-signs others', submits and rates the answer. */
export function deputySuggestionRoutes({ sessions, drafts, cosigning, view, idempotency, clock }: DeputySuggestionRoutesDeps) {
  const router = new Router<DeputyState>({ prefix: '/api/mp/deputy/suggestions' })
  router.use(requireDeputy(sessions))
  const { present, presentAll } = suggestionPresenters(view, presentSuggestion)

  router.get('/', async (ctx) => {
    const { box, ...page } = parse(deputyListQuery, ctx.query, 'query')
    const found = await drafts.list(ctx.state.mpUser, box, page)
    ctx.body = { items: await presentAll(found.items), nextCursor: found.nextCursor }
  })

  // A retried POST (the phone lost the answer) replays the first draft instead of making a second.
  router.post(
    '/',
    idempotent(idempotency, clock, (s: DeputyState) => s.mpUser.id),
    async (ctx) => {
      ctx.status = 201
      ctx.body = await present(await drafts.create(ctx.state.mpUser, parse(draftBody, ctx.state.body, 'body')))
    },
  )

  router.get('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await drafts.read(ctx.state.mpUser, id))
  })

  router.patch('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await drafts.edit(ctx.state.mpUser, id, parse(editBody, ctx.state.body, 'body')))
  })

  /** Whom he may ask to co-sign, for 邀请附议's picker: `q` words of a name, or none for his stations' colleagues. */
  router.get('/:id/cosigner-choices', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    const { q } = parse(cosignerChoicesQuery, ctx.query, 'query')
    ctx.body = { items: (await cosigning.choices(ctx.state.mpUser, id, q)).map(presentCosignerChoice) }
  })

  router.post('/:id/cosign-invitation', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    const { days, deputyIds } = parse(cosignInvitationBody, ctx.state.body ?? {}, 'body')
    ctx.body = await present(await cosigning.open(ctx.state.mpUser, id, days, deputyIds))
  })

  router.post('/:id/cosign', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await cosigning.cosign(ctx.state.mpUser, id))
  })

  router.delete('/:id/cosign', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await cosigning.withdraw(ctx.state.mpUser, id))
  })

  /** 不附议: a deputy asked by name says no; the lead deputy is told. */
  router.post('/:id/cosign-decline', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await cosigning.decline(ctx.state.mpUser, id))
  })

  router.post('/:id/submit', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await drafts.submit(ctx.state.mpUser, id))
  })

  router.post('/:id/rating', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    const { score, comment } = parse(ratingBody, ctx.state.body, 'body')
    ctx.body = await present(await drafts.rate(ctx.state.mpUser, id, score, comment))
  })

  return router
}
