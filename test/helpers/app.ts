import { randomInt } from 'node:crypto'
import { ManualClock } from '../../src/clock.js'
import { build, type Liaison } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { ensureAdmin } from '../../src/services/bootstrap.js'
import type { DirectoryFile } from '../../src/domain/directory.js'

export const ADMIN_PASSWORD = 'test-admin-password'

export interface TestApp {
  liaison: Liaison
  clock: ManualClock
  baseUrl: string
  /**
   * Seeds for the next quiz papers' draws, taken in turn as papers start; once none is left a paper is drawn at random,
   * as in production. A story that reads a kind of question queues one that draws it (quizzes.ts nextPaperHolds).
   * Absent on an app a test builds itself.
   */
  quizDrawSeeds?: number[]
  close(): Promise<void>
}

/** The real app on an ephemeral port with an in-memory SQLite store and a clock the test moves. */
export async function startApp(options: { overrides?: Record<string, unknown>; directory?: DirectoryFile } = {}): Promise<TestApp> {
  const config = loadConfig({ overrides: options.overrides ?? {} })
  const clock = new ManualClock(new Date())
  const quizDrawSeeds: number[] = []
  const liaison = await build(config, { clock, quizDrawSeed: () => quizDrawSeeds.shift() ?? randomInt(0, 2 ** 31) })
  await ensureAdmin(liaison.store, liaison.services.passwords, liaison.services.audit, ADMIN_PASSWORD)
  // The file's staff sign in and work at once, as colleagues who set their own passwords long ago
  // (an initial password to change first is the story of test/http/auth-first-password.test.ts).
  if (options.directory) await liaison.services.importer.import(options.directory, null, undefined, { changeAtFirstLogin: false })
  const { port } = await liaison.listen(0, '127.0.0.1')
  return { liaison, clock, baseUrl: `http://127.0.0.1:${port}`, quizDrawSeeds, close: () => liaison.close() }
}

export interface Answer<T = any> {
  status: number
  headers: Headers
  body: T
}

/**
 * A browser-like client: keeps the session cookie it is given, sends JSON, and returns
 * status, headers and the parsed body.
 */
export class Client {
  private cookie: string | null = null
  /** A mini-program session token, sent as a bearer token. */
  bearer: string | null = null
  constructor(private readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    // As a browser does on every state change: the console refuses cookie-carrying changes without it.
    const origin: Record<string, string> = ['GET', 'HEAD'].includes(method) ? {} : { origin: this.baseUrl }
    const init: RequestInit = { method, headers: { ...origin, ...headers } }
    if (this.cookie) (init.headers as Record<string, string>).cookie = this.cookie
    if (this.bearer) (init.headers as Record<string, string>).authorization = `Bearer ${this.bearer}`
    // A multipart upload: fetch writes the body and its boundary header itself.
    if (body instanceof FormData) init.body = body
    else if (body !== undefined) {
      init.body = typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body)
      ;(init.headers as Record<string, string>)['content-type'] ??= 'application/json'
    }
    const res = await fetch(this.baseUrl + path, init)
    const setCookie = res.headers.get('set-cookie')
    if (setCookie) {
      const pair = setCookie.split(';')[0]
      this.cookie = pair.endsWith('=') ? null : pair
    }
    const type = res.headers.get('content-type') ?? ''
    const parsed = type.includes('json') ? await res.json() : Buffer.from(await res.arrayBuffer())
    return { status: res.status, headers: res.headers, body: parsed as T }
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path)
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers)
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body)
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body)
  }

  async login(username: string, password: string) {
    const answer = await this.post('/api/admin/login', { username, password })
    if (answer.status !== 200) throw new Error(`login as ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`)
    return this
  }

  /**
   * First login with a password an admin gave (a new account, a reset, an import's): the server lets
   * the person do nothing else until they change it, so they do at once, to `ownPassword`.
   */
  async loginFirstTime(username: string, givenPassword: string, ownPassword = `${username}-own-2026`) {
    await this.login(username, givenPassword)
    const changed = await this.post('/api/admin/me/password', { currentPassword: givenPassword, newPassword: ownPassword })
    if (changed.status !== 200) throw new Error(`changing the password of ${username} failed: ${changed.status} ${JSON.stringify(changed.body)}`)
    return this
  }

  forgetSession() {
    this.cookie = null
  }
}

export const asAdmin = (app: TestApp) => new Client(app.baseUrl).login('admin', ADMIN_PASSWORD)

/** An app with nothing imported yet and its built-in admin signed in: where an import's story begins. */
export interface ImportingAdmin {
  app: TestApp
  admin: Client
}

/**
 * A fresh ImportingAdmin for each test of the describe block that calls this (the app closed after the test);
 * read its fields inside the tests and hooks, once the app has started.
 */
export function importingAdmin(): ImportingAdmin {
  const story = {} as ImportingAdmin
  beforeEach(async () => {
    story.app = await startApp()
    story.admin = await asAdmin(story.app)
  })
  afterEach(() => story.app.close())
  return story
}

/**
 * A resident in the mini-program: a person behind an openid, who has agreed to the
 * privacy notice, with a session. (Logging in through WeChat itself is the WeChat client's part.)
 */
export async function asResident(app: TestApp, openid = `o-${Math.random().toString(36).slice(2)}`, options: { consent?: boolean } = {}) {
  const { mpSessions, privacy } = app.liaison.services
  const user = await mpSessions.userForOpenid(openid)
  if (options.consent !== false) await privacy.consent(user.id, privacy.notice.version)
  const client = new Client(app.baseUrl)
  client.bearer = (await mpSessions.issue(user.id)).token
  return Object.assign(client, { userId: user.id })
}

/** A deputy in the mini-program, their account bound to the deputy record. */
export async function asDeputy(app: TestApp, deputyId: string) {
  const client = await asResident(app, `o-deputy-${deputyId}`)
  await app.liaison.store.mpUsers.update(client.userId, { deputyId })
  return client
}
