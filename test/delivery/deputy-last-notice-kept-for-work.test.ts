import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { TestApp } from '../helpers/app.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

type App = TestApp & { fake: FakeWeChat }
const MINUTE = 60_000

/**
 * 张伟 uses only the mini-program, and WeChat gives one notice per "yes" he said. A score on his answer asks nothing
 * of him: it never takes his last notice, which is kept for what asks him to act (a new message, a reopened one, a
 * 催办), and in one round those go first. When 王阿姨 rates low and asks again at once, he gets one card, the one that
 * asks him to act, and the words it says carry what she said with her score.
 */
describe('a deputy’s last WeChat notice is kept for what asks him to act', function () {
  this.timeout(60_000)
  let app: App
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  async function zhangWithNotices(times: number) {
    const { body } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: body.code })).status).to.equal(200)
    await subscribe(zhang, 'accept', times)
    return zhang
  }
  const drain = () => app.liaison.services.dispatcher.drain()
  /** The titles of the cards 张伟 has had, in order. */
  const zhangsCards = () =>
    app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .map((m) => `${m.data.thing1.value}｜${m.data.thing3.value}`)
  const ok = (answer: { status: number; body: unknown }) => expect(answer.status, JSON.stringify(answer.body)).to.be.oneOf([200, 201])

  it('she rates 2 and asks again: one card, 留言重新办理, which says her score and her words', async () => {
    const zhang = await zhangWithNotices(2)
    const wang = await loginAs(app, 'o-wang-ayi')
    await wang.post('/api/mp/consent', { version: 'v3' })
    const { body: c } = await wang.post('/api/mp/cases', { text: '我们楼下的路灯坏了两个星期了', regionId: 'c010101', deputyCode: 'DP0001' })
    await drain()
    ok(await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系供电所，这周五前修好，请您放心。' }))
    await drain()
    ok(await wang.post(`/api/mp/cases/${c.id}/rate`, { rating: 2, comment: '说了修，还是没修' }))
    await drain()
    expect(zhangsCards(), 'the score waits: it would take his last notice').to.deep.equal(['新留言待受理｜请在11月24日上午10:00前受理'])
    const waiting = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.rated' })).items
    expect(
      waiting.map((m) => m.waitingReason),
      'the office reads why',
    ).to.deep.equal(['订阅消息只剩一次，留给需要对方办理的通知；对方再订阅后发送'])

    app.clock.advance(MINUTE)
    ok(await wang.post(`/api/mp/cases/${c.id}/reopen`, { reason: '灯还是不亮' }))
    await drain()
    expect(zhangsCards(), 'one card for what she did, asking him to act').to.deep.equal([
      '新留言待受理｜请在11月24日上午10:00前受理',
      '留言重新办理｜群众不满意（2 分），请重新受理',
    ])
    const toZhang = (await app.liaison.store.outbox.search({ limit: 50, recipientId: 'dp0001' })).items
    const reopened = toZhang.find((m) => m.kind === 'case.reopened')!
    expect(reopened.payload.text).to.match(/^张伟代表，留言 \S+ 群众不满意（2 分），已重新交您办理：灯还是不亮。群众评价时说：说了修，还是没修。请在/)
    expect(
      toZhang.filter((m) => m.kind === 'case.rated'),
      'the score is no longer waiting',
    ).to.deep.equal([])

    // He says yes again, days later: nothing stale ("获得 2 分评价") comes after the reopen.
    await subscribe(zhang, 'accept', 2)
    app.clock.advance(24 * 60 * MINUTE)
    await drain()
    expect(zhangsCards().filter((t) => t.startsWith('群众已评价'))).to.deep.equal([])
  })

  it('in one round, a new message and a 催办 take his two notices before a score written earlier', async () => {
    const zhang = await zhangWithNotices(3)
    const wang = await loginAs(app, 'o-wang-ayi')
    await wang.post('/api/mp/consent', { version: 'v3' })
    const write = async (text: string) => (await wang.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })).body as { id: string }
    const a = await write('我们楼下的路灯坏了两个星期了')
    await drain()
    ok(await zhang.post(`/api/mp/deputy/cases/${a.id}/reply`, { text: '已联系供电所，这周五前修好，请您放心。' }))
    await drain()
    expect(zhangsCards()).to.have.length(1)

    // Written first: her score of 4 (no 重新办理 for it); then a new message, and the station presses him on it.
    ok(await wang.post(`/api/mp/cases/${a.id}/rate`, { rating: 4 }))
    app.clock.advance(MINUTE)
    const b = await write('小区门口的垃圾好几天没人清运')
    app.clock.advance(MINUTE)
    ok(await (await asStaff(app, 'lina')).post(`/api/admin/cases/${b.id}/urge`, { note: '群众又打电话来问了' }))
    await drain()

    expect(
      zhangsCards()
        .slice(1)
        .map((t) => t.split('｜')[0]),
      'what asks him to act first',
    ).to.deep.equal(['新留言待受理', '留言催办'])
    const rated = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.rated' })).items
    expect(
      rated.map((m) => m.status),
      'the score waits for his next yes',
    ).to.deep.equal(['pending'])
  })
})
