import Router from '@koa/router'
import type { Store } from '../../../store/ports.js'
import type { CalendarService } from '../../../services/calendar/calendar.js'
import { presentCoverage } from '../../presenters/calendar.js'
import type { AppState } from '../../state.js'

/**
 * Liveness (the process answers) and readiness (the store answers too). A calendar that does
 * not cover the coming weeks does not make the service unready (deadlines fall back to the
 * fixed-date holidays), but the details say so for monitoring.
 */
export function healthRoutes(store: Store, calendar?: CalendarService) {
  const router = new Router<AppState>()
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    try {
      await store.ping()
      ctx.body = { status: 'ready', store: store.kind, ...(calendar ? { calendar: presentCoverage(await calendar.coverage()) } : {}) }
    } catch (err) {
      ctx.state.log.warn({ err }, 'store not reachable')
      ctx.status = 503
      ctx.body = { error: { code: 'store_unavailable', message: '数据存储暂不可用', details: [] } }
    }
  })
  return router
}
