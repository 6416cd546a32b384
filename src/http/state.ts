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

/** Behind `requireStaff` (every route of a `Router<StaffState>`): the console user is known. */
export interface StaffState extends AppState {
  staff: StaffPrincipal
}

/** Behind `requireMpUser` (every route of a `Router<MpState>`): the mini-program user is known. */
export interface MpState extends AppState {
  mpUser: MpPrincipal
}

/**
 * Behind `optionalMpUser` (on a `Router<MaybeMpState>` or on those of its routes that read her, a public read): the
 * mini-program user when her token verifies; nobody when there is no token or one that does not.
 */
export interface MaybeMpState extends AppState {
  mpUser?: MpPrincipal
}

/** A mini-program user bound to a deputy record. */
export type DeputyPrincipal = MpPrincipal & { deputyId: string }

/** Behind `requireDeputy` (every route of a `Router<DeputyState>`): the user is a bound deputy. */
export interface DeputyState extends MpState {
  mpUser: DeputyPrincipal
}

/** The context a route handler receives. */
export type RouteContext<S extends AppState = AppState> = import('@koa/router').RouterContext<S>
