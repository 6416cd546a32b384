import Router from '@koa/router'
import type { Readiness } from '../../../services/readiness.js'
import { presentCoverage } from '../../presenters/calendar.js'
import { presentWeChatSetup } from '../../presenters/wechat-setup.js'
import type { AppState } from '../../state.js'

export interface HealthRoutesDeps {
  readiness: Readiness
}

/**
 * Liveness (the process answers) and readiness (the store answers too). A calendar that does
 * not cover the coming weeks does not make the service unready (deadlines fall back to the
 * fixed-date holidays), but the details say so for monitoring; so does a WeChat setup mistake
 * (wrong AppSecret, server not on the IP whitelist), which fails every mini-program login.
 */
export function healthRoutes({ readiness }: HealthRoutesDeps) {
  const router = new Router<AppState>()
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' }
  })
  router.get('/readyz', async (ctx) => {
    try {
      const { store, calendar, wechat } = await readiness.check()
      ctx.body = {
        status: 'ready',
        store,
        ...(calendar ? { calendar: presentCoverage(calendar, 'operator') } : {}),
        ...(wechat ? { wechat: presentWeChatSetup(wechat) } : {}),
      }
    } catch (err) {
      ctx.state.log.warn({ err }, 'store not reachable')
      ctx.status = 503
      ctx.body = { error: { code: 'store_unavailable', message: '数据存储暂不可用', details: [] } }
    }
  })
  return router
}
