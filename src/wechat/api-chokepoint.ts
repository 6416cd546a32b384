import { wechatHttp, type WeChatHttp } from './http.js'
import { pino } from 'pino'
import { systemClock, type Clock } from '../clock.js'
import type { Logger } from '../logger.js'
import { httpStatusError, transportError, WeChatApiError } from './errors.js'
import { wechatSetupWords } from './error-words.js'

/**
 * The mini-program's server API (wechat.md §2), on axios. Every call goes through `send`
 * (transport failures, HTTP status) and `readJson` (errcode); every call that carries an
 * access token goes through `callWithToken`, which refreshes a refused token and retries
 * once. Neither the app secret nor the access token ever reaches a log line or an error.
 */

export type MiniprogramState = 'developer' | 'trial' | 'formal'

export interface WeChatClientOptions {
  appId: string
  secret: string
  /** https://api.weixin.qq.com in production; the local fake in tests. */
  apiBase: string
  timeoutMs: number
  /** Which version of the mini-program a subscribe message or a code opens. */
  miniprogramState: MiniprogramState
  logger?: Logger
  clock?: Clock
}

/**
 * A mistake in this installation's WeChat setup (AppID, AppSecret, IP whitelist, permissions) that the
 * last call met: every login fails the same way until an operator fixes it, so it is kept and shown
 * (/readyz) rather than found in a log. Cleared by the next call that gets through.
 */
export interface WeChatSetupProblem {
  /** In the office's words, e.g. "小程序的 AppSecret 无效：请检查配置". */
  problem: string
  errcode: number | null
  /** The endpoint that said so, e.g. "/sns/jscode2session". */
  api: string
  since: Date
}

/** What is known of the setup: nothing yet (no call made), that it works (a call got through), or what is wrong. */
export type WeChatSetupStatus = { state: 'unchecked' } | { state: 'ok'; since: Date } | ({ state: 'misconfigured' } & WeChatSetupProblem)

export const API = {
  stableToken: '/cgi-bin/stable_token',
  code2Session: '/sns/jscode2session',
  phoneNumber: '/wxa/business/getuserphonenumber',
  subscribeSend: '/cgi-bin/message/subscribe/send',
  unlimitedCode: '/wxa/getwxacodeunlimit',
  msgSecCheck: '/wxa/msg_sec_check',
} as const

/** Renew the token this long before WeChat says it expires (stable_token hands out a new one from then on). */
const REFRESH_MARGIN_MS = 5 * 60_000

type Json = Record<string, unknown>
interface Answer {
  status: number
  contentType: string
  body: Buffer
}
interface CachedToken {
  value: string
  refreshAt: number
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The chokepoint every call to WeChat goes through, and the access token it carries; WeChatClient (client.ts) adds the calls. */
export class WeChatChokepoint {
  private readonly http: WeChatHttp
  protected readonly log: Logger
  private readonly clock: Clock
  private cached: CachedToken | null = null
  /** The one token request under way, shared by every caller that needs a token meanwhile. */
  private inflight: { promise: Promise<CachedToken>; force: boolean } | null = null
  /** Tokens this client has held lately, scrubbed from anything WeChat echoes back. */
  private recentTokens: string[] = []
  private setup: WeChatSetupStatus = { state: 'unchecked' }

