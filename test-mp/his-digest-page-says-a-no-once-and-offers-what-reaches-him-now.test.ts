import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { phoneOfZhang } from './office.js'

const BOT = '留言小助手'
const times = (text: string, words: string) => text.split(words).length - 1

/**
 * Review 37, findings 16 and 17. 张伟 picks 只发小程序消息 and says no to WeChat's question: the page said he gets no
 * digest three times (the box, a line under it, the grey note). Now the box says it and his no is said once, inside it,
 * under the button he tapped. And with 小程序消息 on, 只发微信私聊 (his chat not joined yet) offered only the chat,
 * days away: now it offers 改为“自动”, which reaches him at once, and the chat as the second way.
 */
describe('mini-program: his digest page says his no once and offers what reaches him now', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a no to 开通小程序消息 is said once, in the box, under its button', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-mp_subscribe')
    phone.subscribeAnswer = 'reject'
    await page.tap('#subscribe-digest')
    expect(page.textOf('.blocked')).to.equal('这样设置您现在收不到摘要：小程序消息现在没有开通。开通小程序消息这次没有开通。需要时可以再点一次。')
    expect(page.has('.blocked #digest-subscribed'), 'inside the box').to.equal(true)
    expect(times(page.text(), '收不到'), 'that he gets none, said once').to.equal(1)
    expect(page.textOf('.channels-note')).to.equal(`自动：先发小程序消息，没开通时发微信私聊（${BOT}）。`)
  })

  it('said yes, the box is gone and what the yes covers is said in its place; the note says all again', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-mp_subscribe')
    await page.tap('#subscribe-digest')
    expect(page.has('.blocked')).to.equal(false)
    expect(page.textOf('#digest-subscribed')).to.include('已开通。微信规定点一次“允许”只能收到一次通知；想每天都收到，请改为“自动”')
    expect(page.textOf('.channels-note')).to.include('只发一种时，那一种没开通就收不到')
  })

  it('只发微信私聊 while 小程序消息 reaches him: 改为“自动” first, the chat as the second way', async () => {
    await phoneOfZhang(app)
    const page = await openPage('pages/deputy/digest')
    await page.tap('.way-mp_subscribe')
    await page.tap('#subscribe-digest')
    await page.tap('.way-bot_private')
    expect(page.textOf('.blocked-words')).to.equal(`这样设置您现在收不到摘要：您还没有在微信里加“${BOT}”为好友。`)
    expect(page.has('#use-auto')).to.equal(true)
    expect(page.textOf('.blocked')).to.include('改为“自动”')
    expect(page.textOf('.blocked-also')).to.equal(`想只用微信私聊，请回到“代表工作台”，点“绑定微信聊天”，把给您的那句话发给“${BOT}”。`)
    await page.tap('#use-auto')
    expect(page.textOf('.way-auto')).to.equal('自动（哪个能收到就用哪个）✓ 已选')
    expect(page.has('.blocked'), '自动 reaches him by the mini-program').to.equal(false)
  })
})
