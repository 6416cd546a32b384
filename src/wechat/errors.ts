/**
 * Every failure of a WeChat (or WeCom) server API call, as one typed error. Callers decide
 * on `kind`, never on `errmsg`: WeChat appends a request id to every errmsg.
 */

export type WeChatErrorKind =
  /** The access token was refused; the client refreshes it and retries once by itself. */
  | 'token'
  /** 43101: the user has no subscription left for this template. Not a failure to retry. */
  | 'no_subscription'
  /** Daily or minute quota reached: retry later. */
  | 'quota'
  /** WeChat refused what we sent (openid, template, field values, scene, page). Dead letter. */
  | 'bad_data'
  /** Our app id, secret, IP whitelist or permissions are wrong: an operator must act. */
  | 'config'
  /** A code from the mini-program (login, phone, msg_sec_check openid) is invalid or used. */
  | 'code'
  /** errcode -1: WeChat's own trouble, retry. */
  | 'system'
  /** No answer: timeout, refused or reset connection, HTTP 5xx. */
  | 'transport'
  | 'unknown'

const KIND_BY_ERRCODE = new Map<number, WeChatErrorKind>([
  ...[40001, 40014, 42001, 41001].map((c) => [c, 'token'] as const),
  [43101, 'no_subscription'],
  ...[45009, 45011, 44991].map((c) => [c, 'quota'] as const),
  ...[47003, 40003, 40037, 45168, 40129, 40169, 41030].map((c) => [c, 'bad_data'] as const),
  ...[40013, 40125, 40164, 48001, 41002, 41004, 40243, 50004, 50007].map((c) => [c, 'config'] as const),
  ...[40029, 40163, 40226, 61010].map((c) => [c, 'code'] as const),
  [-1, 'system'],
])

export function kindOfErrcode(errcode: number): WeChatErrorKind {
  return KIND_BY_ERRCODE.get(errcode) ?? 'unknown'
}

export class WeChatApiError extends Error {
  /** Which endpoint, e.g. "/cgi-bin/message/subscribe/send". Never carries a query string. */
  readonly api: string
  /** WeChat's errcode; for a local refusal, the code WeChat would have answered; null for transport failures. */
  readonly errcode: number | null
  /** WeChat's errmsg (with its rid), or our own reason for local refusals and transport failures. */
  readonly errmsg: string
  readonly kind: WeChatErrorKind
  /** True when we refused the request ourselves before sending it. */
  readonly local: boolean
  /** HTTP status when the failure was an HTTP error status. */
  readonly httpStatus: number | null

  constructor(init: { api: string; errcode: number | null; errmsg: string; kind?: WeChatErrorKind; local?: boolean; httpStatus?: number | null }) {
    const kind = init.kind ?? (init.errcode === null ? 'unknown' : kindOfErrcode(init.errcode))
    super(`WeChat ${init.api} failed (${kind}${init.errcode === null ? '' : ` ${init.errcode}`}): ${init.errmsg}`)
    this.name = 'WeChatApiError'
    this.api = init.api
    this.errcode = init.errcode
    this.errmsg = init.errmsg
    this.kind = kind
    this.local = init.local ?? false
    this.httpStatus = init.httpStatus ?? null
  }
}

const RETRYABLE: Record<WeChatErrorKind, boolean> = {
  quota: true,
  system: true,
  transport: true,
  token: true,
  no_subscription: false,
  bad_data: false,
  config: false,
  code: false,
  unknown: false,
}

/** Whether sending the same request again later may succeed (the outbox retries these). */
export function retryable(err: unknown): boolean {
  return err instanceof WeChatApiError && RETRYABLE[err.kind]
}

/**
 * Turns a failed HTTP exchange (axios error) into a 'transport' WeChatApiError.
 * Only the error code is kept: axios errors carry the request URL and config, which hold
 * the access token, the app secret or a robot key, so they must never travel further.
 */
export function transportError(api: string, err: unknown, timeoutMs: number): WeChatApiError {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined
  const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED' || (err as Error)?.name === 'TimeoutError'
  const errmsg = timedOut ? `no answer within ${timeoutMs} ms` : `connection failed (${code ?? 'unknown network error'})`
  return new WeChatApiError({ api, errcode: null, errmsg, kind: 'transport' })
}

/** An HTTP error status from the API host: 5xx is the host's trouble (retry), anything else is unexpected. */
export function httpStatusError(api: string, status: number): WeChatApiError {
  return new WeChatApiError({
    api,
    errcode: null,
    errmsg: `HTTP ${status}`,
    kind: status >= 500 ? 'transport' : 'unknown',
    httpStatus: status,
  })
}
