import { expect } from 'chai'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

const NO = '没有开通。需要时可以再点一次。'

/**
 * 王阿姨 taps 开通微信通知 on 我的 and says no to WeChat's question. Two lines said the same thing: 还没有开通微信通知。 above
 * the button and 没有开通。需要时可以再点一次 under it. Her no is said once, where she tapped; with some notices still on
 * (已开通：下一条答复或通知…), the line above stays true and her no says only that this tap added none.
 */
describe('mini-program: 我的 says her no to notices once', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('never turned on: one line says 没有开通, where she tapped', async () => {
    holdPhone(app, 'o-wang-no-once')
    phone.subscribeAnswer = 'reject'
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal('还没有开通微信通知。')
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.equal(NO)
    expect(mine.has('#notices-on'), 'not said again above the button').to.equal(false)
    expect(mine.text().match(/没有开通/g), 'one line').to.have.length(1)
    await mine.show()
    expect(mine.text().match(/没有开通/g), 'and when she comes back to 我的').to.have.length(1)
  })

  it('switched off in WeChat, or all used up: the line where she tapped says it alone', async () => {
    holdPhone(app, 'o-wang-switched-off')
    phone.subscribeAnswer = 'switched-off'
    const off = await openPage('pages/mine/index')
    await off.tap('#subscribe')
    expect(off.textOf('#subscribed')).to.include('您在微信里关掉了这个小程序的通知')
    expect(off.text()).not.to.include('还没有开通微信通知')

    holdPhone(app, 'o-wang-used-up')
    phone.subscribeAnswer = 'accept'
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    const user = await app.liaison.store.mpUsers.getByOpenid('o-wang-used-up')
    await app.liaison.store.subscriptions.consume(user!.id, TEMPLATE, app.clock.now())
    const later = await openPage('pages/mine/index')
    expect(later.textOf('#notices-on')).to.equal('以前开通的微信通知已经用完了，现在收不到。想收到，请点“开通微信通知”。')
    phone.subscribeAnswer = 'reject'
    await later.tap('#subscribe')
    expect(later.textOf('#subscribed')).to.equal(NO)
    expect(later.text()).not.to.include('现在收不到')
  })

  it('one still on: the line above keeps it, and her no says this tap added none', async () => {
    holdPhone(app, 'o-wang-one-left')
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    phone.subscribeAnswer = 'reject'
    await mine.tap('#subscribe')
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
    expect(mine.textOf('#subscribed')).to.equal('这次没有再开通，原来开通的还能用。需要时可以再点一次。')
  })
})
