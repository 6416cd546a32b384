import { wechatHttp, type WeChatHttp } from './http.js'
import { pino } from 'pino'
import { systemClock, type Clock } from '../clock.js'
import { RateLimitError, ServiceUnavailableError, UnprocessableError } from '../errors.js'
import type { Logger } from '../logger.js'
import { httpStatusError, transportError, WeChatApiError } from './errors.js'
import { wechatSetupWords } from './error-words.js'
import { prepareSubscribeData } from './subscribe-values.js'

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

export interface MiniProgramSession {
  openid: string
  /** Present only when the mini-program is bound to an Open Platform account. */
  unionid: string | null
}

export interface PhoneNumber {
  /** With the country code for numbers outside mainland China, e.g. +1 202…. */
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** Page the card opens, query allowed (pages/notice/notice?id=12); none: the card does not open anything. */
  page?: string
  /** Keyword → value, e.g. { thing1: '人代会议通知', time2: '2026年11月25日 09:00' }. */
  data: Record<string, string>
  lang?: 'zh_CN' | 'en_US' | 'zh_HK' | 'zh_TW'
}

export interface MiniProgramCodeRequest {
  /** At most 32 characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~], e.g. "d=D0012". */
  scene: string
  /** pages/x/y, no leading slash and no query; default: the home page. */
  page?: string
  /** 280–1280 pixels; WeChat's default is 430. */
  width?: number
  /** Whether `page` must exist in the released version; default: only when miniprogramState is formal. */
  checkPath?: boolean
}

/** msg_sec_check scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4
export type ContentSuggest = 'pass' | 'review' | 'risky'

export interface ContentVerdict {
  suggest: ContentSuggest
  /** 100 normal; 10001 ads; 20001 politics; 20002 porn; 20003 abuse; 20006 crime; 20008 fraud; 20012 vulgar; 20013 copyright; 21000 other. */
  label: number
}

/** What a resident is told when content checking finds their text risky. */
export const CONTENT_RISKY_MESSAGE = '您提交的内容可能含有不适宜发布的信息，请修改后再提交'

const API = {
  stableToken: '/cgi-bin/stable_token',
  code2Session: '/sns/jscode2session',
  phoneNumber: '/wxa/business/getuserphonenumber',
  subscribeSend: '/cgi-bin/message/subscribe/send',
  unlimitedCode: '/wxa/getwxacodeunlimit',
  msgSecCheck: '/wxa/msg_sec_check',
} as const

// Said to a resident in plain words: a new try fetches a fresh code from wx.login, so trying again can help.
// A setup mistake is not hers to fix and trying again will not help: she is sent to the office.
const MISCONFIGURED_LOGIN_MESSAGE = '小程序登录暂时无法使用，请联系人大办公室'
const MISCONFIGURED_PHONE_MESSAGE = '暂时无法读取微信绑定的手机号，请自己填写电话'
const CODE_INVALID_MESSAGE = '微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开'
const PHONE_CODE_INVALID_MESSAGE = '没有取到微信绑定的手机号，请再点一次；也可以自己填写电话'
const INVALID_CODE_ERRCODES = new Set([40029, 40163, 40226])
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/
const CONTENT_MAX_CHARACTERS = 2500
/** Renew the token this long before WeChat says it expires (stable_token hands out a new one from then on). */
const REFRESH_MARGIN_MS = 5 * 60_000
const ENV_VERSION: Record<MiniprogramState, string> = { developer: 'develop', trial: 'trial', formal: 'release' }

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

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

export class WeChatClient {
  private readonly http: WeChatHttp
  private readonly log: Logger
  private readonly clock: Clock
  private cached: CachedToken | null = null
  /** The one token request under way, shared by every caller that needs a token meanwhile. */
  private inflight: { promise: Promise<CachedToken>; force: boolean } | null = null
  /** Tokens this client has held lately, scrubbed from anything WeChat echoes back. */
  private recentTokens: string[] = []
  private setup: WeChatSetupStatus = { state: 'unchecked' }

