import { expect } from 'chai'
import { loginAs, startWithWeChat, subscribe, TEMPLATE } from '../helpers/wechat.js'
import { asAdmin, type TestApp } from '../helpers/app.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }

/**
 * Review 33, F7: a score asks nothing of 张伟, so it never takes his last WeChat notice. Two backend instances each
 * send one of two scores at the same moment, while he has two notices left: each used to read "two left", and both
 * spent one, leaving none for the next message that asks him to act. Keeping the last is one step with taking one.
 */
describe('two dispatchers sending two scores at once keep his last notice', function () {
  this.timeout(60_000)
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  const ok = (answer: { status: number; body: unknown }) => expect(answer.status, JSON.stringify(answer.body)).to.be.oneOf([200, 201])

  it('sends one score card, keeps the other waiting with why, and one notice is left', async () => {
    const { body: bind } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    const zhang = await loginAs(app, 'o-zhangwei')
    ok(await zhang.post('/api/mp/bind', { bindCode: bind.code }))
    await subscribe(zhang, 'accept', 4)
    const wang = await loginAs(app, 'o-wang-ayi')
    await wang.post('/api/mp/consent', { version: 'v3' })
    const write = async (text: string) => (await wang.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })).body as { id: string }
    const lamp = await write('我们楼下的路灯坏了两个星期了')
    const bins = await write('小区门口的垃圾好几天没人清运')
    await app.liaison.services.dispatcher.drain()
    expect((await app.liaison.store.subscriptions.get(zhang.userId, TEMPLATE))!.oneTime, 'two new-message cards sent').to.equal(2)
    for (const c of [lamp, bins]) ok(await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已经办好了，请您看看。' }))
    await app.liaison.services.dispatcher.drain()

    ok(await wang.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 4 }))
    ok(await wang.post(`/api/mp/cases/${bins.id}/rate`, { rating: 5 }))
    // Two instances, one score each, at the same moment.
    const other = app.liaison.services.newDispatcher()
    await Promise.all([app.liaison.services.dispatcher.runOnce(1), other.runOnce(1)])

    const cards = app.fake.sent().filter((m) => m.touser === 'o-zhangwei')
    expect(cards.map((m) => m.data.thing1.value)).to.deep.equal(['新留言待受理', '新留言待受理', '群众已评价'])
    const scores = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.rated' })).items
    expect(scores.map((m) => m.status).sort()).to.deep.equal(['pending', 'sent'])
    expect(scores.find((m) => m.status === 'pending')!.waitingReason).to.equal('订阅消息只剩一次，留给需要对方办理的通知；对方再订阅后发送')
    expect((await app.liaison.store.subscriptions.get(zhang.userId, TEMPLATE))!.oneTime, 'kept for work').to.equal(1)
  })
})
