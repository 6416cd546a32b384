import { expect } from 'chai'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { Client } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { phoneOfZhang } from './office.js'

/**
 * Review 37, finding 4. 张伟 bound his mini-program with the code from his station. His workbench never mentioned the
 * chat (联络助手) that can bring him new messages and take his answers: only the words shown when he declined WeChat's
 * notices did, and then as "ask the station for a code". It now offers it while his chat is not bound: 绑定微信聊天
 * gives him the words to send, by the chat account's name, to copy; once his chat is bound with them, the offer goes.
 */
describe('mini-program: his workbench offers the chat he has not bound', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('绑定微信聊天 gives the words to send; sent, the offer is gone', async () => {
    await phoneOfZhang(app)
    // The chat account by the nickname people find it by (config bot.nickname, told in the settings).
    const bot = String((await new Client(app.baseUrl).get('/api/mp/settings')).body.botName)
    const workbench = await openPage('pages/deputy/index')
    // Review 37, finding 21: the button by its name (the card has two), and that the sentence comes after the tap.
    expect(workbench.textOf('.chat-offer')).to.equal(
      `绑定微信聊天后，新留言会直接发到您的微信聊天里，不用再点允许。点“绑定微信聊天”，会给您一句话，把它发给“${bot}”就行。`,
    )
    await workbench.tap('.chat-code')
    expect(workbench.has('.chat-offer'), 'the words and what to do with them say it now').to.equal(false)
    const words = workbench.textOf('.chat-words')
    expect(words).to.match(/^绑定 \d{6}$/)
    expect(workbench.textOf('.chat-hint')).to.equal(`请在微信里找到“${bot}”，把上面这句话发给它。30 分钟内有效，只能用一次；这句话只给您自己用，不要告诉别人。`)
    await workbench.tap('.chat-copy')
    expect(phone.clipboard).to.equal(words)

    // He sends them in the chat (the bot's own call): his chat is bound as him.
    const botApi = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    const { personId } = (await botApi.post('/api/bot/people/resolve', { contactId: 'wx-zhangwei' })).body
    const bound = await botApi.post(`/api/bot/people/${personId}/bind`, { code: words.slice(3), name: '张伟' })
    expect(bound.body.deputy).to.include({ code: 'DP0001' })

    await workbench.show()
    expect(workbench.has('.chat-offer')).to.equal(false)
    expect(workbench.has('.chat-code')).to.equal(false)
  })

  it('words past their 30 minutes go when he comes back to the page, and 绑定微信聊天 is offered again, saying why', async () => {
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('.chat-code')
    expect(workbench.textOf('.chat-words')).to.match(/^绑定 \d{6}$/)
    await workbench.show()
    expect(workbench.textOf('.chat-words'), 'still good a moment later').to.match(/^绑定 \d{6}$/)

    // He comes back to the page 31 minutes later, by the phone's clock.
    const realNow = Date.now
    Date.now = () => realNow() + 31 * 60 * 1000
    try {
      await workbench.show()
    } finally {
      Date.now = realNow
    }
    expect(workbench.has('.chat-words')).to.equal(false)
    expect(workbench.has('.chat-code'), '绑定微信聊天 again').to.equal(true)
    // A normal timeout: said in place of the offer, above the button, not in red under it repeating the offer.
    expect(workbench.textOf('.chat-offer')).to.equal('刚才给您的那句话已经过期了。请再点一次“绑定微信聊天”，拿一句新的。')
    expect(workbench.has('.chat-error'), 'not an error').to.equal(false)
    await workbench.tap('.chat-code')
    expect(workbench.textOf('.chat-words')).to.match(/^绑定 \d{6}$/)
    expect(workbench.has('.chat-error')).to.equal(false)
  })
})
