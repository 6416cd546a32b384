import { expect } from 'chai'
import { pino } from 'pino'
import { LiaisonBot } from '../../bots/bot.js'
import { loadBotConfig, type BotOverrides } from '../../bots/config.js'
import type { InboundEvent } from '../../bots/inbox.js'
import { MockWorld } from '../../bots/mock-world.js'
import type { PaceClock } from '../../bots/pacer.js'
import type { PendingStore } from '../../bots/pending.js'
import { ManualClock } from '../../src/clock.js'
import { build } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { ensureAdmin } from '../../src/services/bootstrap.js'
import { ADMIN_PASSWORD, asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

export const BOT_SECRET = 'bot-secret-for-tests-0123456789'

/**
 * A clock the pacer can sleep on without waiting: sleeping moves virtual time forward
 * at once. The pace is then read off the virtual times at which messages left.
 */
export class VirtualClock implements PaceClock {
  constructor(private t = Date.now()) {}
  now() {
    return this.t
  }
  sleep(ms: number, signal?: AbortSignal) {
    if (!signal?.aborted) this.t += Math.max(0, ms)
    return new Promise<void>((resolve) => setImmediate(resolve))
  }
  advance(ms: number) {
    this.t += ms
  }
}

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
 * Polls until the probe is truthy; fails with what it waited for. The limit only turns a
 * hang into a readable failure: it is far above what anything takes, even on a busy machine.
 */
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

/** 张伟 (dp0001) binds his WeChat with the one-time code the admin issued in the console. */
export async function bindZhangWei(app: TestApp, t: BotUnderTest, deputy: Person = t.world.person('wx-zhangwei', '张伟')): Promise<Person> {
  expect(await ask(t, deputy, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功！张伟代表')
  return deputy
}

/**
 * A resident writes to 张伟 step by step: "给DP0001留言" (agreeing to the privacy notice the first
 * time), her words, "好了", and "确认" under the summary. Resolves with the message's number.
 */
export async function writesByCode(t: BotUnderTest, who: Person, text: string): Promise<string> {
  if ((await ask(t, who, '给DP0001留言')).includes('同意请回复')) await ask(t, who, '同意')
  await ask(t, who, text)
  await ask(t, who, '好了')
  return ticketIn(await ask(t, who, '确认'))
}

/**
 * A resident writes to 张伟 in one line, "我要给张伟代表留言：…" (agreeing to the privacy notice the
 * first time), and sends it with "1" under the summary. Resolves with the message's number.
 */
export async function writesToZhangWei(t: BotUnderTest, who: Person, text: string): Promise<string> {
  let summary = await ask(t, who, `我要给张伟代表留言：${text}`)
  if (summary.includes('同意请回复')) summary = await ask(t, who, '同意')
  expect(summary).to.include('发给：张伟代表')
  return ticketIn(await ask(t, who, '1'))
}

/**
 * 张伟 answers a message ("回复 <ref> <reply>"), the backend routes the answer, and it reaches the
 * resident with the rating question: the bot now waits for her score of that message. Resolves
 * with the answer as she reads it. `reply` is "已经派人修好了。" unless a story says otherwise; `ref` is
 * how he names the message (the whole number when two of his end the same).
 */
export async function zhangWeiAnswers(
  app: TestApp,
  t: BotUnderTest,
  to: { deputy: Person; resident: Person },
  ticket: string,
  reply = '已经派人修好了。',
  ref = ticket.slice(-4),
): Promise<string> {
  expect(await ask(t, to.deputy, `回复 ${ref} ${reply}`)).to.include(`已答复留言 ${ticket}`)
  await dispatch(app)
  const delivered = await waitFor(() => t.world.said(to.resident.payload.name).find((m) => m.includes(`（编号 ${ticket}）有答复了`)), `the answer to ${ticket}`)
  await waitFor(
    async () => ((await t.bot.client.dialogue(to.resident.id)).state?.rating as { ticket?: string } | undefined)?.ticket === ticket,
    `the rating of ${ticket} to be awaited`,
  )
  return delivered
}

/** The backend routes the notice of a new message to 张伟's WeChat; resolves with the notice as he reads it. */
export async function noticeReachesZhangWei(app: TestApp, t: BotUnderTest, ticket: string): Promise<string> {
  await dispatch(app)
  return waitFor(() => t.world.said('张伟').find((m) => m.includes(`新留言 ${ticket}`)), `the notice of ${ticket} to reach the deputy`)
}

/**
 * A story of messages and their answers: the backend and the bot (as useBotStory), 张伟 on WeChat
 * (bound unless `deputyBound: false`), and the resident named, who writes to him. Its factories set
 * up the usual beginnings of such stories; each is a closure, so they may be taken out of it.
 */
export interface CaseStory {
  readonly app: TestApp
  readonly bot: BotUnderTest
  /** 张伟, the deputy dp0001. */
  deputy: Person
  /** The resident named in `useCaseStory`. */
  resident: Person
  /** The message with that number, as the backend keeps it. */
  stored(ticket: string): ReturnType<TestApp['liaison']['store']['cases']['getByTicket']>
  /** `who` (the resident) writes to 张伟 step by step, as in `writesByCode`; the message's number. */
  writes(text: string, who?: Person): Promise<string>
  /** `who` (the resident) writes to 张伟 in one line, as in `writesToZhangWei`; the message's number. */
  writesToZhangWei(text: string, who?: Person): Promise<string>
  /** 张伟 answers the resident's message and she is asked for her score, as in `zhangWeiAnswers`; the answer as she reads it. */
  zhangWeiAnswers(ticket: string, reply?: string, ref?: string): Promise<string>
  /** The resident has written `text` to 张伟 in one line, he has answered it, and the bot waits for her score: the message's number. */
  residentWithAnsweredMessage(text: string, reply?: string): Promise<string>
  /**
   * The resident's message to 张伟 was answered, rated 2 ("不满意根本没修好"), the offer to handle it again declined,
   * and three days have passed on both clocks: the message's number.
   */
  answeredRatedLowDaysAgo(text: string, reply: string): Promise<string>
  /**
   * The resident has written two messages to 张伟 (by default "路口红绿灯时间太短，老人过不去马路",
   * then "小区门口的垃圾好几天没人清运") and he has answered both, the earlier first: both wait for her score.
   */
  residentWithTwoAnsweredMessages(options?: {
    texts?: [string, string]
    replies?: [string, string]
  }): Promise<{ first: string; second: string; firstNotice: string; secondNotice: string }>
  /** The resident starts a new message by code and writes its first words; meanwhile 张伟's answer to `ticket` reaches her. */
  writingWhenAnswered(ticket: string, words: string, reply?: string): Promise<void>
  /** The resident writes a new message by code up to its summary and leaves it unsent; meanwhile 张伟's answer to `ticket` reaches her. */
  atSummaryWhenAnswered(ticket: string, words: string, reply?: string): Promise<void>
  /** A resident writes to 张伟 and the notice reaches him: a case in his hands. */
  messageReachesZhangWei(who: Person, text: string): Promise<{ ticket: string; notice: string }>
}

/** A CaseStory, set up afresh before each test of the calling `describe` (on useBotStory's app and bot). */
export function useCaseStory(options: { resident?: [contact: string, name: string]; deputyBound?: boolean } = {}): CaseStory {
  const base = useBotStory()
  const story: CaseStory = {
    get app() {
      return base.app
    },
    get bot() {
      return base.bot
    },
    deputy: undefined as unknown as Person,
    resident: undefined as unknown as Person,
    stored: (ticket) => base.app.liaison.store.cases.getByTicket(ticket),
    writes: (text, who = story.resident) => writesByCode(base.bot, who, text),
    writesToZhangWei: (text, who = story.resident) => writesToZhangWei(base.bot, who, text),
    zhangWeiAnswers: (ticket, reply, ref) => zhangWeiAnswers(base.app, base.bot, story, ticket, reply, ref),
    async residentWithAnsweredMessage(text, reply) {
      const ticket = await story.writesToZhangWei(text)
      await story.zhangWeiAnswers(ticket, reply)
      return ticket
    },
    async answeredRatedLowDaysAgo(text, reply) {
      const ticket = await story.residentWithAnsweredMessage(text, reply)
      await ask(base.bot, story.resident, '不满意根本没修好')
      await ask(base.bot, story.resident, '2')
      const days = 3 * 24 * 3_600_000
      base.app.clock.advance(days)
      base.bot.clock.advance(days)
      return ticket
    },
    async residentWithTwoAnsweredMessages({
      texts = ['路口红绿灯时间太短，老人过不去马路', '小区门口的垃圾好几天没人清运'],
      replies = ['已和交警大队沟通。', '已联系环卫所。'],
    } = {}) {
      const first = await story.writes(texts[0])
      const second = await story.writes(texts[1])
      const firstNotice = await story.zhangWeiAnswers(first, replies[0])
      const secondNotice = await story.zhangWeiAnswers(second, replies[1])
      return { first, second, firstNotice, secondNotice }
    },
    async writingWhenAnswered(ticket, words, reply) {
      await ask(base.bot, story.resident, '给DP0001留言')
      expect(await ask(base.bot, story.resident, words)).to.include('收到')
      await story.zhangWeiAnswers(ticket, reply)
    },
    async atSummaryWhenAnswered(ticket, words, reply) {
      await ask(base.bot, story.resident, '给DP0001留言')
      await ask(base.bot, story.resident, words)
      expect(await ask(base.bot, story.resident, '好了')).to.include('1. 确认提交')
      await story.zhangWeiAnswers(ticket, reply)
    },
    async messageReachesZhangWei(who, text) {
      const ticket = await story.writes(text, who)
      return { ticket, notice: await noticeReachesZhangWei(base.app, base.bot, ticket) }
    },
  }
  beforeEach(async () => {
    if (options.resident) story.resident = base.bot.world.person(...options.resident)
    story.deputy = options.deputyBound === false ? base.bot.world.person('wx-zhangwei', '张伟') : await bindZhangWei(base.app, base.bot)
  })
  return story
}
