import { expect } from 'chai'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { loginAs, ROBOT_KEYS, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'

type App = TestApp & { fake: FakeWeChat }
const SUPERSEDED = '已被后来的变化取代，未发送'
const HOUR = 3_600_000

/** News that a later change made untrue is dropped, not sent late; a person's news arrives in order. */
describe('no stale or out-of-order news', () => {
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  const drain = () => app.liaison.services.dispatcher.drain()
  const titlesTo = (openid: string) =>
    app.fake
      .sent()
      .filter((m) => m.touser === openid)
      .map((m) => m.data.thing1.value)
  const row = async (kind: string, recipientId: string) => (await app.liaison.store.outbox.search({ limit: 50, kind, recipientId })).items[0]

  async function boundDeputy(openid: string, credits: number) {
    const admin = await asAdmin(app)
    const { body } = await admin.post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, openid)
    await deputy.post('/api/mp/bind', { bindCode: body.code })
    await subscribe(deputy, 'accept', credits)
    return deputy
  }
  async function resident(openid: string, credits: number) {
    const r = await loginAs(app, openid)
    await r.post('/api/mp/consent', { version: 'v3' })
    await subscribe(r, 'accept', credits)
    return r
  }

  it('drops "已受理" once the case is answered and closed, and spends the resident\'s one subscription on the answer', async () => {
    const deputy = await boundDeputy('o-zhangwei', 20)
    const wang = await resident('o-wang', 0)
    const { body: c } = await wang.post('/api/mp/cases', { text: '楼道路灯坏了', deputyCode: 'DP0001' })
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await drain()
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已报修，明天修好' })
    await drain()
    await wang.post(`/api/mp/cases/${c.id}/rate`, { rating: 5 })
    expect(titlesTo('o-wang'), 'no subscription yet: both wait').to.deep.equal([])

    // The resident taps "subscribe" once, later.
    await subscribe(wang, 'accept', 1)
    app.clock.advance(2 * HOUR)
    await drain()
    expect(titlesTo('o-wang')).to.deep.equal(['留言已答复：楼道路灯坏了'])
    expect(await row('case.acknowledged', wang.userId)).to.deep.include({ status: 'dead', lastError: SUPERSEDED })
    expect(await app.liaison.store.subscriptions.get(wang.userId, TEMPLATE)).to.deep.include({ oneTime: 0 })
    const { body } = await (await asAdmin(app)).get(`/api/admin/outbox?recipientId=${wang.userId}&kind=case.acknowledged`)
    expect(body.items[0].delivery).to.deep.equal({ state: 'superseded', label: '不用再发', reason: SUPERSEDED })
  })

  it('does not post "发布了《…》" to a station\'s group for a reading item withdrawn while the notice waited', async () => {
    const office = await asAdmin(app)
    const campaign = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      startsAt: '2026-11-23T09:00:00+08:00',
      endsAt: '2026-12-23T09:00:00+08:00',
      audience: { stationIds: ['st004'], staff: true },
    })
    expect(campaign.status, JSON.stringify(campaign.body)).to.equal(201)
    const item = await office.post(`/api/admin/campaigns/${campaign.body.id}/items`, { title: '发错的材料', body: '<p>……</p>', required: true })
    expect(item.status, JSON.stringify(item.body)).to.equal(201)
    expect((await office.post(`/api/admin/campaigns/${campaign.body.id}/items/${item.body.id}/withdraw`)).status).to.equal(200)
    await drain()
    expect(app.fake.robotMessages(ROBOT_KEYS['station:st004']), 'nothing about a withdrawn item').to.deep.equal([])
    expect(await row('reading.published', 'st004')).to.deep.include({ status: 'dead', lastError: SUPERSEDED })
  })

  it('does not send the notice of a meeting that was cancelled while the notice waited; the cancellation goes out', async () => {
    const deputy = await boundDeputy('o-zhangwei', 0)
    const office = await asAdmin(app)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    await office.post(`/api/admin/meetings/${m.id}/publish`)
    await drain()
    await office.post(`/api/admin/meetings/${m.id}/cancel`, { reason: '因故取消' })
    await subscribe(deputy, 'accept', 1)
    app.clock.advance(2 * HOUR)
    await drain()
    expect(titlesTo('o-zhangwei')).to.deep.equal(['会议取消：市人大常委会第十次会议'])
    expect(await row('meeting.notice', 'dp0001')).to.deep.include({ status: 'dead', lastError: SUPERSEDED })
  })

  it('drops a dead notice retried from the console after the meeting moved: the change notice already told the time', async () => {
    await boundDeputy('o-zhangwei', 20)
    const office = await asAdmin(app)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    app.fake.failNext('/cgi-bin/message/subscribe/send', 47003)
    await office.post(`/api/admin/meetings/${m.id}/publish`)
    await drain()
    const notice = await row('meeting.notice', 'dp0001')
    expect(notice.status).to.equal('dead')
    await office.patch(`/api/admin/meetings/${m.id}`, { startAt: '2026-11-27T09:30:00+08:00', endAt: '2026-11-27T11:30:00+08:00' })
    await drain()
    expect((await office.post(`/api/admin/outbox/${notice.id}/retry`)).status).to.equal(200)
    await drain()
    expect(titlesTo('o-zhangwei')).to.deep.equal(['会议变更：市人大常委会第十次会议'])
    expect(await row('meeting.notice', 'dp0001')).to.deep.include({ status: 'dead', lastError: SUPERSEDED })
  })

  it('drops a dead "已受理" retried after "已交有关部门办理" reached the resident, so their messages stay in order', async () => {
    const deputy = await boundDeputy('o-zhangwei', 20)
    const wang = await resident('o-wang', 5)
    const { body: c } = await wang.post('/api/mp/cases', { text: '小区门口积水', deputyCode: 'DP0001' })
    await drain()
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    app.fake.failNext('/cgi-bin/message/subscribe/send', 47003)
    await drain()
    const ack = await row('case.acknowledged', wang.userId)
    expect(ack.status).to.equal('dead')
    app.clock.advance(60_000)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区住建局', reference: 'ZJ-2026-118' })
    await drain()
    expect((await (await asAdmin(app)).post(`/api/admin/outbox/${ack.id}/retry`)).status).to.equal(200)
    await drain()
    expect(titlesTo('o-wang')).to.deep.equal(['留言已交有关部门办理：小区门口积水'])
    expect((await row('case.acknowledged', wang.userId)).lastError).to.equal(`${SUPERSEDED}（已有更新的消息送达）`)
  })
  const digestJob = () => app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
  const digestRefs = (openid: string) =>
    app.fake
      .sent()
      .filter((m) => m.touser === openid && m.data.thing1.value.startsWith('每日摘要'))
      .map((m) => m.data.character_string2.value)

  it("sends a deputy short of subscriptions today's digest, never the ones left waiting from earlier days", async () => {
    const deputy = await boundDeputy('o-zhangwei', 0)
    const wang = await resident('o-wang', 0)
    expect((await wang.post('/api/mp/cases', { text: '小区垃圾没人清运', deputyCode: 'DP0001' })).status).to.equal(201)
    for (const day of ['2026-11-24', '2026-11-25', '2026-11-26']) {
      app.clock.set(new Date(`${day}T00:05:00Z`)) // 08:05
      await digestJob()
      await drain()
    }
    await subscribe(deputy, 'accept', 2)
    app.clock.set(new Date('2026-11-26T01:10:00Z'))
    await drain()
    expect(digestRefs('o-zhangwei'), "one credit, spent on today's digest").to.deep.equal(['RB20261126'])
    const digests = (await app.liaison.store.outbox.search({ limit: 10, kind: 'digest', recipientId: 'dp0001' })).items
    expect(digests.map((m) => `${(m.payload as { day: string }).day} ${m.status}`).sort(), 'earlier days are not retried every hour for ever').to.deep.equal([
      '2026-11-24 dead',
      '2026-11-25 dead',
      '2026-11-26 sent',
    ])
    const { body } = await (await asAdmin(app)).get('/api/admin/outbox?recipientId=dp0001&kind=digest')
    const old = body.items.find((m: { status: string }) => m.status === 'dead')
    expect(old.delivery).to.deep.equal({ state: 'superseded', label: '不用再发', reason: `${SUPERSEDED}（过了当天的每日摘要不再补发）` })
  })

  it('sends nothing of their work to a deputy who left office while it waited for a subscription', async () => {
    const deputy = await boundDeputy('o-zhangwei', 0)
    const wang = await resident('o-wang', 0)
    expect((await wang.post('/api/mp/cases', { text: '王大妈家楼道漏水，电话13912345678', deputyCode: 'DP0001' })).status).to.equal(201)
    app.clock.set(new Date('2026-11-24T00:05:00Z'))
    await digestJob()
    await drain()
    expect((await row('digest', 'dp0001')).status, 'no credit: waits').to.equal('pending')
    expect((await (await asAdmin(app)).patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(200)
    await subscribe(deputy, 'accept', 3)
    app.clock.advance(2 * HOUR)
    await drain()
    expect(titlesTo('o-zhangwei'), "no residents' words reach someone no longer a deputy").to.deep.equal([])
    expect(await row('digest', 'dp0001')).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（收件人已不再担任人大代表）` })
  })
})