  constructor(private readonly options: WeChatClientOptions) {
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

  /** wx.login code → the user's openid (and unionid). The session_key is never returned. */
  async code2Session(code: string): Promise<MiniProgramSession> {
    const api = API.code2Session
    try {
      const { appId, secret } = this.options
      const json = this.readJson(api, await this.send(api, { method: 'GET', query: { appid: appId, secret, js_code: code, grant_type: 'authorization_code' } }))
      if (typeof json.openid !== 'string' || json.openid === '') throw this.unexpected(api, 'no openid in the answer')
      this.setupWorks()
      return { openid: json.openid, unionid: typeof json.unionid === 'string' && json.unionid !== '' ? json.unionid : null }
    } catch (err) {
      throw userFacingCodeError(err, 'wechat_code_invalid')
    }
  }

  /** The code from `<button open-type="getPhoneNumber">` → the user's phone number. */
  async phoneNumber(code: string): Promise<PhoneNumber> {
    const api = API.phoneNumber
    try {
      const json = await this.callWithToken(api, { code })
      const info = json.phone_info
      if (!isObject(info) || typeof info.purePhoneNumber !== 'string') throw this.unexpected(api, 'no phone_info in the answer')
      return {
        phoneNumber: String(info.phoneNumber ?? info.purePhoneNumber),
        purePhoneNumber: info.purePhoneNumber,
        // Documented as a string, shown as the number 86 in WeChat's own example.
        countryCode: String(info.countryCode ?? ''),
      }
    } catch (err) {
      throw userFacingCodeError(err, 'wechat_phone_code_invalid')
    }
  }

  /**
   * Sends one subscribe message. Values are checked first: a value WeChat would refuse
   * throws a local 'bad_data' error without any request; a too-long thing is cut.
   * 43101 (no subscription left) throws kind 'no_subscription'; 45009 'quota'; 47003 'bad_data'.
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<{ msgid: string }> {
    const api = API.subscribeSend
    if (!message.touser) throw localRefusal(api, 40003, 'touser: 缺少接收者 openid (openid is missing)')
    if (!message.templateId) throw localRefusal(api, 40037, 'template_id: 缺少模板 (template id is missing)')
    const { values, cut, problems } = prepareSubscribeData(message.data)
    if (problems.length > 0) throw localRefusal(api, 47003, problems.map((p) => p.reason).join('; '))
    if (cut.length > 0) this.log.info({ api, keys: cut }, 'subscribe message values cut to fit')

    const data = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value }]))
    const body = {
      touser: message.touser,
      template_id: message.templateId,
      ...(message.page ? { page: message.page } : {}),
      miniprogram_state: this.options.miniprogramState,
      lang: message.lang ?? 'zh_CN',
      data,
    }
    const text = await this.callWithToken(api, body, (answer) => {
      this.readJson(api, answer)
      return answer.body.toString('utf8')
    })
    // msgid is a 64-bit number: read its digits from the text, JSON.parse would round it.
    const msgid = /"msgid"\s*:\s*"?(-?\d+)"?/.exec(text)?.[1] ?? ''
    return { msgid }
  }

  /** An unlimited mini-program code (wxacode) for a scene: the image bytes. */
  async miniProgramCode(request: MiniProgramCodeRequest): Promise<Buffer> {
    const api = API.unlimitedCode
    const { scene, page, width } = request
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) {
      throw localRefusal(api, 40169, 'scene: 场景值须为1至32个字符 (scene must be 1 to 32 characters)')
    }
    if (!SCENE_CHARACTERS.test(scene)) {
      throw localRefusal(api, 40129, "scene: 只能使用数字、字母和 !#$&'()*+,/:;=?@-._~ (only digits, letters and !#$&'()*+,/:;=?@-._~)")
    }
    if (page !== undefined && (page.startsWith('/') || page.includes('?') || page === '')) {
      throw localRefusal(api, 41030, 'page: 页面路径不能以 / 开头，也不能带参数 (no leading slash, no query)')
    }
    if (width !== undefined && !(Number.isInteger(width) && width >= 280 && width <= 1280)) {
      throw localRefusal(api, 40097, 'width: 须为280至1280的整数 (an integer from 280 to 1280)')
    }
    const state = this.options.miniprogramState
    const body = {
      scene,
      ...(page ? { page } : {}),
      ...(width ? { width } : {}),
      check_path: request.checkPath ?? state === 'formal',
      env_version: ENV_VERSION[state],
    }
    // Success is an image, failure is JSON, both with HTTP 200: the Content-Type decides.
    return this.callWithToken(api, body, (answer) => {
      if (/^image\//i.test(answer.contentType)) return answer.body
      this.readJson(api, answer)
      throw this.unexpected(api, `expected an image, got ${answer.contentType || 'no Content-Type'}`)
    })
  }

  /**
   * Content security check, version 2. The verdict is in `suggest` even though errcode is 0:
   * 'risky' should be refused (CONTENT_RISKY_MESSAGE), 'review' flagged for staff.
   * The openid must have opened the mini-program within the last 2 hours (else 61010).
   */
  async contentCheck(request: { content: string; openid: string; scene: ContentScene; title?: string; nickname?: string }): Promise<ContentVerdict> {
    const api = API.msgSecCheck
    if (Array.from(request.content).length > CONTENT_MAX_CHARACTERS) {
      throw localRefusal(api, 47001, `content: 内容超过${CONTENT_MAX_CHARACTERS}字 (longer than ${CONTENT_MAX_CHARACTERS} characters)`)
    }
    const body = {
      content: request.content,
      version: 2,
      scene: request.scene,
      openid: request.openid,
      ...(request.title ? { title: request.title } : {}),
      ...(request.nickname ? { nickname: request.nickname } : {}),
    }
    const json = await this.callWithToken(api, body)
    const result = json.result
    const suggest = isObject(result) ? result.suggest : undefined
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw this.unexpected(api, 'no result.suggest in the answer')
    const label = isObject(result) ? Number(result.label) : NaN
    if (suggest !== 'pass') this.log.info({ api, suggest, label }, 'content check flagged a text')
    return { suggest, label: Number.isFinite(label) ? label : 0 }
  }

  // ── the chokepoint ────────────────────────────────────────────────────────────────

  /**
   * Every call that carries an access token. A token error (40001, 40014, 42001, 41001)
   * renews the token and retries once; a second token error is thrown.
   */
  private async callWithToken<T = Json>(api: string, body: unknown, read?: (answer: Answer) => T): Promise<T> {
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
  private async send(api: string, request: { method: 'GET' | 'POST'; query?: Record<string, string>; body?: unknown }): Promise<Answer> {
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
  private readJson(api: string, answer: Answer): Json {
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

  private setupWorks() {
    if (this.setup.state === 'ok') return
    if (this.setup.state === 'misconfigured')
      this.log.info({ api: this.setup.api, errcode: this.setup.errcode }, 'wechat setup problem gone: a call got through')
    this.setup = { state: 'ok', since: this.clock.now() }
  }

  private unexpected(api: string, reason: string): WeChatApiError {
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

function localRefusal(api: string, errcode: number, reason: string): WeChatApiError {
  return new WeChatApiError({ api, errcode, errmsg: reason, kind: 'bad_data', local: true })
}

/**
 * Login and phone codes: an invalid or used code is the user's to fix (422), a minute quota a 429;
 * a wrong AppID, AppSecret or IP whitelist is the office's (503 wechat_misconfigured, in words that
 * send the person to the office; what is wrong is on /readyz and in the log, never to the person).
 */
function userFacingCodeError(err: unknown, code: 'wechat_code_invalid' | 'wechat_phone_code_invalid'): unknown {
  if (!(err instanceof WeChatApiError)) return err
  // WeChat slow, down or answering 5xx is nobody's mistake: the person can try again shortly.
  if (err.kind === 'transport' || err.kind === 'system') return new ServiceUnavailableError('暂时连不上微信，请稍后再试', 'wechat_unavailable')
  if (err.kind === 'config')
    return new ServiceUnavailableError(code === 'wechat_code_invalid' ? MISCONFIGURED_LOGIN_MESSAGE : MISCONFIGURED_PHONE_MESSAGE, 'wechat_misconfigured')
  if (err.errcode === null) return err
  if (INVALID_CODE_ERRCODES.has(err.errcode))
    return new UnprocessableError(code === 'wechat_code_invalid' ? CODE_INVALID_MESSAGE : PHONE_CODE_INVALID_MESSAGE, [], code)
  if (err.errcode === 45011) return new RateLimitError(code === 'wechat_code_invalid' ? '登录过于频繁，请稍后再试' : '操作过于频繁，请稍后再试', 60)
  return err
}
