import { FakeWeChat } from '../fakes/wechat-api.js'
import { Client, startApp, type TestApp } from './app.js'
import { caseCity } from '../fixtures.js'

export const TEMPLATE = 'TPL_NOTICE_0001'
export const BOT_SECRET = 'bot-secret-for-tests-0123456789'
export const ROBOT_KEYS = { 'station:st004': 'robot-key-xinhua', 'office:d03': 'robot-key-weidong' }

/** The real app talking to the fake WeChat and WeCom: the one fake in the tests. */
export async function startWithWeChat(overrides: Record<string, unknown> = {}): Promise<TestApp & { fake: FakeWeChat }> {
  const fake = new FakeWeChat()
  const base = await fake.start()
  for (const key of Object.values(ROBOT_KEYS)) fake.addRobotKey(key)
  const app = await startApp({
    directory: caseCity(),
    overrides: deepMerge(
      {
        wechat: {
          enabled: true,
          appId: fake.appId,
          secret: fake.secret,
          apiBase: base,
          timeoutMs: 10_000, // a busy machine must not look like WeChat being down
          templates: {
            notice: {
              id: TEMPLATE,
              longTerm: false,
              page: 'pages/case/case',
              data: { thing1: '{title}', character_string2: '{ticket}', thing3: '{text}', time4: '{time}' },
            },
          },
        },
        wecom: { apiBase: base, robots: ROBOT_KEYS },
        bot: { secret: BOT_SECRET },
      },
      overrides,
    ),
  })
  app.clock.set(new Date('2026-11-23T02:00:00Z'))
  const close = app.close
  return Object.assign(app, {
    fake,
    close: async () => {
      await close()
      await fake.stop()
    },
  })
}

/** A person who logs in from the mini-program with a wx.login code, as the app does. */
export async function loginAs(app: TestApp & { fake: FakeWeChat }, openid: string) {
  const code = `code-${openid}-${Math.random().toString(36).slice(2)}`
  app.fake.addLoginCode(code, { openid })
  const client = new Client(app.baseUrl)
  const answer = await client.post('/api/mp/login', { code })
  if (answer.status !== 200) throw new Error(`login failed: ${JSON.stringify(answer.body)}`)
  client.bearer = answer.body.token
  return Object.assign(client, { userId: answer.body.id as string })
}

export async function subscribe(client: Client, result: 'accept' | 'reject' = 'accept', times = 1) {
  for (let i = 0; i < times; i++) await client.post('/api/mp/subscriptions', { results: { [TEMPLATE]: result } })
}

type Json = Record<string, unknown>
function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const b = out[k]
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && b && typeof b === 'object' ? deepMerge(b as Json, v as Json) : v
  }
  return out
}
