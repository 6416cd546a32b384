import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { joinHerChat } from '../test/helpers/chat-join.js'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * 王阿姨 joined her WeChat chat to the mini-program. 我的 → 我的信息 says, among what is kept, which WeChat's chat is
 * joined and since which day; her copy (导出我的信息, 查看全部内容) says it too, in words, not "关联" alone.
 */
describe('mini-program: 我的信息 and her copy name the WeChat whose chat is joined, and since when', () => {
  let app: Backend
  let bot: Client
  before(async () => {
    app = await startBackend()
    bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  })
  after(() => app.close())

  it('says 微信“王阿姨” and the day, on the page and in the copy', async () => {
    app.clock.set(new Date('2026-11-22T02:00:00Z'))
    const her = await asResident(app, 'o-wang-ayi-named')
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-wang-ayi-named' })).body
    await joinHerChat(bot, her, personId, '王阿姨')
    holdPhone(app, 'o-wang-ayi-named')

    const data = await openPage('pages/mine/data')
    expect(data.textOf('#summary')).to.include('微信聊天：已和微信“王阿姨”连在一起（2026年11月22日起），那个聊天里发的留言也在这里')
    await data.tap('#export')
    await data.tap('#show-all')
    expect(data.textOf('#all-text')).to.include('微信聊天：已和微信“王阿姨”连在一起（2026年11月22日起），那个聊天里发的留言也在这里').and.not.include('关联')
  })
})
