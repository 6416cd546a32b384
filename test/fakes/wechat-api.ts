import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock, type Clock } from '../../src/clock.js'

/**
 * A local stand-in for api.weixin.qq.com (and the WeCom robot webhook on qyapi), answering
 * with WeChat's documented shapes and error codes (docs: /work/shared/reference/wechat.md §2):
 * errors are HTTP 200 with `{errcode, errmsg}` and every errmsg ends with ` rid: <hex>`.
 * Its rules are written independently of src/wechat so that a client bug is not mirrored.
 */

export interface ReceivedRequest {
  method: string
  path: string
  query: Record<string, string>
  /** The JSON body, parsed; the raw text when it is not JSON; undefined when empty. */
  body: unknown
}

export interface AcceptedSubscribeMessage {
  msgid: string
  touser: string
  template_id: string
  page?: string
  miniprogram_state?: string
  lang?: string
  data: Record<string, { value: string }>
}

export interface RobotPost {
  key: string
  msgtype: string
  body: Record<string, unknown>
}

type Verdict = 'review' | 'risky'
type Json = Record<string, unknown>
interface Answer {
  status?: number
  contentType?: string
  body: string | Buffer
}

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40163: 'code been used',
  40164: 'invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist',
  40169: 'invalid length for scene, or the data is not json string',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  44991: 'api minute-quota reach limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  45168: 'keyword blocked',
  47001: 'data format error',
  47003: 'argument invalid!',
  48001: 'api unauthorized',
  61010: 'code is expired',
}

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
const JSON_TYPE = 'application/json; encoding=utf-8'
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
const ROBOT_PER_MINUTE = 20

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
const rid = () => `${hex(4)}-${hex(4)}-${hex(4)}`
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** WeChat's error answer: HTTP 200, JSON, errmsg ending with a request id. */
function wxError(errcode: number, detail?: string): Answer {
  const text = detail ?? `${ERRMSG[errcode] ?? 'unknown error'},`
  return { body: JSON.stringify({ errcode, errmsg: `${text} rid: ${rid()}` }) }
}
const ok = (payload: Json): Answer => ({ body: JSON.stringify({ errcode: 0, errmsg: 'ok', ...payload }) })

export class FakeWeChat {
  readonly appId: string
  readonly secret: string
  private readonly tokenTtlSeconds: number
  private readonly clock: Clock
  private server: Server | null = null
  private port = 0
  private refusing = false
  private readonly timers = new Set<NodeJS.Timeout>()

  private readonly requests: ReceivedRequest[] = []
  private readonly accepted: AcceptedSubscribeMessage[] = []
  private readonly robotPosts: RobotPost[] = []
  private readonly tokens = new Map<string, { expiresAt: number; state: 'valid' | 'expired' | 'invalid' }>()
  private currentStableToken: string | null = null
  private readonly loginCodes = new Map<string, { openid: string; unionid?: string; used: boolean }>()
  private readonly phoneCodes = new Map<string, { purePhoneNumber: string; countryCode: string; used: boolean }>()
  private readonly refusedSubscribers = new Set<string>()
  private readonly verdicts: Array<{ pattern: RegExp; suggest: Verdict; label: number }> = []
  private readonly robotKeys = new Set<string>()
  private readonly robotSends = new Map<string, number[]>()
  private readonly failures = new Map<string, Array<{ errcode: number; errmsg?: string }>>()
  private readonly httpFailures = new Map<string, number[]>()
  private readonly delays = new Map<string, number>()
  private msgidSeq = 0n

