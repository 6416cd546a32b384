import type { Logger } from '../logger.js'
import type { MpPrincipal } from '../services/accounts/mp-sessions.js'
import type { StaffPrincipal } from '../services/accounts/principal.js'

/** What middleware puts on ctx.state for the handlers after it. */
export interface AppState {
  requestId: string
  log: Logger
  staff?: StaffPrincipal
  mpUser?: MpPrincipal
  body?: unknown
}

/** The context a route handler receives. */
export type RouteContext = import('@koa/router').RouterContext<AppState>
