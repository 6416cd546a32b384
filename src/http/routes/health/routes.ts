import Router from '@koa/router'
import type { Store } from '../../../store/ports.js'
import type { AppState } from '../../state.js'

/** Liveness (the process answers) and readiness (the store answers too). */
export function healthRoutes(store: Store) {
  const router = new Router<AppState>()
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    try {
      await store.ping()
      ctx.body = { status: 'ready', store: store.kind }
    } catch (err) {
      ctx.state.log.warn({ err }, 'store not reachable')
      ctx.status = 503
      ctx.body = { error: { code: 'store_unavailable', message: '数据存储暂不可用', details: [] } }
    }
  })
  return router
}
