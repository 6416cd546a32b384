import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { joinHerChat } from '../test/helpers/chat-join.js'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, office, phoneOfZhang } from './office.js'

const BOT = '留言小助手'

/** A count of WeChat's one-time yeses anywhere on a page ("还能收到 3 条", "可以收到 1 次摘要"): never hers to keep. */
const noCount = (page: MpPage) => {
  expect(page.text(), 'no number of notices to keep track of').not.to.match(/还能|可以收到|\d+\s*[次条]/)
}

/** 张伟's WeChat joins the chat account with a code from the office, as the bot does it. */
async function bindHisChat(app: Backend) {
  const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  const { personId } = await created(bot.post('/api/bot/people/resolve', { contactId: 'wx-zhangwei' }))
  const { code } = await created((await office(app)).post('/api/admin/deputies/dp0001/binding-code'))
  await created(bot.post(`/api/bot/people/${personId}/bind`, { code }))
}

/**
 * Round 48 stopped 张伟's workbench counting WeChat's one-time yeses at him. 我的 still said “已开通：还能收到 3 条微信通知。
 * 用完了，再点一次…” to him and to 王阿姨, and his 每日摘要 page said “已开通，可以收到 1 次摘要”. Now 我的 says to him what
 * his workbench says (his unbound chat offered first, the one filled button, which takes him there to bind it); to her,
 * only whether the next one comes, or her joined chat; his digest page says WeChat's rule and the way that needs no yes.
 */
describe('mini-program: no page counts WeChat notices at her', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a resident’s 我的: not on, then the next one comes, never how many', async () => {
    holdPhone(app, 'o-wang-no-count')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal('还没有开通微信通知。')
    await mine.tap('#subscribe')
    await mine.tap('#subscribe')
    expect(mine.textOf('#notices-on'), 'two yeses, still no number').to.equal('已开通：下一条答复或通知会发到您的微信上。')
    noCount(mine)
    noCount(await openPage('pages/mine/index'))
  })

  it('her chat joined: 我的 says it brings her answers, and asks for no yes', async () => {
    const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    const her = await asResident(app, 'o-wang-joined-no-count')
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-wang-joined-no-count' })).body
    await joinHerChat(bot, her, personId, '王阿姨')
    holdPhone(app, 'o-wang-joined-no-count')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal(`代表答复时，“${BOT}”会在微信聊天里告诉您。`)
    expect(mine.has('#subscribe')).to.equal(false)
    noCount(mine)
  })

  it('a deputy’s 我的 says what his workbench says: the chat first, its button takes him there; his yes is counted nowhere', async () => {
    await phoneOfZhang(app)
    const mine = await openPage('pages/mine/index')
    const workbench = await openPage('pages/deputy/index')
    expect(mine.textOf('#notices-warning')).to.equal('下次新留言可能收不到通知。')
    expect(mine.textOf('#notices-warning')).to.equal(workbench.textOf('.notice-warning'))
    expect(mine.textOf('#chat-offer')).to.equal('绑定微信聊天后，新留言会直接发到您的微信聊天里，不用再点允许。请到“代表工作台”绑定。')
    expect(mine.textOf('#notices-on')).to.equal(workbench.textOf('.notice-text'))
    expect(mine.buttonLook('#bind-chat'), 'the one obvious thing to do').to.equal('filled')
    expect(mine.buttonLook('#subscribe')).to.equal('plain')
    phone.navigations = []
    await mine.tap('#bind-chat')
    expect(phone.navigations).to.deep.equal([{ how: 'navigateTo', url: '/pages/deputy/index?to=chat' }])

    await mine.tap('#subscribe')
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')
    expect(mine.has('#notices-warning'), 'enough yeses: nothing to warn of').to.equal(false)
    expect(mine.textOf('#notices-on')).to.equal('现在有新留言时，会发微信通知给您。')
    noCount(mine)
  })

  it('his chat bound: 我的 says so in his workbench’s words, with nothing to tap', async () => {
    await phoneOfZhang(app)
    await bindHisChat(app)
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal(`新留言会发到您的微信聊天里（已绑定），请留意“${BOT}”发来的消息。`)
    for (const gone of ['#subscribe', '#bind-chat', '#chat-offer', '#notices-warning']) expect(mine.has(gone), gone).to.equal(false)
    noCount(mine)
  })

  it('his digest page, after his yes: WeChat’s rule and the chat that needs none, no number of digests', async () => {
    await phoneOfZhang(app)
    const digest = await openPage('pages/deputy/digest')
    await digest.tap('#subscribe-digest')
    expect(digest.textOf('#digest-subscribed')).to.equal(
      `已开通。微信规定点一次“允许”只能收到一次通知；想每天都收到，请回到“代表工作台”，点“绑定微信聊天”，把给您的那句话发给“${BOT}”。`,
    )
    noCount(digest)
  })
})
