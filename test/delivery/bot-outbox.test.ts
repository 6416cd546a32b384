import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { buildStoredCases } from '../factories.js'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { BOT_SECRET, loginAs, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

describe("the bot's end of the outbox", () => {
  let app: TestApp & { fake: FakeWeChat }
  let bot: Client
  let messageId: string
  beforeEach(async () => {
    app = await startWithWeChat()
    bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
    // A resident the bot knows as a WeChat contact, who has no subscribe-message credit.
    const resident = await loginAs(app, 'o-elder')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await app.liaison.store.mpUsers.update(resident.userId, { botContactId: 'wxid_elder' })
    const { body: c } = await resident.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0001' })
    const deputy = await asDeputy(app, 'dp0001')
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    // The deputy has no channel yet (their message waits); the resident's goes to the bot.
    expect((await app.liaison.services.dispatcher.drain()).toBot).to.equal(1)
    messageId = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.acknowledged' })).items[0].id
  })
  afterEach(() => app.close())

  it('refuses callers without the shared secret', async () => {
    const stranger = new Client(app.baseUrl)
    expect((await stranger.post('/api/bot/outbox/lease', {})).status).to.equal(401)
    stranger.bearer = 'not-the-secret-at-all-000000'
    expect((await stranger.post('/api/bot/outbox/lease', {})).body.error.code).to.equal('invalid_bot_secret')
  })

  it("leases the resident's message with the contact to send it to, and takes an ack once", async () => {
    const lease = await bot.post('/api/bot/outbox/lease', { limit: 5 })
    expect(lease.body.items).to.have.length(1)
    expect(lease.body.items[0]).to.include({ id: messageId, channel: 'bot_private', address: 'wxid_elder', title: '代表已看到留言' })
    expect(lease.body.items[0].text).to.match(/^张伟代表已看到您\d{1,2}月\d{1,2}日反映的“.+”（编号 \d{8}-\d{4}），正在办，/)
    expect((await bot.post('/api/bot/outbox/lease', { limit: 5 })).body.items, 'leased: not handed out twice').to.deep.equal([])
    const ack = await bot.post(`/api/bot/outbox/${messageId}/ack`, {})
    expect(ack.body).to.include({ status: 'sent', attempts: 1 })
    const again = await bot.post(`/api/bot/outbox/${messageId}/ack`, {})
    expect(again.status, 'a second ack changes nothing').to.equal(200)
    expect(again.body).to.include({ status: 'sent', attempts: 1 })
  })

  it('hands a message never acked out again after the lease, once', async () => {
    await bot.post('/api/bot/outbox/lease', { limit: 5 })
    app.clock.advance(61_000)
    const second = await bot.post('/api/bot/outbox/lease', { limit: 5, instance: 'bot-2' })
    expect(second.body.items.map((m: { id: string }) => m.id)).to.deep.equal([messageId])
    const lost = await bot.post(`/api/bot/outbox/${messageId}/ack`, {})
    expect(lost.status, "the first bot's lease is gone").to.equal(409)
    expect((await bot.post(`/api/bot/outbox/${messageId}/ack`, { instance: 'bot-2' })).body.status).to.equal('sent')
  })

  it('retries a retryable failure later, and buries one that is not', async () => {
    await bot.post('/api/bot/outbox/lease', { limit: 5 })
    const failed = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: '操作过于频繁', retryable: true })
    expect(failed.body).to.include({ status: 'failed', attempts: 1 })
    expect((await bot.post('/api/bot/outbox/lease', { limit: 5 })).body.items).to.deep.equal([])
    app.clock.advance(60 * 60_000)
    expect((await bot.post('/api/bot/outbox/lease', { limit: 5 })).body.items).to.have.length(1)
    const dead = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: '联系人已删除好友', retryable: false })
    expect(dead.body.status).to.equal('dead')
    expect((await bot.post('/api/bot/outbox/not-a-uuid/ack', {})).status).to.equal(400)
  })

  it("keeps the bot's reason code with a failure and says it in words; a code it does not know is kept as unknown, none is fine", async () => {
    const office = await asAdmin(app)
    const shown = async () => (await office.get(`/api/admin/outbox?kind=case.acknowledged`)).body.items[0]
    await bot.post('/api/bot/outbox/lease', { limit: 5 })
    // A newer bot's code: the failure is kept (not left 'sending' till the lease runs out), said as 原因不明.
    const newer = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: 'x', retryable: true, code: 'no_such_reason' })
    expect(newer.status).to.equal(200)
    expect(newer.body).to.include({ status: 'failed', attempts: 1 })
    expect((await app.liaison.store.outbox.get(messageId))!).to.include({ status: 'failed', lastErrorCode: 'unknown' })
    expect(await shown()).to.include({ reasonCode: 'unknown', reasonWords: '没有发出去，原因不明，稍后会自动再发' })
    const tooLong = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: 'x', retryable: true, code: 'x'.repeat(41) })
    expect(tooLong.status, 'a code is short').to.equal(400)

    // The puppet's English goes along for the logs; the page reads the code's words.
    app.clock.advance(60 * 60_000)
    await bot.post('/api/bot/outbox/lease', { limit: 5 })
    const failed = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: '1101 == 0', retryable: true, code: 'not_logged_in' })
    expect(failed.body).to.include({ status: 'failed', attempts: 2 })
    expect((await app.liaison.store.outbox.get(messageId))!).to.include({ lastError: '1101 == 0', lastErrorCode: 'not_logged_in' })
    expect(await shown()).to.include({ reasonCode: 'not_logged_in', reasonWords: '微信助手没有登录微信，消息发不出去' })

    // An older bot sends no code: its failure is kept as before, and English is said as 原因不明.
    app.clock.advance(60 * 60_000)
    await bot.post('/api/bot/outbox/lease', { limit: 5 })
    const old = await bot.post(`/api/bot/outbox/${messageId}/fail`, { error: 'Error: 2 UNKNOWN: something odd', retryable: false })
    expect(old.body.status).to.equal('dead')
    expect(await shown()).to.include({ reasonCode: null, reasonWords: '没有发出去，原因不明' })
  })
})

