import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { MP_ROOT } from './harness/runtime.js'
import { asDeputy } from '../test/helpers/app.js'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, letAnswersThrough, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'

// The mini-program is CommonJS, as WeChat loads it.
const { weekdays } = createRequire(import.meta.url)('../miniprogram/utils/words.js') as { weekdays(days: string[]): string }

/** The 关怀模式 class on the page's shell (its classes carry miniprogram-simulate's component prefix). */
const careOn = (page: MpPage) => {
  const shell = page.root.querySelector('[data-care]')
  return shell?.getAttribute('data-care') === 'on' && Array.from(shell.classList).some((c) => /(^|--)care$/.test(c))
}

describe('mini-program: 找我的代表', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('picks the place, remembers it, and lists the stations covering it; a station opens its card', async () => {
    const find = await openPage('pages/find/index')
    expect(find.text()).to.include('点这里选择社区')
    await find.emit('#place', 'change', { value: find.data.placeLabels.indexOf('湛河区 轻工街道 光明社区') })
    expect(find.text()).to.include('光明社区代表联络点').and.include('轻工街道代表联络站').and.include('负责您所在的地方').and.include('每星期五接待')
    // The day named as every date in the app names it (12月2日（星期三）), not 周五; several days in the week's order.
    expect(weekdays(['wed', 'mon'])).to.equal('每星期一、星期三')
    expect(weekdays([]), 'no day: no 接待日 line, and no hours made up').to.equal('')

    const again = await openPage('pages/find/index')
    expect(again.text()).to.include('湛河区 轻工街道 光明社区').and.include('光明社区代表联络点')
    await again.tap('#station-ST003')
    const card = await follow()
    expect(card.text()).to.include('光明社区代表联络点').and.include('刘洋').and.include('给代表留言')
  })
})

describe('mini-program: 我的 and 关怀模式', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('sizes 关怀模式 by the MIIT rules: body ≥ 18 pt, line spacing ≥ 1.3, tap targets ≥ 60 dp', () => {
    const wxss = readFileSync(`${MP_ROOT}/app.wxss`, 'utf8')
    const care = wxss.slice(wxss.indexOf('.shell.care {'), wxss.indexOf('}', wxss.indexOf('.shell.care {')))
    const token = (name: string) =>
      care
        .match(new RegExp(`${name}:\\s*(?:600 )?(\\d+)rpx\\s*/\\s*(\\d+)rpx`))!
        .slice(1)
        .map(Number)
    // On a 375-point phone 750rpx fill the width: 2rpx are one point (pt) or one dp.
    for (const name of ['--td-font-body-large', '--td-font-body-medium', '--td-font-mark-large']) {
      const [size, lineHeight] = token(name)
      expect(size / 2, `${name} size`).to.be.at.least(18)
      expect(lineHeight / size, `${name} line spacing`).to.be.at.least(1.3)
    }
    expect(Number(care.match(/--td-button-medium-height:\s*(\d+)rpx/)![1]) / 2).to.be.at.least(60)
    expect(Number(care.match(/\bfont-size:\s*(\d+)rpx/)![1]) / 2).to.be.at.least(18)
    expect(Number(care.match(/line-height:\s*([\d.]+);/)![1])).to.be.at.least(1.3)
  })

  it("turns 关怀模式 on by itself when the phone's font is large", async () => {
    holdPhone(app, 'o-care-auto')
    const standard = await openPage('pages/index/index')
    expect(careOn(standard)).to.equal(false)
    phone.fontSizeSetting = 24
    const large = await openPage('pages/index/index')
    expect(careOn(large)).to.equal(true)
    const mine = await openPage('pages/mine/index')
    expect(mine.text()).to.include('已打开：字更大、按钮更大').and.include('您手机的字体较大，已自动打开')
  })

  it('turns 关怀模式 on with the switch in 我的, remembered on every page after', async () => {
    holdPhone(app, 'o-care-switch')
    const mine = await openPage('pages/mine/index')
    expect(mine.text()).to.include('您好')
    expect(careOn(mine)).to.equal(false)
    await mine.emit('#care', 'change', { value: true })
    expect(careOn(mine)).to.equal(true)
    expect(mine.text()).to.include('已打开')
    const list = await openPage('pages/case/list')
    expect(careOn(list)).to.equal(true)
    await mine.emit('#care', 'change', { value: false })
    phone.fontSizeSetting = 24
    expect(careOn(await openPage('pages/case/new'))).to.equal(false, "the person's own choice wins over the phone's font")
  })

  it('asks for WeChat notifications from 我的 and records the answer', async () => {
    holdPhone(app, 'o-mine-subscribe')
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
    const user = await app.liaison.store.mpUsers.getByOpenid('o-mine-subscribe')
    expect(await app.liaison.store.subscriptions.get(user!.id, TEMPLATE)).to.deep.include({ oneTime: 1 })
  })

  it('shows a deputy who they are here, with the way to the workbench on 我的 and on the home page', async () => {
    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const mine = await openPage('pages/mine/index')
    expect(mine.text()).to.include('王芳 代表').and.include('代表工作台').and.include('已绑定代表身份')
    const home = await openPage('pages/index/index')
    await home.tap('#workbench')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/deputy/index' })
  })

  it('says 正在加载… while 我的 is on its way over a slow network, then who she is', async () => {
    holdPhone(app, 'o-mine-slow')
    phone.slowNetwork = true
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#loading')).to.equal('正在加载…')
    await letAnswersThrough()
    expect(mine.text()).to.include('您好').and.not.include('正在加载')
  })

  it('offers a resident the binding for deputies', async () => {
    holdPhone(app, 'o-mine-resident')
    const mine = await openPage('pages/mine/index')
    expect(mine.text()).to.include('您好').and.include('我是人大代表')
    await mine.tap('#bind')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/deputy/index' })
  })
})
