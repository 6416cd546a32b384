import Router from '@koa/router'
import type { PublicationService } from '../../../services/analysis/publications.js'
import type { PublicResponsiveness } from '../../../services/analysis/responsiveness.js'
import { presentPublicCase } from '../../presenters/analysis.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { publicCasesQuery, quarterQuery } from './schemas.js'

export interface PublicRouteDeps {
  publications: PublicationService
  responsiveness: PublicResponsiveness
  timeZone: string
}

/** What anyone may read without logging in: 公开选登 and the responsiveness table. */
export function publicAnalysisRoutes(deps: PublicRouteDeps) {
  const router = new Router<AppState>()

  router.get('/api/public/cases', async (ctx) => {
    const page = await deps.publications.publicList(parse(publicCasesQuery, ctx.query, 'query'))
    // Short: a withdrawn agreement must leave every cache soon.
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = { items: page.items.map((p) => presentPublicCase(p, deps.timeZone)), nextCursor: page.nextCursor }
  })

  router.get('/api/public/responsiveness', async (ctx) => {
    const { quarter } = parse(quarterQuery, ctx.query, 'query')
    ctx.set('Cache-Control', 'public, max-age=3600')
    ctx.body = await deps.responsiveness.table(quarter ?? deps.responsiveness.lastQuarter())
  })

  return router
}
