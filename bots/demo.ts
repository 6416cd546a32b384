import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { LiaisonBot } from './bot.js'
import type { BotConfig } from './config.js'
import { MockWorld } from './mock-world.js'

/**
 * `WECHATY_PUPPET=wechaty-puppet-mock npm run bot [-- --demo]`: a scripted conversation
 * on a pretend WeChat, printed as it happens. A resident leaves a message by chatting and
 * gets a ticket; a deputy binds with a code from the console, lists 待办 and replies; the
 * reply reaches the resident through the outbox, who rates it.
 */

const tty = process.stdout.isTTY
const paint = (code: number) => (s: string) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s)
const cyan = paint(36)
const green = paint(32)
const dim = paint(2)

/** The demo's backend when `--demo` is given: the real app in this process, on a throw-away sqlite file. */
export async function startDemoBackend() {
  // Imported here so that the bot itself never depends on backend code, only the demo does.
  const [{ build }, { loadConfig }, { ensureAdmin, seedDemo }, { demoDirectory }, { localDate }] = await Promise.all([
    import('../src/app.js'),
    import('../src/config.js'),
    import('../src/services/bootstrap.js'),
    import('../src/demo/demo-city.js'),
    import('../src/domain/dates.js'),
  ])
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bot-demo-'))
  const secret = randomBytes(24).toString('hex')
  const adminPassword = randomBytes(12).toString('base64url')
  const config = loadConfig({
    overrides: {
      store: { url: `sqlite:${join(dir, 'liaison.db')}` },
      http: { port: 0, host: '127.0.0.1' },
      bot: { secret },
      security: { adminPassword },
      uploads: { dir: join(dir, 'uploads') },
      demo: { seedOnEmptyStore: false },
      log: { level: 'silent' },
    },
  })
  const liaison = await build(config)
  await ensureAdmin(liaison.store, liaison.services.passwords, liaison.services.audit, adminPassword)
  await seedDemo(liaison.store, liaison.services.importer, demoDirectory({ today: localDate(new Date(), config.business.timeZone) }))
  const { port } = await liaison.listen(0, '127.0.0.1')
  liaison.startJobs() // the dispatcher hands messages to the bot's outbox, as `npm start` does
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    secret,
    adminPassword,
    async close() {
      await liaison.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Person = ReturnType<MockWorld['person']>

export async function runDemo(config: BotConfig, options: { adminPassword: string | null; realPace?: boolean }) {
  const world = new MockWorld()
  const botName = world.self.payload.name
  // The real pace (2–4 s) makes the demo slow to watch; it is shortened unless asked for.
  const pace = options.realPace ? config.pace : { ...config.pace, minGapMs: 500, maxGapMs: 1000 }
  const bot = new LiaisonBot({ config: { ...config, pace, pendingPath: null, wechatyLog: 'silent' }, puppet: world.puppet, log: pino({ level: 'error' }) })
  world.onLine((line) => {
    const fromBot = line.from === botName
    const head = fromBot ? green(`${line.from} → ${line.to}`) : cyan(`${line.from} → ${line.to}`)
    process.stdout.write(
      `\n${head}\n${line.text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
    )
  })
  const narrate = (text: string) => process.stdout.write(`\n${dim(`—— ${text}`)}\n`)

  /** One line of the script: the person says it, and we wait until the bot has answered. */
  async function say(person: Person, text: string) {
    const handled = bot.inbox.handled
    await pause(400)
    person.say(text).to(world.self)
    await until(() => bot.inbox.handled > handled, 20_000)
    await bot.inbox.settled()
  }

  narrate(`演示开始：模拟微信（wechaty-puppet-mock），后端 ${config.apiBase}${options.realPace ? '' : '；发送间隔缩短为 0.5–1 秒（正式运行 2–4 秒）'}`)
  await bot.start()
  world.login()
  await until(() => bot.loggedIn, 5000)

  const elder = world.person('demo-elder', '老李')
  narrate('一位居民第一次给联络站小助手发消息')
  await say(elder, '你好')
  await say(elder, '留言')
  await say(elder, '同意')
  for (const pick of ['1', '1', '1']) await say(elder, pick)
  await say(elder, '小区门口的路灯坏了一个多月了。')
  await say(elder, '晚上老人出门看不清路，很危险。')
  await say(elder, '好了')
  await say(elder, '1')
  const ticket = /编号：(\d{8}-\d{4,})/.exec(world.said('老李').join('\n'))?.[1]
  if (!ticket) throw new Error('the demo resident got no ticket; is the backend at LIAISON_API_BASE the demo city with the bot API on?')
  await say(elder, '查询')

  if (!options.adminPassword) {
    narrate('跳过代表部分：设置 LIAISON_ADMIN_PASSWORD（后台 admin 的密码），演示代表绑定和答复')
  } else {
    const handler = await caseHandler(config.apiBase, options.adminPassword, ticket)
    if (!handler) narrate('这条留言在联络站的待分派队列里，没有分给代表；跳过代表部分')
    else {
      narrate(`工作人员在后台为${handler.name}代表生成一次性绑定码：${handler.code}`)
      const deputy = world.person('demo-deputy', handler.name)
      await say(deputy, `绑定 ${handler.code}`)
      await say(deputy, '待办')
      await say(deputy, `受理 ${ticket.slice(-4)}`)
      await say(deputy, `回复 ${ticket.slice(-4)} 已联系社区和供电所，路灯本周内修好，谢谢您的反映。`)
      // Shown back first, naming the message: only his "是" sends it.
      await say(deputy, '是')
      narrate('答复经后台的待发消息（outbox）交给机器人，按节奏发给居民')
      await until(() => world.said('老李').some((m) => m.includes('有答复了')), 30_000)
      await until(async () => (await bot.client.dialogue('demo-elder')).state?.rating, 10_000)
      await say(elder, '5')
    }
  }
  narrate('演示结束')
  await bot.stop()
}

/** As the console's admin (over HTTP): who handles the case, and a binding code for them. */
async function caseHandler(apiBase: string, password: string, ticket: string) {
  const login = await fetch(`${apiBase}/api/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  })
  if (!login.ok) throw new Error(`admin login failed (${login.status}): check LIAISON_ADMIN_PASSWORD`)
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  // As the console's page would: a change carried by the console's cookie must name the server's own origin.
  const origin = new URL(apiBase).origin
  const get = async (path: string, method = 'GET') => {
    const answer = await fetch(`${apiBase}${path}`, { method, headers: { cookie, origin } })
    if (!answer.ok) throw new Error(`${method} ${path} as admin failed (${answer.status}): ${await answer.text()}`)
    return answer.json()
  }
  const list = (await get('/api/admin/cases?limit=50')) as { items: Array<{ id: string; ticket: string; deputyId: string | null }> }
  const found = list.items.find((c) => c.ticket === ticket)
  if (!found?.deputyId) return null
  const detail = (await get(`/api/admin/cases/${found.id}`)) as { handledBy: { deputy: string | null } }
  const { code } = (await get(`/api/admin/deputies/${found.deputyId}/binding-code`, 'POST')) as { code: string }
  return { name: (detail.handledBy.deputy ?? '').replace(/代表$/, ''), code }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(probe: () => unknown, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > end) throw new Error('the demo waited too long for the bot')
    await pause(20)
  }
}
