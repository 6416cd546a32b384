import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 is 66. His workbench told him "还能通知 1 次。微信规定每同意一次只能通知一次，用完请再点下面的按钮": a count of
 * WeChat's one-time yeses for him to keep. It now leads with what needs no counting, his WeChat chat with the 留言小助手:
 * while it is not bound, how to bind it comes first (with why), and the yes to WeChat second; while the next new message
 * may reach him by no way, it says so in plain words. Bound, it says so, and offers no yes to count.
 */
describe('mini-program: a deputy hears of new messages without counting', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  /** A count of notices anywhere on his page ("还能通知 1 次", "3 条"): what he must never have to keep. */
  const noCount = (workbench: MpPage) => {
    expect(workbench.text(), 'no number of notices to keep track of').not.to.match(/还能|\d+\s*[次条]/)
  }

  it('with no yes left and his chat not bound: the card says the next may not reach him, and leads with binding the chat', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    const card = workbench.textOf('.notices')
    expect(card.startsWith('下次新留言可能收不到通知。绑定微信聊天后，新留言会直接发到您的微信聊天里，不用再点允许。'), card).to.equal(true)
    expect(workbench.textOf('.notice-warning')).to.equal('下次新留言可能收不到通知。')
    // The one thing to do is the filled button right under it; WeChat's yes is second, and plain.
    expect(workbench.buttonLook('.chat-code')).to.equal('filled')
    expect(workbench.buttonLook('#subscribe-notices')).to.equal('plain')
    const buttons = Array.from(workbench.component.querySelector('.notices').dom.querySelectorAll('wx-button') as ArrayLike<HTMLElement>)
    expect(buttons.map((b) => String(b.textContent).trim())).to.deep.equal(['绑定微信聊天', '开通微信通知'])
    expect(workbench.textOf('.notice-text')).to.equal('不绑定的话，也可以点“开通微信通知”，微信问您时点“允许”。')
    noCount(workbench)
  })

  it('saying yes to WeChat shows no count: the warning stays while one yes is left, and goes with more', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('#subscribe-notices')
    expect(workbench.textOf('#notices-subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')
    // One yes: a 催办 or a meeting notice may take it before the next new message comes.
    expect(workbench.textOf('.notice-warning')).to.equal('下次新留言可能收不到通知。')
    noCount(workbench)

    await workbench.tap('#subscribe-notices')
    expect(workbench.has('.notice-warning'), 'enough yeses: nothing to warn of').to.equal(false)
    expect(workbench.textOf('.notice-text')).to.equal('现在有新留言时，会发微信通知给您。')
    // The chat still leads the card: it is what spares him saying yes again and again.
    expect(workbench.textOf('.notices').startsWith('绑定微信聊天后，新留言会直接发到您的微信聊天里')).to.equal(true)
    noCount(workbench)
  })

  it('his chat bound: the card says so in words, asks for no yes, and new messages still reach him', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    // One yes left from before: it is spent first, and the chat takes the rest.
    await workbench.tap('#subscribe-notices')
    await workbench.tap('.chat-code')
    const words = workbench.textOf('.chat-words')
    const botApi = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    const { personId } = (await botApi.post('/api/bot/people/resolve', { contactId: 'wx-zhangwei' })).body
    expect((await botApi.post(`/api/bot/people/${personId}/bind`, { code: words.slice(3), name: '张伟' })).body.deputy).to.include({ code: 'DP0001' })

    await workbench.show()
    expect(workbench.textOf('.notices')).to.equal('新留言会发到您的微信聊天里（已绑定），请留意“留言小助手”发来的消息。')
    expect(workbench.has('#subscribe-notices'), 'no yes to count').to.equal(false)
    expect(workbench.has('.chat-code')).to.equal(false)
    expect(workbench.has('.notice-warning')).to.equal(false)
    noCount(workbench)

    // Without the button nothing is lost: the first new message takes the yes left, the second comes to his chat.
    const resident = await asResident(app)
    await created(resident.post('/api/mp/cases', { text: '学校门口没有斑马线', regionId: 'c010101', deputyCode: 'DP0001' }))
    await created(resident.post('/api/mp/cases', { text: '小区路灯坏了好几盏', regionId: 'c010101', deputyCode: 'DP0001' }))
    await app.liaison.services.dispatcher.drain()
    expect(app.fake.sent().filter((m) => m.touser === 'o-deputy-dp0001')).to.have.length(1)
    const leased = (await botApi.post('/api/bot/outbox/lease', { limit: 20 })).body.items as Array<{ channel: string; address: string }>
    expect(leased.filter((m) => m.channel === 'bot_private' && m.address === 'wx-zhangwei')).to.have.length(1)
  })
})
