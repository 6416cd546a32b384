import Router from '@koa/router'
import type { SuggestionOffice } from '../../../services/suggestions/suggestion-office.js'
import { presentPublicSuggestion } from '../../presenters/suggestions.js'
import type { AppState } from '../../state.js'
import { parse } from '../../validate.js'
import { publicListQuery } from './schemas.js'

export interface PublicSuggestionRoutesDeps {
  office: SuggestionOffice
}

/** 测评结果向社会公开: the answered suggestions the office published, for anyone. */
export function publicSuggestionRoutes({ office }: PublicSuggestionRoutesDeps) {
  const router = new Router<AppState>()

  router.get('/api/public/suggestions', async (ctx) => {
    const found = await office.published(parse(publicListQuery, ctx.query, 'query'))
    ctx.set('Cache-Control', 'public, max-age=60')
    ctx.body = { items: found.items.map(presentPublicSuggestion), nextCursor: found.nextCursor }
  })

  return router
}
