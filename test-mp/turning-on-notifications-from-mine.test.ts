import { expect } from 'chai'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * An elderly resident opens 我的 and taps 开通微信通知. WeChat opens its own question only from
 * the tap itself (never after the page has waited for the network), so the page must have what
 * to ask for ready before she taps; and whatever WeChat answers, the page says in words.
 */
describe('mini-program: turning on WeChat notifications from 我的', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('opens WeChat’s own question at her tap, and says they are on once she agrees', async () => {
    holdPhone(app, 'o-notify-yes')
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(phone.subscribeAsked, 'WeChat’s question opened').to.deep.equal([[TEMPLATE]])
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
    const user = await app.liaison.store.mpUsers.getByOpenid('o-notify-yes')
    expect(await app.liaison.store.subscriptions.get(user!.id, TEMPLATE)).to.deep.include({ oneTime: 1 })
  })

  it('says they are not on when she says no, and that she may tap again', async () => {
    holdPhone(app, 'o-notify-no')
    phone.subscribeAnswer = 'reject'
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.equal('没有开通。需要时可以再点一次。')
  })

  it('tells her where to switch them back on when she turned them off in WeChat', async () => {
    holdPhone(app, 'o-notify-switched-off')
    phone.subscribeAnswer = 'switched-off'
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.include('您在微信里关掉了这个小程序的通知').and.include('选“设置”')
  })
})
