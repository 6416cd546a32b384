import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { joinHerChat } from '../test/helpers/chat-join.js'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

const BOT = '留言小助手'

/**
 * Review 37, findings 18 and 26. 王阿姨 joined her WeChat chat to the mini-program: 我的 said only “还没有开通微信通知。”,
 * true, but the chat does bring her the deputy's answers, and she may think nothing comes. It now says so (and since
 * round 49 says only that, as a deputy's bound chat is said). Her no to
 * WeChat's question sat in a white card that looked like the button above it: now a line of text. And 我的信息, offline or
 * still loading, said “您同意过的说明，随时可以再看” and offered 导出 / 撤回同意 / 删除 over nothing known: now only what
 * did not come and 再试一次, the rest once it has.
 */
describe('mini-program: 我的 names the chat that brings her answers, and 我的信息 offers nothing over what did not come', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('her chat joined: 我的 says the chat tells her of answers, and asks for no yes to count', async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    const her = await asResident(app, 'o-wang-ayi-joined')
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-wang-ayi-joined' })).body
    await joinHerChat(bot, her, personId, '王阿姨')
    holdPhone(app, 'o-wang-ayi-joined')
    const mine = await openPage('pages/mine/index')
    // Round 49: her joined chat brings every answer no yes covers, as a deputy's bound chat does; said alone, no button.
    expect(mine.textOf('#notices-on')).to.equal(`代表答复时，“${BOT}”会在微信聊天里告诉您。`)
    expect(mine.has('#subscribe'), 'no yes to count').to.equal(false)
    expect(mine.text()).not.to.include('还没有开通微信通知')
  })

  it('no chat joined: nothing said of a chat; her no is a line of text, not a card like the button', async () => {
    holdPhone(app, 'o-wang-no-chat')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal('还没有开通微信通知。')
    phone.subscribeAnswer = 'reject'
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.equal('没有开通。需要时可以再点一次。')
    expect(mine.has('#subscribed.card'), 'not drawn as a card').to.equal(false)
    expect(mine.has('#subscribed.subscribed')).to.equal(true)
  })

  it('我的信息 offline: what did not come and 再试一次, no 导出, 撤回同意, 删除 or notice over nothing known; back online, all of it', async () => {
    holdPhone(app, 'o-wang-offline-data')
    const data = await openOffline('pages/mine/data')
    expect(data.textOf('#kept-error')).to.equal('网络不通，请检查网络后重试')
    expect(data.has('#kept-error.action-error'), 'in the error colour, not bold like a refused tap').to.equal(false)
    expect(data.has('#reload')).to.equal(true)
    for (const button of ['#export', '#notice', '#withdraw-consent', '#delete']) expect(data.has(button), button).to.equal(false)
    expect(data.text()).not.to.include('您同意过的说明')

    await data.tap('#reload')
    for (const button of ['#export', '#notice', '#delete']) expect(data.has(button), button).to.equal(true)
    // She signed in here for the first time and has agreed to nothing yet: nothing to withdraw.
    expect(data.has('#withdraw-consent'), 'no 撤回同意 before any agreement').to.equal(false)
  })
})
