import Router from '@koa/router'
import type { AuthService } from '../../../services/accounts/auth.js'
import type { SuggestionAssignment } from '../../../services/suggestions/suggestion-assignment.js'
import type { SuggestionOffice } from '../../../services/suggestions/suggestion-office.js'
import type { SuggestionPressing } from '../../../services/suggestions/suggestion-pressing.js'
import { requireStaff } from '../../middleware/auth.js'
import { presentSuggestion, suggestionPresenters, type SuggestionView } from '../../presenters/suggestions.js'
import type { StaffState } from '../../state.js'
import { parse } from '../../validate.js'
import {
  assignmentBody,
  decisionBody,
  officeListQuery,
  requestIdParam,
  reviewBody,
  statsQuery,
  suggestionIdParam,
  summaryQuery,
  superviseBody,
  urgeBody,
} from './schemas.js'

export interface AdminSuggestionRoutesDeps {
  auth: AuthService
  office: SuggestionOffice
  assignment: SuggestionAssignment
  pressing: SuggestionPressing
  view: () => Promise<SuggestionView>
}

/** 代表建议 in the console for the congress office: review, assign, press the units, decide their requests, publish, statistics. */
export function adminSuggestionRoutes({ auth, office, assignment, pressing, view }: AdminSuggestionRoutesDeps) {
  const router = new Router<StaffState>({ prefix: '/api/admin/suggestions' })
  router.use(requireStaff(auth, 'organizer', 'admin'))
  const { present, presentAll } = suggestionPresenters(view, presentSuggestion)

  router.get('/', async (ctx) => {
    const found = await office.list(ctx.state.staff, parse(officeListQuery, ctx.query, 'query'))
    ctx.body = { items: await presentAll(found.items), nextCursor: found.nextCursor }
  })

  router.get('/stats', async (ctx) => {
    ctx.body = await office.stats(ctx.state.staff, parse(statsQuery, ctx.query, 'query').year)
  })

  /** The 工作概览 card: 待审查, 待交办, 已超期 (of which 重点督办), in the caller's districts. */
  router.get('/summary', async (ctx) => {
    parse(summaryQuery, ctx.query, 'query')
    ctx.body = await office.summary(ctx.state.staff)
  })

  router.get('/:id', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await office.get(ctx.state.staff, id))
  })

  router.post('/:id/review', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await office.review(ctx.state.staff, id, parse(reviewBody, ctx.state.body, 'body')))
  })

  router.post('/:id/assignment', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await assignment.assign(ctx.state.staff, id, parse(assignmentBody, ctx.state.body, 'body')))
  })

  router.post('/:id/requests/:requestId/decision', async (ctx) => {
    const { id, requestId } = parse(requestIdParam, ctx.params, 'params')
    const { approve, note } = parse(decisionBody, ctx.state.body, 'body')
    ctx.body = await present(await assignment.decideRequest(ctx.state.staff, id, requestId, approve, note ?? null))
  })

  /** 催办: the units still owing an answer are reminded, once a day (409 already_urged says by whom). */
  router.post('/:id/urge', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await pressing.urge(ctx.state.staff, id, parse(urgeBody, ctx.state.body, 'body').note))
  })

  /** 督办: the office's supervision note, on the timeline and told to the units. */
  router.post('/:id/supervision', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await pressing.supervise(ctx.state.staff, id, parse(superviseBody, ctx.state.body, 'body').note))
  })

  /** 代表已离任: the office closes an answered suggestion its departed lead deputy can no longer rate. */
  router.post('/:id/close', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await office.closeForDepartedDeputy(ctx.state.staff, id))
  })

  router.put('/:id/publication', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await office.publish(ctx.state.staff, id, true))
  })

  router.delete('/:id/publication', async (ctx) => {
    const { id } = parse(suggestionIdParam, ctx.params, 'params')
    ctx.body = await present(await office.publish(ctx.state.staff, id, false))
  })

  return router
}
