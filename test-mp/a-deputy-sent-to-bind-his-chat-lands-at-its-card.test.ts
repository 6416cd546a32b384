import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 is 66. His 我的 tells him his chat is not bound and offers 去绑定微信聊天; it opened his workbench at its top, where
 * his 待办 fill the screen and the card that binds the chat is below them: he had to know to scroll, and did not. The
 * button now opens the workbench at that card, headed 微信通知 as on 我的 and framed (a steady frame, nothing blinking);
 * coming back to the page later, it stays where he left it, and opened any other way it starts at the top.
 */
describe('mini-program: a deputy sent to bind his chat lands at its card', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('去绑定微信聊天 on 我的 opens his workbench at the 微信通知 card, under his 待办, once', async () => {
    await phoneOfZhang(app)
    // A new message for him: his 待办 come first on the workbench, above the card.
    const fresh = await created((await asResident(app)).post('/api/mp/cases', { text: '学校门口没有斑马线', regionId: 'c010101', deputyCode: 'DP0001' }))
    const mine = await openPage('pages/mine/index')
    phone.navigations = []
    await mine.tap('#bind-chat')
    const workbench = await follow()

    // The screen goes to the card, by a selector that names it, once it is drawn: its heading, then 绑定微信聊天.
    expect(phone.scrolls, 'the screen brought to the chat card').to.deep.equal([{ selector: '#chat-card', scrollTop: undefined }])
    expect(workbench.textOf('#chat-card .section-title')).to.equal('微信通知')
    expect(workbench.textOf('#chat-card .btn')).to.equal('绑定微信聊天')
    expect(workbench.buttonLook('#chat-card .chat-code'), 'the one thing to tap there').to.equal('filled')
    expect(workbench.has('#chat-card .notices.meant'), 'the card he was sent to, framed').to.equal(true)
    const all = workbench.text()
    expect(all.indexOf('微信通知'), 'below his 待办: out of sight had the page opened at its top').to.be.above(all.indexOf(fresh.ticket))

    // Back from a message he opened: the page stays where he is, no second jump.
    await workbench.show()
    expect(phone.scrolls).to.have.length(1)
  })

  it('opened any other way, the workbench starts at its top, the card named but not framed', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    expect(phone.scrolls).to.deep.equal([])
    expect(workbench.textOf('#chat-card .section-title')).to.equal('微信通知')
    expect(workbench.has('.notices.meant')).to.equal(false)
  })
})
