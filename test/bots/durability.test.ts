import { expect } from 'chai'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InboundEvent } from '../../bots/inbox-types.js'
import { DELAY_NOTICE } from '../../bots/inbox.js'
import { filePending } from '../../bots/pending.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { ask, BOT_SECRET, caseCity, startBackend, startBot, waitFor, type BotUnderTest } from './helpers.js'

type Person = ReturnType<BotUnderTest['world']['person']>

/**
 * A proxy in front of the backend that passes a case submission on, then loses the
 * answer (503) the first `lose` times: the case exists, the bot does not know it.
 */
async function lossyProxy(target: string, lose: number) {
  const seenKeys: string[] = []
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<
      string,
      string
    >
    const answer = await fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined })
    // Answers as slowly as a busy machine does: the bot's outbox polls are nearly always in flight.
    if (/\/outbox\/lease$/.test(req.url ?? '')) await new Promise((r) => setTimeout(r, 50))
    const body = Buffer.from(await answer.arrayBuffer())
    if (req.method === 'POST' && /\/cases$/.test(req.url ?? '')) {
      seenKeys.push(String(req.headers['idempotency-key']))
      if (lose-- > 0) {
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"unavailable","message":"busy"}}')
        return
      }
    }
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  // close() alone waits for every kept-alive connection to go quiet, and the bot polls its
  // outbox through this proxy: under load a poll is often in flight, and close never ends.
  const close = () =>
    new Promise<void>((r) => {
      server.close(() => r())
      server.closeAllConnections()
    })
  return { url: `http://127.0.0.1:${port}`, seenKeys, close }
}

/** Up to the text of a message for 湛河区 轻工街道 建设路社区. */
async function startDialogue(t: BotUnderTest, elder: Person) {
  await ask(t, elder, '留言')
  await ask(t, elder, '同意')
  for (const pick of ['1', '1', '1']) await ask(t, elder, pick)
  await ask(t, elder, '建设路的路灯坏了')
}

describe('bot: nothing a resident sends is lost', function () {
  this.timeout(30_000)
  let dir: string
  let app: TestApp | null = null
  const bots: BotUnderTest[] = []
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-bot-'))
  })
  afterEach(async () => {
    for (const b of bots.splice(0)) await b.stop().catch(() => {})
    await app?.close().catch(() => {})
    app = null
    rmSync(dir, { recursive: true, force: true })
  })

  it('holds messages while the backend is down, says they are delayed (not sent), and submits once it is back', async () => {
    const url = `sqlite:${join(dir, 'liaison.db')}`
    app = await startBackend({ storeUrl: url })
    const port = Number(new URL(app.baseUrl).port)
    const t = await startBot(app.baseUrl)
    bots.push(t)
    const elder = t.world.person('wx-elder', '老李')
    await startDialogue(t, elder)

    await app.close() // the backend goes away mid-dialogue
    app = null
    const saidBefore = t.world.said('老李').length
    const delayed = await ask(t, elder, '好了')
    expect(delayed).to.equal(DELAY_NOTICE)
    expect(await ask(t, elder, '确认'), 'told once, and nothing claimed').to.equal('')
    expect(t.bot.inbox.heldCount).to.equal(2)
    expect(t.world.said('老李').slice(saidBefore)).to.deep.equal([DELAY_NOTICE])

    app = await startBackend({ storeUrl: url, port, seed: false }) // back, same store, same address
    const done = await waitFor(() => t.world.said('老李').find((m) => m.includes('编号：')), 'the ticket after the backend is back')
    const after = t.world.said('老李').slice(-2)
    expect(after[0], 'the held "好了" answered first').to.include('请核对您的留言')
    const ticket = /编号：(\d{8}-\d{4})/.exec(done)![1]
    const stored = await app.liaison.store.cases.getByTicket(ticket)
    expect(stored).to.include({ regionId: 'c010101', text: '建设路的路灯坏了' })
    expect(t.bot.inbox.heldCount).to.equal(0)
  })

  it('retries a submission whose answer was lost with the same Idempotency-Key: one case, and the ticket', async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    const proxy = await lossyProxy(app.baseUrl, 4) // more than the client's own retries
    let t: BotUnderTest | null = null
    try {
      const bot = (t = await startBot(proxy.url))
      const elder = t.world.person('wx-elder', '老李')
      await startDialogue(bot, elder)
      await ask(bot, elder, '好了')
      expect(await ask(bot, elder, '确认')).to.equal(DELAY_NOTICE)
      const done = await waitFor(() => bot.world.said('老李').find((m) => m.includes('编号：')), 'the ticket after the retries')
      const ticket = /编号：(\d{8}-\d{4})/.exec(done)![1]
      expect(new Set(proxy.seenKeys).size, `one key for every attempt: ${proxy.seenKeys}`).to.equal(1)
      expect(proxy.seenKeys.length).to.be.greaterThan(4)
      const mine = await app.liaison.store.cases.search({ limit: 10 })
      expect(mine.items.map((c) => c.ticket)).to.deep.equal([ticket])
    } finally {
      await t?.stop() // the bot first: it keeps polling through the proxy until stopped
      await proxy.close()
    }
  })

  it('keeps held messages on disk across a bot restart during the outage', async () => {
    const url = `sqlite:${join(dir, 'liaison.db')}`
    const pending = filePending<InboundEvent>(join(dir, 'bot.pending.json'))
    app = await startBackend({ storeUrl: url })
    const port = Number(new URL(app.baseUrl).port)
    const first = await startBot(app.baseUrl, { pending })
    const elder = first.world.person('wx-elder', '老李')
    await startDialogue(first, elder)
    const alias = first.world.mocker.contactPayload('wx-elder').alias
    await app.close()
    app = null
    expect(await ask(first, elder, '好了')).to.equal(DELAY_NOTICE)
    await first.stop()
    expect(pending.load().map((e) => e.kind)).to.deep.equal(['private'])

    app = await startBackend({ storeUrl: url, port, seed: false })
    const second = await startBot(app.baseUrl, { pending })
    bots.push(second)
    second.world.person('wx-elder', '老李', alias)
    const confirm = await waitFor(() => second.world.said('老李').find((m) => m.includes('请核对')), 'the held message answered after the restart')
    expect(confirm).to.include('内容：建设路的路灯坏了')
    expect(pending.load()).to.deep.equal([])
  })

  it('continues a dialogue after the bot restarts, from the state the backend keeps', async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    const first = await startBot(app.baseUrl)
    const elder = first.world.person('wx-elder', '老李')
    await startDialogue(first, elder)
    const alias = first.world.mocker.contactPayload('wx-elder').alias
    expect(alias, 'the bot set a remark to know the person again').to.match(/^LS[A-Z2-9]{6}$/)
    await first.stop()

    const second = await startBot(app.baseUrl)
    bots.push(second)
    const again = second.world.person('wx-elder', '老李', alias)
    expect(await ask(second, again, '晚上出门看不见路')).to.equal('')
    const confirm = await ask(second, again, '好了')
    expect(confirm).to.include('发给：湛河区 轻工街道 建设路社区')
    expect(confirm).to.include('内容：建设路的路灯坏了\n晚上出门看不见路')
    const ticket = /编号：(\d{8}-\d{4})/.exec(await ask(second, again, '确认'))![1]
    expect((await app.liaison.store.cases.getByTicket(ticket))!.text).to.equal('建设路的路灯坏了\n晚上出门看不见路')
  })
})
