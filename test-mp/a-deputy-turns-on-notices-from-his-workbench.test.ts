import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 uses only the mini-program. Until he says yes to WeChat's question (or binds his chat) nothing reaches him: no
 * new message, no 催办. His workbench must say so plainly and offer the button that asks WeChat, after the chat's;
 * if he says no, it tells him how he will hear all the same (the station phones; or the 绑定微信聊天 button above it).
 */
describe('mini-program: a deputy turns on notices from his workbench', () => {
  let app: Backend
  beforeEach(async () => {
    // The chat account by the nickname the office gave it (config bot.nickname): what he is told to add.
    app = await startBackend({ bot: { nickname: '湛河人大联络站' } })
  })
  afterEach(() => app.close())

  it('says he will not be told, asks WeChat at his tap, and then a new message reaches his WeChat', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.notice-warning')).to.equal('下次新留言可能收不到通知。')
    expect(workbench.textOf('.notice-text')).to.equal('不绑定的话，也可以点“开通微信通知”，微信问您时点“允许”。')

    await workbench.tap('#subscribe-notices')
    expect(phone.subscribeAsked, 'WeChat’s question, for the deputy’s templates, at his tap').to.deep.equal([[TEMPLATE]])
    expect(workbench.textOf('#notices-subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')
    expect(workbench.text(), 'no count of notices for him to keep').not.to.include('还能通知')

    await created((await asResident(app)).post('/api/mp/cases', { text: '学校门口没有斑马线', regionId: 'c010101', deputyCode: 'DP0001' }))
    await app.liaison.services.dispatcher.drain()
    expect(
      app.fake.sent().map((m) => m.touser),
      'the new message reached his WeChat',
    ).to.include('o-deputy-dp0001')
  })

  it('if he says no: the station will phone him, or the 绑定微信聊天 button above (the chat by its nickname), not a code from the station', async () => {
    await phoneOfZhang(app)
    phone.subscribeAnswer = 'reject'
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('#subscribe-notices')
    // The chat is offered once, by the offer under it with its button, not a second time in this line.
    expect(workbench.textOf('#notices-subscribed')).to.equal('没有开通。有新留言时，联络站工作人员会打电话告诉您。')
    expect(workbench.text(), 'one way to the chat on the card: the button, not the station’s code').not.to.include('绑定码')
    expect(workbench.has('.chat-code'), 'the button the words point to').to.equal(true)
    expect(workbench.textOf('.chat-offer')).to.include('“湛河人大联络站”')
    expect(workbench.textOf('.notice-warning')).to.equal('下次新留言可能收不到通知。')
  })
})
