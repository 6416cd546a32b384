import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { TestApp } from '../helpers/app.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

const HOUR = 3_600_000

/**
 * The WeChat card of a message a colleague hands to a deputy says who and why, not 新留言待受理: 王芳 reads
 * "张伟代表转来：这件事王芳代表更熟悉", and when she hands it back 张伟 reads "王芳代表交回：…", each with the time
 * to 受理 it that starts with the hand-over.
 */
describe('the card of a message handed over by a colleague', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 2026-11-23 10:00 in Shanghai
  })
  afterEach(() => app.close())

  async function bound(deputyId: string, openid: string) {
    const { body } = await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)
    const deputy = await loginAs(app, openid)
    expect((await deputy.post('/api/mp/bind', { bindCode: body.code })).status).to.equal(200)
    await subscribe(deputy, 'accept', 5)
    return deputy
  }
  const cardsTo = (openid: string) =>
    app.fake
      .sent()
      .filter((m) => m.touser === openid)
      .map((m) => `${m.data.thing1.value}｜${m.data.thing3.value}`)

  it('says 张伟代表转来 / 王芳代表交回 and why, with the new time to 受理', async () => {
    const zhang = await bound('dp0001', 'o-zhangwei')
    const wang = await bound('dp0002', 'o-wangfang')
    const resident = await loginAs(app, 'o-wang-ayi')
    await resident.post('/api/mp/consent', { version: 'v3' })
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区东门的路灯坏了半个月了', regionId: 'c010101', deputyCode: 'DP0001' })
    const drain = () => app.liaison.services.dispatcher.drain()
    await drain()

    app.clock.advance(2 * HOUR)
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '这件事王芳代表更熟悉' })).status).to.equal(200)
    await drain()
    app.clock.advance(HOUR)
    expect((await wang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0001', reason: '还是张代表就近办理更方便。' })).status).to.equal(200)
    await drain()

    expect(cardsTo('o-wangfang')).to.deep.equal(['张伟代表转来：这件事王芳代表更熟悉｜请在11月24日中午12:00前受理'])
    expect(cardsTo('o-zhangwei')).to.deep.equal([
      '新留言待受理｜请在11月24日上午10:00前受理',
      '王芳代表交回：还是张代表就近办理更方便｜请在11月24日下午1:00前受理',
    ])
  })
})
