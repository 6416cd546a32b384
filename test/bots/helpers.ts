import { pino } from 'pino'
import { LiaisonBot } from '../../bots/bot.js'
import { loadBotConfig, type BotOverrides } from '../../bots/config.js'
import type { InboundEvent } from '../../bots/inbox-types.js'
import { MockWorld } from '../../bots/mock-world.js'
import type { PendingStore } from '../../bots/pending.js'
import { ManualClock } from '../../src/clock.js'
import { build } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { ensureAdmin } from '../../src/services/bootstrap.js'
import { ADMIN_PASSWORD, asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { VirtualClock } from './virtual-clock.js'

/**
 * The harness of the bot's stories: the real backend, the bot on the mock puppet talking to it, and a person saying
 * one thing and reading the answers. The stories built on it: zhang-wei.ts (张伟's steps), case-story.ts, sun-daye.ts.
 */

export const BOT_SECRET = 'bot-secret-for-tests-0123456789'

/**
 * The real backend (as startApp, with the bot API on), optionally on a given sqlite file
 * and port, so a test can stop it and start it again where the bot expects it.
 */
export async function startBackend(options: { storeUrl?: string; port?: number; seed?: boolean } = {}): Promise<TestApp> {
  const config = loadConfig({ overrides: { bot: { secret: BOT_SECRET }, ...(options.storeUrl ? { store: { url: options.storeUrl } } : {}) } })
  const clock = new ManualClock(new Date())
  const liaison = await build(config, { clock })
  if (options.seed !== false) {
    await ensureAdmin(liaison.store, liaison.services.passwords, liaison.services.audit, ADMIN_PASSWORD)
    // Its staff sign in and work at once, as colleagues who set their own passwords long ago.
    await liaison.services.importer.import(caseCity(), null, undefined, { changeAtFirstLogin: false })
  }
  const { port } = await liaison.listen(options.port ?? 0, '127.0.0.1')
  return { liaison, clock, baseUrl: `http://127.0.0.1:${port}`, close: () => liaison.close() }
}

export interface BotUnderTest {
  bot: LiaisonBot
  world: MockWorld
  clock: VirtualClock
  stop(): Promise<void>
}

/** The bot on the mock puppet, logged in, talking to the backend at baseUrl. */
export async function startBot(
  baseUrl: string,
  options: { world?: MockWorld; clock?: VirtualClock; overrides?: BotOverrides; pending?: PendingStore<InboundEvent> } = {},
): Promise<BotUnderTest> {
  const world = options.world ?? new MockWorld()
  const clock = options.clock ?? new VirtualClock()
  const config = loadBotConfig(
    {},
    {
      apiBase: baseUrl,
      secret: BOT_SECRET,
      pendingPath: null,
      wechatyLog: 'silent',
      sweepMs: 3_600_000, // tests sweep by hand, on the virtual clock
      // Generous: a busy machine may take seconds to answer, and a retry of a submission still
      // being handled meets "request in progress", not the ticket. A refused connection fails at once anyway.
      http: { timeoutMs: 15_000, retries: 1, backoffMs: 10 },
      recovery: { minMs: 20, maxMs: 100 },
      outbox: { leaseLimit: 5, pollMs: 20 },
      ...options.overrides,
    },
  )
  const bot = new LiaisonBot({ config, puppet: world.puppet, clock, log: pino({ level: 'silent' }), ...(options.pending ? { pending: options.pending } : {}) })
  await bot.start()
  world.login()
  await waitFor(() => bot.loggedIn, 'the bot to log in')
  return { bot, world, clock, stop: () => bot.stop() }
}

/**
 * The bots one test starts, each on the backend the test has then; `stopAll` in the test's afterEach, before the
 * backend closes (a bot still polling a closed backend would fail the next test).
 */
export function botFleet(baseUrl: () => string) {
  const bots: BotUnderTest[] = []
  return {
    async start(options?: Parameters<typeof startBot>[1]) {
      const t = await startBot(baseUrl(), options)
      bots.push(t)
      return t
    },
    async stopAll() {
      for (const b of bots.splice(0)) await b.stop().catch(() => {})
    },
  }
}

/**
 * Polls until the probe is truthy; fails with what it waited for. The limit only turns a
 * hang into a readable failure: it is far above what anything takes, even on a busy machine.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, what = 'a condition', timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value as NonNullable<T>
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** Someone on WeChat the bot talks to: a resident, a deputy, staff. */
export type Person = ReturnType<MockWorld['person']>

/**
 * One person says one thing to the bot; resolves with everything the bot said back to
 * them once the message has been handled (answers joined by a blank line).
 */
export async function ask(t: BotUnderTest, person: Person, text: string): Promise<string> {
  const name = person.payload.name
  const before = t.world.said(name).length
  const handled = t.bot.inbox.handled
  person.say(text).to(t.world.self)
  await waitFor(() => t.bot.inbox.handled > handled, `the bot to handle "${text}"`)
  await t.bot.inbox.settled()
  return t.world.said(name).slice(before).join('\n\n')
}

/** A deputy's one-time binding code, issued by the admin in the console. */
export async function bindingCode(app: TestApp, deputyId: string): Promise<string> {
  const admin = await asAdmin(app)
  const answer = await admin.post(`/api/admin/deputies/${deputyId}/binding-code`)
  if (answer.status !== 201) throw new Error(`binding code: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.code
}

/** Moves the backend's outbox on: routes new messages to the bot's channels. */
export async function dispatch(app: TestApp) {
  return app.liaison.services.dispatcher.drain()
}

/** Every notice routed to the chats has been said, and the bot has taken in each one (acked only after it did). */
export async function chatNoticesTakenIn(app: TestApp, t: BotUnderTest) {
  await dispatch(app)
  const pending = async () => (await app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.some((m) => m.status !== 'sent')
  await waitFor(async () => !(await pending()), 'every chat notice sent')
  await t.bot.inbox.settled()
}

export { caseCity }

/**
 * The backend on the case city with the bot API on, and the bot talking to it: both started
 * afresh before each test of the calling `describe` and stopped after it.
 */
export function useBotStory(): { app: TestApp; bot: BotUnderTest } {
  const story = {} as { app: TestApp; bot: BotUnderTest }
  beforeEach(async () => {
    story.app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    story.bot = await startBot(story.app.baseUrl)
  })
  afterEach(async () => {
    await story.bot?.stop()
    await story.app?.close()
  })
  return story
}

/** The number of the message the bot has just taken ("编号：20261122-0001"); fails the story when it gave none. */
export function ticketIn(said: string): string {
  const ticket = /编号：(\d{8}-\d{4})/.exec(said)?.[1]
  if (!ticket) throw new Error(`no message number in what the bot said: ${said}`)
  return ticket
}