describe('what waited for the bot is checked again when the bot takes it', () => {
  let app: TestApp & { fake: FakeWeChat }
  let bot: Client
  beforeEach(async () => {
    app = await startWithWeChat()
    bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
    // 张伟 is reached through the bot only: no subscribe-message credit.
    const zhang = await asDeputy(app, 'dp0001')
    await app.liaison.store.mpUsers.update(zhang.userId, { botContactId: 'wxid_zhang' })
    const resident = await asResident(app)
    expect((await resident.post('/api/mp/cases', { text: '王大妈家住建设路5号，电话13912345678，楼道漏水', deputyCode: 'DP0001' })).status).to.equal(201)
    app.clock.set(new Date('2026-11-24T00:05:00Z')) // Tuesday 08:05
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    expect((await app.liaison.services.dispatcher.drain()).toBot, 'the new case and the digest, routed to the bot').to.be.greaterThan(0)
  })
  afterEach(() => app.close())

  const leasedKinds = async () =>
    (await bot.post('/api/bot/outbox/lease', { limit: 20 })).body.items.map((m: { kind: string; address: string }) => `${m.kind} ${m.address}`)
  const digestRow = async () => (await app.liaison.store.outbox.search({ limit: 5, kind: 'digest', recipientId: 'dp0001' })).items[0]

  it("gives the bot no digest for a deputy who left office while it was logged out: residents' words stay with deputies in office", async () => {
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    app.clock.advance(60 * 60_000) // the bot logs in again an hour later
    const leased = await leasedKinds()
    expect(
      leased.filter((k: string) => k.endsWith('wxid_zhang')),
      'nothing for 张伟 to send',
    ).to.deep.equal([])
    expect(await digestRow()).to.deep.include({ status: 'dead', lastError: '已被后来的变化取代，未发送（收件人已不再担任人大代表）' })
  })

  it("gives the bot yesterday's digest no more, and today's as usual", async () => {
    app.clock.set(new Date('2026-11-24T16:30:00Z')) // Wednesday 00:30: logged out since yesterday morning
    expect(
      (await leasedKinds()).filter((k: string) => k.startsWith('digest')),
      'quiet hours: held till the morning',
    ).to.deep.equal([])
    app.clock.set(new Date('2026-11-25T00:05:00Z'))
    expect(
      (await leasedKinds()).filter((k: string) => k.startsWith('digest')),
      "yesterday's is over",
    ).to.deep.equal([])
    expect((await digestRow()).status).to.equal('dead')
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    await app.liaison.services.dispatcher.drain()
    expect((await leasedKinds()).filter((k: string) => k.startsWith('digest'))).to.deep.equal(['digest wxid_zhang'])
  })
})

