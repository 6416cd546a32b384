import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'
import type { TestApp } from '../helpers/app.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

const DAY = 24 * 3_600_000

/**
 * 张伟 uses the mini-program: when 李娜 pauses his new messages (暂停接收留言), a card tells him the dates; when a
 * pause he was never told of (no notice left to send then) has been ended before he says yes again, only the end
 * reaches him, not the stale pause.
 */
describe('the card telling a deputy his new messages are paused', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 2026-11-23 10:00 in Shanghai
  })
  afterEach(() => app.close())

  async function zhang(times: number) {
    const { body } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    const deputy = await loginAs(app, 'o-zhangwei')
    expect((await deputy.post('/api/mp/bind', { bindCode: body.code })).status).to.equal(200)
    await subscribe(deputy, 'accept', times)
    return deputy
  }
  const cards = () =>
    app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .map((m) => `${m.data.thing1.value}｜${m.data.thing3.value}`)
  const drain = () => app.liaison.services.dispatcher.drain()
  const LEAVE = { from: '2026-11-30', until: '2026-12-04', reason: 'study', note: '省里培训' }

  it('says the dates on the card', async () => {
    await zhang(2)
    const lina = await asStaff(app, 'lina')
    expect((await lina.put('/api/admin/deputies/dp0001/away', LEAVE)).status).to.equal(200)
    await drain()
    expect(cards()).to.deep.equal(['暂停接收新留言｜11月30日至12月4日暂停接收新留言'])
  })

  it('sends only the end of a pause that was ended before it could reach him', async () => {
    const deputy = await zhang(0)
    const lina = await asStaff(app, 'lina')
    expect((await lina.put('/api/admin/deputies/dp0001/away', LEAVE)).status).to.equal(200)
    await drain()
    app.clock.advance(DAY)
    // The next day: a fresh console session.
    expect((await (await asStaff(app, 'lina')).request('DELETE', '/api/admin/deputies/dp0001/away')).status).to.equal(200)
    await subscribe(deputy, 'accept', 2)
    app.clock.advance(DAY)
    await drain()
    expect(cards()).to.deep.equal(['恢复接收新留言｜已取消11月30日至12月4日的暂停'])
  })
})