  constructor(options: { appId?: string; secret?: string; tokenTtlSeconds?: number; clock?: Clock } = {}) {
    this.appId = options.appId ?? 'wx0f4e2d9c1b3a5f7e'
    this.secret = options.secret ?? `fakesecret${hex(11)}`
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 7200
    this.clock = options.clock ?? systemClock
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────

  /** Starts listening on 127.0.0.1 and returns the base URL, e.g. http://127.0.0.1:54321. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res))
    await this.listen()
    return this.baseUrl
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    await this.close()
    this.server = null
  }

  /** true: close the port and drop open connections (ECONNREFUSED); false: listen again on the same port. */
  async refuseConnections(refuse: boolean): Promise<void> {
    if (refuse === this.refusing) return
    this.refusing = refuse
    if (refuse) await this.close()
    else await this.listen()
  }

  private listen(): Promise<void> {
    const server = this.server
    if (!server) throw new Error('FakeWeChat is not started')
    return new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject)
        this.port = (server.address() as AddressInfo).port
        resolve()
      })
    })
  }

  private close(): Promise<void> {
    const server = this.server
    if (!server?.listening) return Promise.resolve()
    return new Promise((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }

  // ── what tests set up ─────────────────────────────────────────────────────────────

  /** Calls carrying any token issued so far get 42001 from now on. */
  expireTokens(): void {
    for (const t of this.tokens.values()) if (t.state === 'valid') t.state = 'expired'
  }

  /** Calls carrying any token issued so far get 40001 from now on. */
  invalidateTokens(): void {
    for (const t of this.tokens.values()) t.state = 'invalid'
  }

  /** Every access token handed out, oldest first. */
  issuedTokens(): string[] {
    return [...this.tokens.keys()]
  }

  /** A wx.login code, single-use: a second use answers 40163, an unknown code 40029. */
  addLoginCode(code: string, user: { openid: string; unionid?: string }): void {
    this.loginCodes.set(code, { ...user, used: false })
  }

  /** A getPhoneNumber code, single-use: unknown or used answers 40029. */
  addPhoneCode(code: string, purePhoneNumber: string, countryCode = '86'): void {
    this.phoneCodes.set(code, { purePhoneNumber, countryCode, used: false })
  }

  /** Subscribe messages to this openid answer 43101 (no subscription left). */
  refuseSubscribe(openid: string): void {
    this.refusedSubscribers.add(openid)
  }

  /** msg_sec_check answers this verdict for content matching the pattern (first match wins; default pass). */
  setContentVerdict(pattern: RegExp, suggest: Verdict, label = suggest === 'risky' ? 20006 : 21000): void {
    this.verdicts.push({ pattern, suggest, label })
  }

  /** A WeCom robot webhook key that exists; any other key answers 93000. */
  addRobotKey(key: string): void {
    this.robotKeys.add(key)
  }

  /** The next `times` requests to `path` answer this errcode (after being recorded). */
  failNext(path: string, errcode: number, times = 1, errmsg?: string): void {
    const queue = this.failures.get(path) ?? []
    for (let i = 0; i < times; i++) queue.push({ errcode, ...(errmsg ? { errmsg } : {}) })
    this.failures.set(path, queue)
  }

  /** The next `times` requests to `path` answer this HTTP status with an HTML page, as a proxy would. */
  failHttp(path: string, status = 500, times = 1): void {
    const queue = this.httpFailures.get(path) ?? []
    for (let i = 0; i < times; i++) queue.push(status)
    this.httpFailures.set(path, queue)
  }

  /** Every answer on `path` waits this long (0 clears it). */
  delay(path: string, ms: number): void {
    if (ms > 0) this.delays.set(path, ms)
    else this.delays.delete(path)
  }

  // ── what tests read ───────────────────────────────────────────────────────────────

  /** Every request received on `path` (all paths when omitted), in order. */
  received(path?: string): ReceivedRequest[] {
    return this.requests.filter((r) => path === undefined || r.path === path)
  }

  /** The subscribe messages WeChat accepted, with their msgid. */
  sent(): AcceptedSubscribeMessage[] {
    return [...this.accepted]
  }

  /** The messages the WeCom robots accepted. */
  robotMessages(key?: string): RobotPost[] {
    return this.robotPosts.filter((p) => key === undefined || p.key === key)
  }

  // ── serving ───────────────────────────────────────────────────────────────────────

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.on('error', () => undefined)
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname
    const raw = await readBody(req)
    let body: unknown = undefined
    if (raw !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        body = raw
      }
    }
    const request: ReceivedRequest = { method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), body }
    this.requests.push(request)

    const wait = this.delays.get(path)
    if (wait) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer)
          resolve()
        }, wait)
        this.timers.add(timer)
      })
    }

    let answer: Answer
    try {
      answer = this.answer(request)
    } catch (err) {
      // A bug in the fake must show up as a failed call, not as an unhandled rejection.
      answer = { status: 500, contentType: 'text/plain', body: `fake WeChat failed: ${(err as Error).message}` }
    }
    if (res.destroyed || req.socket.destroyed) return
    res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? JSON_TYPE })
    res.end(answer.body)
  }

  private answer(request: ReceivedRequest): Answer {
    const { path } = request
    const status = this.httpFailures.get(path)?.shift()
    if (status !== undefined) return { status, contentType: 'text/html', body: `<html><body><h1>${status}</h1>upstream error</body></html>` }
    const failure = this.failures.get(path)?.shift()
    if (failure) return wxError(failure.errcode, failure.errmsg)

    switch (path) {
      case '/cgi-bin/stable_token':
        return this.requirePost(request) ?? this.stableToken(request)
      case '/cgi-bin/token':
        return this.legacyToken(request)
      case '/sns/jscode2session':
        // WeChat answers this one as text/plain: clients must not trust the Content-Type.
        return { ...this.code2Session(request), contentType: 'text/plain' }
      case '/wxa/business/getuserphonenumber':
        return this.requirePost(request) ?? this.requireToken(request) ?? this.phoneNumber(request)
      case '/cgi-bin/message/subscribe/send':
        return this.requirePost(request) ?? this.requireToken(request) ?? this.subscribeSend(request)
      case '/wxa/getwxacodeunlimit':
        return this.requirePost(request) ?? this.requireToken(request) ?? this.unlimitedCode(request)
      case '/wxa/msg_sec_check':
        return this.requirePost(request) ?? this.requireToken(request) ?? this.msgSecCheck(request)
      case '/cgi-bin/webhook/send':
        return this.robotSend(request)
      default:
        return { status: 404, contentType: 'text/html', body: '<html><body>404 Not Found</body></html>' }
    }
  }

  private requirePost(request: ReceivedRequest): Answer | null {
    if (request.method !== 'POST') return wxError(43002)
    if (!isObject(request.body)) return request.body === undefined ? wxError(44002) : wxError(47001)
    return null
  }

  private requireToken(request: ReceivedRequest): Answer | null {
    const token = request.query.access_token
    if (!token) return wxError(41001)
    const known = this.tokens.get(token)
    if (!known) return /^[0-9A-Za-z_-]+$/.test(token) ? wxError(40001) : wxError(40014)
    if (known.state === 'invalid') return wxError(40001)
    if (known.state === 'expired' || this.now() >= known.expiresAt) return wxError(42001)
    return null
  }

  private now(): number {
    return this.clock.now().getTime()
  }

  private issueToken(): { access_token: string; expires_in: number } {
    const token = `90_${hex(48)}`
    this.tokens.set(token, { expiresAt: this.now() + this.tokenTtlSeconds * 1000, state: 'valid' })
    return { access_token: token, expires_in: this.tokenTtlSeconds }
  }

  private checkApp(appid: unknown, secret: unknown, grantType: unknown, expectedGrant: string): Answer | null {
    if (grantType !== expectedGrant) return wxError(40002)
    if (!appid) return wxError(41002)
    if (!secret) return wxError(41004)
    if (appid !== this.appId) return wxError(40013)
    if (secret !== this.secret) return wxError(40125)
    return null
  }

  /** Normal mode hands back the current token until 5 minutes before it expires; force_refresh replaces it. */
  private stableToken(request: ReceivedRequest): Answer {
    const body = request.body as Json
    const refused = this.checkApp(body.appid, body.secret, body.grant_type, 'client_credential')
    if (refused) return refused
    const current = this.currentStableToken ? this.tokens.get(this.currentStableToken) : undefined
    if (body.force_refresh === true) {
      if (current) current.state = 'invalid'
    } else if (current && current.state === 'valid' && current.expiresAt - this.now() > 5 * 60_000) {
      const remaining = Math.floor((current.expiresAt - this.now()) / 1000)
      return { body: JSON.stringify({ access_token: this.currentStableToken, expires_in: remaining }) }
    }
    const issued = this.issueToken()
    this.currentStableToken = issued.access_token
    return { body: JSON.stringify(issued) }
  }

  private legacyToken(request: ReceivedRequest): Answer {
    const q = request.query
    return this.checkApp(q.appid, q.secret, q.grant_type, 'client_credential') ?? { body: JSON.stringify(this.issueToken()) }
  }

  private code2Session(request: ReceivedRequest): Answer {
    const q = request.query
    const refused = this.checkApp(q.appid, q.secret, q.grant_type, 'authorization_code')
    if (refused) return refused
    if (!q.js_code) return wxError(41008)
    const login = this.loginCodes.get(q.js_code)
    if (!login) return wxError(40029)
    if (login.used) return wxError(40163)
    login.used = true
    // Success carries no errcode at all (current docs).
    return {
      body: JSON.stringify({ session_key: randomBytes(16).toString('base64'), openid: login.openid, ...(login.unionid ? { unionid: login.unionid } : {}) }),
    }
  }

  private phoneNumber(request: ReceivedRequest): Answer {
    const code = (request.body as Json).code
    const phone = typeof code === 'string' ? this.phoneCodes.get(code) : undefined
    if (!phone || phone.used) return wxError(40029)
    phone.used = true
    const international = phone.countryCode === '86' ? phone.purePhoneNumber : `+${phone.countryCode} ${phone.purePhoneNumber}`
    return ok({
      phone_info: {
        phoneNumber: international,
        purePhoneNumber: phone.purePhoneNumber,
        // WeChat's own example sends the number, its table says string.
        countryCode: Number(phone.countryCode),
        watermark: { timestamp: Math.floor(this.now() / 1000), appid: this.appId },
      },
    })
  }

  private subscribeSend(request: ReceivedRequest): Answer {
    const body = request.body as Json
    if (typeof body.touser !== 'string' || !body.touser) return wxError(40003)
    if (typeof body.template_id !== 'string' || !body.template_id) return wxError(40037)
    if (body.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(body.miniprogram_state))) {
      return wxError(47003, 'argument invalid! miniprogram_state is invalid')
    }
    if (!isObject(body.data) || Object.keys(body.data).length === 0) return wxError(47003, 'argument invalid! data is empty')
    for (const [key, entry] of Object.entries(body.data)) {
      const value = isObject(entry) ? entry.value : undefined
      if (typeof value !== 'string') return wxError(47003, `argument invalid! data.${key}.value is not a string`)
      const problem = subscribeValueProblem(key, value)
      if (problem) return wxError(47003, `argument invalid! data.${key}.value ${problem}`)
    }
    if (this.refusedSubscribers.has(body.touser)) return wxError(43101)
    const msgid = (2944022981100519420n + ++this.msgidSeq).toString()
    this.accepted.push({ ...(body as unknown as Omit<AcceptedSubscribeMessage, 'msgid'>), msgid })
    // msgid is a JSON number beyond 2^53, as WeChat sends it.
    return { body: `{"errcode":0,"errmsg":"ok","msgid":${msgid}}` }
  }

  private unlimitedCode(request: ReceivedRequest): Answer {
    const body = request.body as Json
    const scene = body.scene
    if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) return wxError(40169)
    if (!SCENE_CHARACTERS.test(scene)) return wxError(40129)
    if (body.page !== undefined && (typeof body.page !== 'string' || body.page.startsWith('/') || body.page.includes('?'))) return wxError(41030)
    if (body.width !== undefined && (typeof body.width !== 'number' || body.width < 280 || body.width > 1280)) return wxError(40097)
    return { contentType: 'image/png', body: PNG }
  }

  private msgSecCheck(request: ReceivedRequest): Answer {
    const body = request.body as Json
    if (typeof body.content !== 'string') return wxError(47001)
    const match = this.verdicts.find((v) => v.pattern.test(body.content as string))
    if (body.version !== 2) {
      // Version 1 (no longer updated): 87014 for risky content, nothing else.
      return match?.suggest === 'risky' ? wxError(87014, 'risky content,') : { body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) }
    }
    if (typeof body.openid !== 'string' || !body.openid) return wxError(40003)
    if (![1, 2, 3, 4].includes(body.scene as number)) return wxError(40129)
    const suggest = match?.suggest ?? 'pass'
    const label = match?.label ?? 100
    return ok({
      trace_id: `${hex(4)}-${hex(4)}-${hex(4)}`,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: match ? 90 : 0 }],
    })
  }

  /** WeCom's robot webhook: its errmsg carries a hint and a link instead of a rid. */
  private robotSend(request: ReceivedRequest): Answer {
    const key = request.query.key ?? ''
    const weComError = (errcode: number, text: string): Answer => ({
      body: JSON.stringify({
        errcode,
        errmsg: `${text}, hint: [${Math.floor(this.now() / 1000)}_${hex(8)}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
      }),
    })
    if (request.method !== 'POST') return weComError(43002, 'require POST method')
    if (!this.robotKeys.has(key)) return weComError(93000, 'invalid webhook url')
    const body = request.body
    if (!isObject(body)) return weComError(40058, 'invalid json')
    const now = this.now()
    const recent = (this.robotSends.get(key) ?? []).filter((at) => now - at < 60_000)
    this.robotSends.set(key, recent)
    if (recent.length >= ROBOT_PER_MINUTE) return weComError(45009, 'api freq out of limit')
    const msgtype = String(body.msgtype ?? '')
    const limit = msgtype === 'text' ? 2048 : msgtype === 'markdown' ? 4096 : 0
    if (!limit) return weComError(40008, 'invalid message type')
    const part = body[msgtype]
    const content = isObject(part) ? part.content : undefined
    if (typeof content !== 'string' || content === '') return weComError(44004, 'empty content')
    if (Buffer.byteLength(content, 'utf8') > limit) return weComError(40058, `content exceed max length ${limit}`)
    recent.push(now)
    this.robotPosts.push({ key, msgtype, body })
    return { body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}

/** WeChat's keyword rules (wechat.md §2.4), as the fake enforces them: a reason, or null. */
function subscribeValueProblem(key: string, value: string): string | null {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  const length = Array.from(value).length
  if (value === '') return 'is empty'
  if (/\p{Cc}/u.test(value)) return 'contains control characters'
  switch (type) {
    case 'thing':
      return length > 20 ? 'exceeds limit' : null
    case 'phrase':
      return /^\p{Script=Han}{1,5}$/u.test(value) ? null : 'is not at most 5 chinese characters'
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && length <= 32 ? null : 'is not a number of at most 32 digits'
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : 'is not at most 32 letters'
    case 'symbol':
      return /^[\p{P}\p{S}]{1,5}$/u.test(value) ? null : 'is not at most 5 symbols'
    case 'character_string':
      return /^[ -~]{1,32}$/.test(value) ? null : 'is not at most 32 digits, letters or symbols'
    case 'time':
      return /^(\d{4}年\d{1,2}月\d{1,2}日\s*)?\d{1,2}:\d{2}/.test(value) ? null : 'is not a time'
    case 'date':
      return /^\d{4}(年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})/.test(value) ? null : 'is not a date'
    case 'phone_number':
      return length <= 17 && !/[A-Za-z\p{Script=Han}]/u.test(value) ? null : 'is not a phone number'
    case 'name':
      return (/^\p{Script=Han}/u.test(value) ? length <= 10 : length <= 20) ? null : 'exceeds limit'
    case 'car_number':
      return length <= 8 ? null : 'exceeds limit'
    case 'amount':
    case 'enum':
      return null
    default:
      return 'is not a keyword of this template'
  }
}
