import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 张伟 opens 每日摘要设置 without having chosen a time: 「按联络站统一时间」 says what that time is, so he need not guess
 * whether to pick one. Days off are one switch with one fixed label, “休息日也发送”, and its state in words beside
 * the knob, “已打开” and, after a tap, “已关闭” — never a label that flips to “休息日不发” beside a knob drawn off,
 * a double negative to work out (review 36, finding 2).
 */
describe('mini-program: his digest page says the station’s time and days off plainly', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('按联络站统一时间（08:00）; 休息日也发送 已打开, then 已关闭', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    expect(page.textOf('.send-time')).to.equal('发送时间按联络站统一时间（08:00） ›')
    expect(page.textOf('.weekends')).to.equal('休息日也发送已打开')
    expect(page.text()).not.to.include('未开启').and.not.include('已开启')

    await page.tap('.weekends')
    expect(page.textOf('.weekends')).to.equal('休息日也发送已关闭')
    expect(page.text()).not.to.include('休息日不发')
    await page.tap('.save')
    expect(page.text()).to.include('已保存')
    const again = await openPage('pages/deputy/digest')
    expect(again.textOf('.weekends'), 'as saved').to.equal('休息日也发送已关闭')
    expect(again.textOf('.send-time')).to.equal('发送时间按联络站统一时间（08:00） ›')
  })
})