  constructor(protected readonly options: WeChatClientOptions) {
    this.http = wechatHttp(options.apiBase, options.timeoutMs)
    this.log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'wechat' })
    this.clock = options.clock ?? systemClock
  }

  /** The setup mistake the last call to WeChat met, that the last call got through, or that none was made yet. */
  setupStatus(): WeChatSetupStatus {
    return this.setup
  }

  /**
   * Asks WeChat for an access token once, so that a wrong AppID, AppSecret or IP whitelist is known (and
   * shown on /readyz) at start, before the first resident meets it. Never throws: whatever it met is kept.
   */
  async checkSetup(): Promise<WeChatSetupStatus> {
    await this.accessToken().catch(() => undefined)
    return this.setup
  }

  /** A valid access token: cached until 5 minutes before it expires, one request at a time. */
  async accessToken(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.refreshAt) return this.cached.value
    return (await this.obtainToken(false)).value
  }

  // ── the chokepoint ────────────────────────────────────────────────────────────────

  /**
   * Every call that carries an access token. A token error (40001, 40014, 42001, 41001)
   * renews the token and retries once; a second token error is thrown.
   */
  protected async callWithToken<T = Json>(api: string, body: unknown, read?: (answer: Answer) => T): Promise<T> {
    const readAnswer = read ?? ((answer: Answer) => this.readJson(api, answer) as T)
    const token = await this.accessToken()
    try {
      return readAnswer(await this.send(api, { method: 'POST', query: { access_token: token }, body }))
    } catch (err) {
      if (!(err instanceof WeChatApiError) || err.kind !== 'token') throw err
      this.log.warn({ api, errcode: err.errcode }, 'wechat refused the access token; renewing it and retrying once')
      const renewed = await this.tokenAfterRejection(token)
      return readAnswer(await this.send(api, { method: 'POST', query: { access_token: renewed }, body }))
    }
  }

  /** Sends one request. No answer, or HTTP 5xx, is a 'transport' error. Logs no query and no body. */
  protected async send(api: string, request: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<Answer> {
    const started = Date.now()
    let response
    try {
      response = await this.http.request<Buffer>({
        url: api,
        method: request.method,
        params: request.query,
        data: request.body,
        // axios's own timeout only notices an idle socket; this bounds the whole exchange.
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (err) {
      const error = transportError(api, err, this.options.timeoutMs)
      this.log.warn({ api, kind: error.kind, reason: error.errmsg, ms: Date.now() - started }, 'wechat call failed')
      throw error
    }
    if (response.status < 200 || response.status >= 300) {
      const error = httpStatusError(api, response.status)
      this.log.warn({ api, kind: error.kind, status: response.status, ms: Date.now() - started }, 'wechat call failed')
      throw error
    }
    this.log.debug({ api, status: response.status, ms: Date.now() - started }, 'wechat call')
    return { status: response.status, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.from(response.data) }
  }

  /** Parses a JSON answer; an errcode other than 0 (whatever the HTTP status said) becomes a WeChatApiError. */
  protected readJson(api: string, answer: Answer): Json {
    let json: unknown
    try {
      json = JSON.parse(answer.body.toString('utf8'))
    } catch {
      throw this.unexpected(api, `answer is not JSON (${answer.contentType || 'no Content-Type'})`)
    }
    if (!isObject(json)) throw this.unexpected(api, 'answer is not a JSON object')
    if (json.errcode === undefined || json.errcode === null || Number(json.errcode) === 0) return json
    const error = new WeChatApiError({ api, errcode: Number(json.errcode), errmsg: this.scrub(String(json.errmsg ?? '')) })
    this.log.warn({ api, errcode: error.errcode, kind: error.kind, errmsg: error.errmsg }, 'wechat api error')
    if (error.kind === 'config') this.setupFailed(error)
    throw error
  }

  /**
   * Keeps a setup mistake for /readyz and says it once at error (with its errcode, never the secret): it
   * fails every login and every message alike, so a line per request would bury it.
   */
  private setupFailed(err: WeChatApiError) {
    const known = this.setup
    if (known.state === 'misconfigured' && known.errcode === err.errcode && known.api === err.api) return
    const problem = wechatSetupWords(err)
    this.setup = { state: 'misconfigured', problem, errcode: err.errcode, api: err.api, since: this.clock.now() }
    this.log.error({ api: err.api, errcode: err.errcode, errmsg: err.errmsg }, `wechat setup problem: ${problem}`)
  }

  protected setupWorks() {
    if (this.setup.state === 'ok') return
    if (this.setup.state === 'misconfigured')
      this.log.info({ api: this.setup.api, errcode: this.setup.errcode }, 'wechat setup problem gone: a call got through')
    this.setup = { state: 'ok', since: this.clock.now() }
  }

  protected unexpected(api: string, reason: string): WeChatApiError {
    this.log.warn({ api, reason }, 'unexpected wechat answer')
    return new WeChatApiError({ api, errcode: null, errmsg: reason, kind: 'unknown' })
  }

  /** Defence in depth: WeChat has no reason to echo a credential, but if it did, it stops here. */
  private scrub(text: string): string {
    let out = text
    for (const secret of [this.options.secret, ...this.recentTokens]) if (secret.length >= 6) out = out.split(secret).join('[redacted]')
    return out
  }

  // ── access token ──────────────────────────────────────────────────────────────────

  /**
   * After WeChat refused `rejected`: drop it and ask again normally. stable_token in normal
   * mode hands back the same token while WeChat still believes it valid; only then force a
   * new one, since force_refresh is limited (20 a day, 30 s apart) and invalidates the old.
   */
  private async tokenAfterRejection(rejected: string): Promise<string> {
    if (this.cached?.value === rejected) this.cached = null
    const renewed = await this.accessToken()
    if (renewed !== rejected) return renewed
    if (this.cached?.value === rejected) this.cached = null
    this.log.warn({ api: API.stableToken }, 'stable_token returned the refused token again; forcing a new one')
    return (await this.obtainToken(true)).value
  }

  /** Single flight: callers share the request under way; a forced one waits for a normal one first. */
  private obtainToken(force: boolean): Promise<CachedToken> {
    const current = this.inflight
    if (current && (current.force || !force)) return current.promise
    const promise = (async () => {
      if (current) await current.promise.catch(() => undefined)
      return this.fetchToken(force)
    })()
    this.inflight = { promise, force }
    promise
      .finally(() => {
        if (this.inflight?.promise === promise) this.inflight = null
      })
      .catch(() => undefined)
    return promise
  }

  private async fetchToken(force: boolean): Promise<CachedToken> {
    const api = API.stableToken
    const { appId, secret } = this.options
    let json: Json
    try {
      json = this.readJson(api, await this.send(api, { method: 'POST', body: { grant_type: 'client_credential', appid: appId, secret, force_refresh: force } }))
    } catch (err) {
      // On the token endpoint itself a "bad credential" means our app id or secret is wrong.
      if (err instanceof WeChatApiError && err.kind === 'token') {
        const config = new WeChatApiError({ api, errcode: err.errcode, errmsg: err.errmsg, kind: 'config' })
        this.setupFailed(config)
        throw config
      }
      throw err
    }
    const value = json.access_token
    const expiresIn = Number(json.expires_in)
    if (typeof value !== 'string' || value === '' || !(expiresIn > 0)) throw this.unexpected(api, 'no access_token or expires_in in the answer')
    const lifeMs = expiresIn * 1000
    // A token that has less than twice the margin left is still used for half its life.
    const refreshAt = this.clock.now().getTime() + lifeMs - Math.min(REFRESH_MARGIN_MS, lifeMs / 2)
    this.cached = { value, refreshAt }
    this.setupWorks()
    this.recentTokens = [value, ...this.recentTokens.filter((t) => t !== value)].slice(0, 3)
    this.log.info({ api, expiresIn, forced: force }, 'wechat access token obtained')
    return this.cached
  }
}
