import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/** Where each of `words` first stands on the page, in order of the words given. */
const places = (text: string, words: string[]) => words.map((w) => text.indexOf(w))

/**
 * 赵阿姨, 71, opens 我的. It leads with her own things: 我的留言 and 我的信息, then 关怀模式 and her
 * WeChat notices. "我是人大代表" is for the few who are deputies: it stands last, under its own
 * heading, not between 关怀模式 and 我的留言. A deputy still finds 代表工作台 first.
 */
describe('mini-program: 我的 leads with her own things', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('a resident: 我的留言 and 我的信息 first; 我是人大代表 last, under 人大代表专用', async () => {
    holdPhone(app, 'o-zhao-mine')
    phone.storage.set('care.mode', 'on')
    const mine = await openPage('pages/mine/index')
    const at = places(mine.text(), ['我的留言', '我的信息', '关怀模式', '微信通知', '人大代表专用', '我是人大代表'])
    expect(
      at.every((p) => p >= 0),
      mine.text(),
    ).to.equal(true)
    expect(at, 'in this order down the page').to.deep.equal([...at].sort((a, b) => a - b))
    expect(mine.text().trim().endsWith('用工作人员给的绑定码绑定代表身份'), 'the last thing on her page').to.equal(true)
    await mine.tap('#bind')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/deputy/index' })
  })

  it('a deputy: 代表工作台 first, and no 人大代表专用 row at the foot', async () => {
    await asDeputy(app, 'dp0002')
    holdPhone(app, 'o-deputy-dp0002')
    const mine = await openPage('pages/mine/index')
    expect(mine.text().indexOf('代表工作台')).to.be.below(mine.text().indexOf('我的留言'))
    expect(mine.text()).not.to.include('人大代表专用')
  })
})
