import { expect } from 'chai'
import { randomUUID } from 'node:crypto'
import { asAdmin, asDeputy, Client, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { BOT_SECRET, loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }

/** Nothing that can wait rings a phone late in the evening; what a person is waiting for does. */
describe('quiet hours', () => {
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat({ outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: ['case.acknowledged', 'case.replied'] } } })
  })
  afterEach(() => app.close())

  it('holds a meeting notice published at 21:00 until 08:00, while a resident hears at once that their message was taken up', async () => {
    const admin = await asAdmin(app)
    const { body: code } = await admin.post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, 'o-zhangwei')
    await deputy.post('/api/mp/bind', { bindCode: code.code })
    await subscribe(deputy, 'accept', 10)
    const wang = await loginAs(app, 'o-wang')
    await wang.post('/api/mp/consent', { version: 'v3' })
    await subscribe(wang, 'accept', 10)

    app.clock.set(new Date('2026-11-23T13:00:00Z')) // Monday 21:00 in Asia/Shanghai
    const organizer = await asAdmin(app)
    const { body: m } = await organizer.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    await organizer.post(`/api/admin/meetings/${m.id}/publish`)
    const { body: c } = await wang.post('/api/mp/cases', { text: '楼下烧烤油烟太大', deputyCode: 'DP0001' })
    await app.liaison.services.dispatcher.drain()
    expect(app.fake.sent(), 'nothing at 21:00').to.deep.equal([])
    const [notice] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'meeting.notice' })).items
    expect(notice).to.deep.include({ status: 'pending', attempts: 0, waitingReason: '夜间免打扰，8:00 后发送' })
    expect(notice.nextAttemptAt.toISOString()).to.equal('2026-11-24T00:00:00.000Z')

    // The deputy, reading the case in the mini-program, takes it up at 21:30: the resident is told now.
    app.clock.set(new Date('2026-11-23T13:30:00Z'))
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await app.liaison.services.dispatcher.drain()
    expect(app.fake.sent().map((s) => [s.touser, s.data.thing1.value])).to.deep.equal([['o-wang', '代表已看到留言：楼下烧烤油烟太大']])

    app.clock.set(new Date('2026-11-24T00:00:00Z')) // Tuesday 08:00
    await app.liaison.services.dispatcher.drain()
    expect(
      app.fake
        .sent()
        .filter((s) => s.touser === 'o-zhangwei')
        .map((s) => s.data.thing1.value),
    ).to.deep.equal(['会议通知：市人大常委会第十次会议'])
  })

  it('keeps the bot quiet too: a reminder queued for the bot before 21:00 is not leased at 21:30, an answer is', async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    // 张伟's chat, as the bot knows him: a message for a deputy with no chat is routed again, never sent to an old address.
    const zhang = await asDeputy(app, 'dp0001')
    await app.liaison.store.mpUsers.update(zhang.userId, { botContactId: 'wxid_zhang' })
    const queued = (id: string, kind: string) => ({
      id,
      channel: 'bot_private',
      address: 'wxid_zhang',
      recipientKind: 'deputy' as const,
      recipientId: 'dp0001',
      kind,
      payload: { text: kind },
      dedupeKey: `quiet-test:${id}`,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: new Date('2026-11-23T12:50:00Z'),
      lastError: null,
      createdAt: new Date('2026-11-23T12:50:00Z'),
    })
    const [reminder, reply] = [randomUUID(), randomUUID()]
    await app.liaison.store.outbox.enqueue([queued(reminder, 'meeting.reminder'), queued(reply, 'case.replied')])
    app.clock.set(new Date('2026-11-23T13:30:00Z')) // Monday 21:30 in Asia/Shanghai
    const evening = await bot.post('/api/bot/outbox/lease', { limit: 10 })
    expect(
      evening.body.items.map((m: { id: string }) => m.id),
      'only what the person is waiting for',
    ).to.deep.equal([reply])
    expect((await bot.post(`/api/bot/outbox/${reply}/ack`, {})).status).to.equal(200)
    const held = (await app.liaison.store.outbox.get(reminder))!
    expect(held).to.deep.include({ status: 'pending', waitingReason: '夜间免打扰，8:00 后发送' })
    expect(held.nextAttemptAt.toISOString()).to.equal('2026-11-24T00:00:00.000Z')
    app.clock.set(new Date('2026-11-24T00:00:00Z')) // Tuesday 08:00
    expect((await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items.map((m: { id: string }) => m.id)).to.deep.equal([reminder])
  })
})