/**
 * Under an answer the bot tells the resident how to score it: "评价 0001 5", or the whole number when
 * another of her messages ends the same (numbers start again at 0001 every day), and that line only when
 * more than one of her answers waits for a score. The bot finds "评价 0001" among all her messages, however
 * old: so the number it tells her is worked out among all of them too, not only her newest two hundred.
 */
describe('the number a resident is told to score an answer by', () => {
  let app: TestApp & { fake: FakeWeChat }
  let bot: Client
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 2026-11-23, 10:00
    bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
  })
  afterEach(() => app.close())

  /** 王阿姨 of 轻工街道, whom the bot knows as a WeChat contact (she has no subscribe-message credit). */
  async function spokeswoman() {
    const resident = await loginAs(app, 'o-spokeswoman')
    await resident.post('/api/mp/consent', { version: 'v3' })
    await app.liaison.store.mpUsers.update(resident.userId, { botContactId: 'wxid_spokeswoman' })
    return resident
  }
  /** She writes today, 张伟 answers, and the bot takes the answer to send her. */
  async function answeredToday(resident: Awaited<ReturnType<typeof spokeswoman>>) {
    const c = await resident.post('/api/mp/cases', { text: '北门的路灯又坏了，晚上看不清路', deputyCode: 'DP0001' })
    expect(c.status, JSON.stringify(c.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.body.id}/reply`, { text: '已请供电所更换灯泡，今晚就亮。' })).status).to.equal(200)
    await app.liaison.services.dispatcher.drain()
    const leased = (await bot.post('/api/bot/outbox/lease', { limit: 20 })).body.items as Array<Record<string, unknown>>
    return { ticket: c.body.ticket as string, answer: leased.find((m) => m.kind === 'case.replied' && m.address === 'wxid_spokeswoman') }
  }

  it('is the whole number when an old message of hers, behind two hundred newer ones, ends the same; and her old answer waits too', async () => {
    const resident = await spokeswoman()
    // 11月2日: her first message, the first of that day, answered and not yet scored.
    const [first] = await buildStoredCases(app, resident.userId, 1, {
      ticketDate: '2026-11-02',
      at: new Date('2026-11-02T01:00:00Z'),
      status: 'replied',
      reply: '已处理',
    })
    expect(first.ticket).to.equal('20261102-0001')
    // 11月10日: a neighbour writes first, then she writes two hundred about the car park, none numbered 0001.
    await buildStoredCases(app, (await asResident(app)).userId, 1, { ticketDate: '2026-11-10', at: new Date('2026-11-10T00:00:00Z') })
    const carPark = await buildStoredCases(app, resident.userId, 200, { ticketDate: '2026-11-10', at: new Date('2026-11-10T01:00:00Z') })
    expect(carPark.filter((c) => c.ticket.endsWith('-0001'))).to.deep.equal([])

    const { ticket, answer } = await answeredToday(resident)
    expect(ticket, "today's first message ends like her first").to.equal('20261123-0001')
    // "评价 0001 5" would name two of hers: she is told the whole number, and that two answers wait.
    expect(answer).to.include({ ticket, ref: '20261123-0001', waiting: 2 })
  })

  it('is the last four digits when no other message of hers ends the same, and says when hers is the only answer waiting', async () => {
    const resident = await spokeswoman()
    // 11月2日: a neighbour's 0001, answered and waiting for his score, then three of hers, closed.
    await buildStoredCases(app, (await asResident(app)).userId, 1, { ticketDate: '2026-11-02', at: new Date('2026-11-02T00:00:00Z'), status: 'replied' })
    await buildStoredCases(app, resident.userId, 3, { ticketDate: '2026-11-02', at: new Date('2026-11-02T01:00:00Z'), status: 'closed' })
    const { ticket, answer } = await answeredToday(resident)
    expect(ticket).to.equal('20261123-0001')
    expect(answer, "the neighbour's 0001 and his answer are not hers").to.include({ ticket, ref: '0001', waiting: 1 })
  })
})
