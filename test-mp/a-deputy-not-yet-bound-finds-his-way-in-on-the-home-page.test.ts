import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'

/**
 * Review 37, finding 17. 李娜 gives 刘建国 his binding code. Before he is bound the home page had nothing for him: the
 * only way in was the last line of 我的, so her instruction had to be "点我的，拉到最下面…". The home page now has one
 * quiet line for deputies on its first screen, under what residents come for (a line of text, not a button), which
 * opens the binding form. A bound deputy has his 代表工作台 button there instead, and no such line.
 */
describe('mini-program: a deputy not yet bound finds his way in on the home page', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('我是人大代表 on the home page, quietly, leading to the binding form; once bound, 代表工作台 instead', async () => {
    holdPhone(app, 'o-liu-not-bound')
    const home = await openPage('pages/index/index')
    expect(home.textOf('#deputy-entry')).to.equal('我是人大代表，用绑定码绑定代表身份 ›')
    // In 关怀模式 the line wraps: the arrow stays with its last words, and the line is not one button high per line.
    expect(home.textOf('#deputy-entry .keep-together'), 'the arrow kept with its words').to.equal('绑定代表身份 ›')
    expect(declarations('pages/index/index.wxss', '.keep-together').get('white-space')).to.equal('nowrap')
    expect(declarations('pages/index/index.wxss', '.deputy-entry').get('line-height'), 'a text line, not a button’s height').to.equal('1.4')
    // Quiet: under 找我的代表 and 扫一扫, above the list of entries; the one filled button stays 找我的代表.
    const text = home.text()
    expect(text.indexOf('扫一扫二维码')).to.be.below(text.indexOf('我是人大代表'))
    expect(text.indexOf('我是人大代表')).to.be.below(text.indexOf('我的留言'))
    expect(home.buttonLook('#find')).to.equal('filled')
    await home.tap('#deputy-entry')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateTo', url: '/pages/deputy/index' })
    const bench = await follow()
    expect(bench.text()).to.include('绑定代表身份').and.include('6 位数字绑定码')

    // Bound, on his own phone: 代表工作台, and the line is gone.
    await asDeputy(app, 'dp0001')
    holdPhone(app, 'o-deputy-dp0001')
    const his = await openPage('pages/index/index')
    expect(his.has('#workbench')).to.equal(true)
    expect(his.has('#deputy-entry')).to.equal(false)
  })
})
