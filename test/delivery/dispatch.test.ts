import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }

/** A deputy bound to their account, with a long line of subscribe-message credits. */
async function boundDeputy(app: App, deputyId: string, openid: string, credits = 20) {
  const admin = await asAdmin(app)
  const { body } = await admin.post(`/api/admin/deputies/${deputyId}/binding-code`)
  const deputy = await loginAs(app, openid)
  await deputy.post('/api/mp/bind', { bindCode: body.code })
  await subscribe(deputy, 'accept', credits)
  return deputy
}

async function consentingResident(app: App, openid: string) {
  const resident = await loginAs(app, openid)
  await resident.post('/api/mp/consent', { version: 'v3' })
  return resident
}

describe('sending what the outbox holds', () => {
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  const dispatcher = () => app.liaison.services.dispatcher
  const outbox = (kind?: string) => app.liaison.store.outbox.search({ limit: 100, kind }).then((p) => p.items)

  it('delivers a new case to the deputy as a subscribe message, with the case in it', async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区垃圾没人清运，臭气熏天', deputyCode: 'DP0001', regionId: 'c010101' })
    const report = await dispatcher().runOnce()
    expect(report.sent).to.equal(1)
    const [message] = app.fake.sent()
    expect(message).to.deep.include({ touser: 'o-zhangwei', template_id: TEMPLATE, page: `pages/case/detail?caseId=${c.id}` })
    expect(message.data.thing1.value).to.equal('新留言待受理')
    expect(message.data.character_string2.value).to.equal(c.ticket)
    // The card is his own and its 20 characters say what to do by when; the greeting is in the sentence the bot sends.
    expect(message.data.thing3.value).to.equal('请在11月24日上午10:00前受理')
    expect(message.data.time4.value).to.equal('2026年11月23日 10:00')
    const [stored] = await outbox('case.assigned')
    expect(stored).to.deep.include({ status: 'sent', channel: 'mp_subscribe', attempts: 1 })
  })

  it('spends one send per one-time acceptance, then waits visibly with the reason', async () => {
    const resident = await consentingResident(app, 'o-resident')
    await subscribe(resident, 'accept', 1)
    const deputy = await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const { body: c } = await resident.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0001' })
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await dispatcher().drain()
    app.clock.advance(60_000)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已报修' })
    await dispatcher().drain()
    const toResident = app.fake.sent().filter((m) => m.touser === 'o-resident')
    expect(toResident.map((m) => m.data.thing1.value)).to.deep.equal(['代表已看到留言：路灯坏了'])
    const [waiting] = await outbox('case.replied')
    expect(waiting).to.deep.include({ status: 'pending', channel: 'auto' })
    expect(waiting.waitingReason).to.equal('订阅消息次数已用完，且没有其他可用渠道')
    // The resident taps "subscribe" again: the waiting message goes out on the next look.
    await subscribe(resident)
    app.clock.advance(61 * 60_000)
    await dispatcher().drain()
    expect(
      app.fake
        .sent()
        .filter((m) => m.touser === 'o-resident')
        .map((m) => m.data.thing1.value),
    ).to.deep.equal(['代表已看到留言：路灯坏了', '留言已答复：路灯坏了'])
  })

  it('waits for WeChat when it answers 500 or refuses connections, then sends everything once', async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    for (let i = 0; i < 3; i++) await resident.post('/api/mp/cases', { text: `第${i}件事`, deputyCode: 'DP0001' })
    app.fake.failHttp('/cgi-bin/message/subscribe/send', 500, 3)
    const first = await dispatcher().runOnce()
    expect(first.failed).to.equal(3)
    expect((await outbox('case.assigned')).every((m) => m.status === 'failed' && m.lastError!.includes('500'))).to.equal(true)
    await app.fake.refuseConnections(true)
    app.clock.advance(60 * 60_000)
    expect((await dispatcher().runOnce()).failed).to.equal(3)
    await app.fake.refuseConnections(false)
    app.clock.advance(60 * 60_000)
    await dispatcher().drain()
    expect(
      app.fake
        .sent()
        .map((m) => m.data.character_string2.value)
        .sort(),
    ).to.have.length(3)
    expect(new Set(app.fake.sent().map((m) => m.data.character_string2.value)).size).to.equal(3)
    expect((await outbox('case.assigned')).map((m) => m.status)).to.deep.equal(['sent', 'sent', 'sent'])
  })

  it('refreshes a token that expired mid-run once, and loses nothing', async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    await resident.post('/api/mp/cases', { text: '噪音', deputyCode: 'DP0001' })
    await dispatcher().drain()
    app.fake.invalidateTokens()
    await resident.post('/api/mp/cases', { text: '油烟', deputyCode: 'DP0001' })
    await resident.post('/api/mp/cases', { text: '停车', deputyCode: 'DP0001' })
    const tokensBefore = app.fake.received('/cgi-bin/stable_token').length
    await dispatcher().drain()
    expect(app.fake.sent()).to.have.length(3)
    expect(app.fake.received('/cgi-bin/stable_token').length - tokensBefore).to.equal(1)
  })

  it('lets another dispatcher take the messages of one that died holding the lease, sending none twice', async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    for (let i = 0; i < 4; i++) await resident.post('/api/mp/cases', { text: `事项${i}`, deputyCode: 'DP0001' })
    // The first dispatcher leases everything and dies before sending.
    const leased = await app.liaison.store.outbox.claimDue(app.clock.now(), { limit: 10, leaseMs: 60_000, holder: 'dead-dispatcher', channels: ['auto'] })
    expect(leased).to.have.length(4)
    expect((await dispatcher().runOnce()).sent, 'still leased').to.equal(0)
    app.clock.advance(61_000)
    expect((await dispatcher().runOnce()).sent).to.equal(4)
    expect(await app.liaison.store.outbox.complete(leased[0].id, 'dead-dispatcher', { status: 'dead', error: 'woke up' })).to.equal(false)
    expect(app.fake.sent()).to.have.length(4)
  })

  it('sends every message exactly once with two dispatchers running at the same time', async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei', 60)
    const resident = await consentingResident(app, 'o-resident')
    for (let i = 0; i < 30; i++) await resident.post('/api/mp/cases', { text: `第${i}条`, deputyCode: 'DP0001' })
    const { services } = app.liaison
    const second = services.newDispatcher()
    await Promise.all([services.dispatcher.drain(), second.drain(), services.dispatcher.drain()])
    const tickets = app.fake.sent().map((m) => m.data.character_string2.value)
    expect(tickets).to.have.length(30)
    expect(new Set(tickets).size).to.equal(30)
  })

  it("posts a message for a station's staff to the station's WeCom group", async () => {
    const resident = await consentingResident(app, 'o-resident')
    // 新华街道 has no deputy: the message goes to its staff, who have a WeCom group.
    await resident.post('/api/mp/cases', { text: '公交站台太窄', regionId: 'c020101' })
    await dispatcher().drain()
    const posts = app.fake.robotMessages('robot-key-xinhua')
    expect(posts).to.have.length(1)
    expect(JSON.stringify(posts[0].body)).to.include('新留言待分派')
    const [queued] = await outbox('case.queued')
    expect(queued).to.deep.include({ status: 'sent', channel: 'wecom_group', address: 'station:st004' })
  })

  it('posts at most 20 messages a minute to one WeCom robot, holding the rest back without counting an attempt', async () => {
    const resident = await consentingResident(app, 'o-resident')
    for (let i = 0; i < 22; i++) await resident.post('/api/mp/cases', { text: `新华社区第${i}件`, regionId: 'c020101' })
    await dispatcher().drain()
    expect(app.fake.robotMessages('robot-key-xinhua')).to.have.length(20)
    const held = (await outbox('case.queued')).filter((m) => m.status === 'pending')
    expect(held).to.have.length(2)
    expect(held[0]).to.deep.include({ channel: 'wecom_group', attempts: 0, waitingReason: '发送频率受限，稍后发送' })
  })

  it('treats 43101 as no subscription left: the credit is gone and the message waits for another way', async () => {
    const deputy = await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    app.fake.refuseSubscribe('o-zhangwei')
    await resident.post('/api/mp/cases', { text: '第一件', deputyCode: 'DP0001' })
    await dispatcher().drain()
    const [first] = await outbox('case.assigned')
    expect(first).to.deep.include({ status: 'pending', channel: 'auto', attempts: 0 })
    expect(await app.liaison.store.subscriptions.get(deputy.userId, TEMPLATE)).to.deep.equal({ oneTime: 0, longTerm: false })
    const refused = '对方未订阅或已关闭小程序消息，且没有其他可用渠道'
    const shown = async () => (await (await asAdmin(app)).get(`/api/admin/outbox?kind=case.assigned&recipientId=dp0001`)).body.items[0].delivery
    expect(await shown(), 'not "次数已用完": the office asks the deputy to turn messages back on').to.deep.equal({
      state: 'pending',
      label: '待发送',
      reason: refused,
    })
    app.clock.advance(61 * 60_000)
    await dispatcher().drain()
    expect((await shown()).reason, 'still why it waits an hour later, with no credit left to try').to.equal(refused)
  })

  it('says when a person never subscribed, rather than that their subscriptions are used up', async () => {
    const resident = await consentingResident(app, 'o-resident')
    await boundDeputy(app, 'dp0001', 'o-zhangwei', 0)
    await resident.post('/api/mp/cases', { text: '第一件', deputyCode: 'DP0001' })
    await dispatcher().drain()
    const [waiting] = await outbox('case.assigned')
    expect(waiting.waitingReason).to.equal('对方尚未订阅小程序消息，且没有其他可用渠道')
  })

  it("makes a 47003 a dead letter with WeChat's reason, which an admin can send again", async () => {
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    app.fake.failNext('/cgi-bin/message/subscribe/send', 47003)
    await resident.post('/api/mp/cases', { text: '第二件', deputyCode: 'DP0001' })
    await dispatcher().drain()
    const dead = (await app.liaison.store.outbox.search({ limit: 10, status: 'dead' })).items
    expect(dead).to.have.length(1)
    expect(dead[0].lastError).to.include('47003')

    const admin = await asAdmin(app)
    const view = await admin.get('/api/admin/outbox?status=dead')
    expect(view.body.counts.dead).to.equal(1)
    expect(view.body.byChannel.mp_subscribe).to.be.undefined
    expect(view.body.items[0]).to.include({ kind: 'case.assigned', status: 'dead' })
    // The operator reads what went wrong in words; WeChat's code stays beside them for whoever fixes it.
    expect(view.body.items[0].delivery.reason).to.match(/^未能送达：微信拒收，消息内容不符合模板要求（如字数过长或格式不对）（47003 /)
    const retried = await admin.post(`/api/admin/outbox/${dead[0].id}/retry`)
    expect(retried.body).to.include({ status: 'pending', attempts: 0 })
    expect((await admin.post(`/api/admin/outbox/${dead[0].id}/retry`)).status).to.equal(409)
    await dispatcher().drain()
    expect(app.fake.sent().map((m) => m.data.thing1.value)).to.deep.equal(['新留言待受理'])
  })

  it('falls back to the bot when WeChat refuses a subscribe message for its content, keeping the credit', async () => {
    const deputy = await boundDeputy(app, 'dp0001', 'o-zhangwei', 1)
    await app.liaison.store.mpUsers.update(deputy.userId, { botContactId: 'wxid_zhangwei' })
    const resident = await consentingResident(app, 'o-resident')
    app.fake.failNext('/cgi-bin/message/subscribe/send', 47003)
    await resident.post('/api/mp/cases', { text: '第三件', deputyCode: 'DP0001' })
    const report = await dispatcher().drain()
    expect(report.toBot).to.equal(1)
    const [m] = await outbox('case.assigned')
    expect(m).to.deep.include({ status: 'pending', channel: 'bot_private', address: 'wxid_zhangwei' })
    expect(await app.liaison.store.subscriptions.get(deputy.userId, TEMPLATE), 'WeChat sent nothing: the credit stays').to.deep.equal({
      oneTime: 1,
      longTerm: false,
    })
  })

  it('gives up after the configured attempts and shows the message as dead', async () => {
    await app.close()
    app = await startWithWeChat({ outbox: { maxAttempts: 3 } })
    await boundDeputy(app, 'dp0001', 'o-zhangwei')
    const resident = await consentingResident(app, 'o-resident')
    await resident.post('/api/mp/cases', { text: '一直发不出去', deputyCode: 'DP0001' })
    app.fake.failHttp('/cgi-bin/message/subscribe/send', 503, 10)
    for (let i = 0; i < 3; i++) {
      await dispatcher().runOnce()
      app.clock.advance(2 * 3600_000)
    }
    const [m] = await outbox('case.assigned')
    expect(m).to.deep.include({ status: 'dead', attempts: 3 })
    expect(m.lastError).to.include('已尝试 3 次')
  })
})
