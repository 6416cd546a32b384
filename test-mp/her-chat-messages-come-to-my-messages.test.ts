import { expect } from 'chai'
import { asResident, Client } from '../test/helpers/app.js'
import { BOT_SECRET } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { residentWhoAgreedToTheOldNotice } from './harness/old-notice.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 王阿姨 (72) wrote about the streetlight in the WeChat chat; in the mini-program 我的留言 said only "您还没有留言".
 * The empty list says her chat messages are not here and offers to bring them; she is shown the words to send, sends
 * them in the chat, comes back, and is asked by that WeChat's name whether it is hers (review 36, finding 1: her code
 * alone proves nothing about who sent it). Only her 是我的 brings her message to 我的留言; 我的 then says which WeChat
 * is joined, with 解除, which gives the chat its message back; 不是我的 brings nothing. The privacy notice she reads before writing is short, her rights
 * first, with the whole of it one tap away.
 */
describe('mini-program: her chat messages come to 我的留言, and the notice is short', () => {
  let app: Backend
  let bot: Client
  before(async () => {
    app = await startBackend()
    bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
  })
  after(() => app.close())

  /** What the bot does when she writes in the chat: her chat person, who agreed to the notice there, and her message. */
  const writesInTheChat = async (contactId: string, text: string) => {
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId })).body
    await bot.post(`/api/bot/people/${personId}/consent`, { version: (await bot.get('/api/bot/privacy')).body.version })
    const written = await bot.post(`/api/bot/people/${personId}/cases`, { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    return { personId: personId as string, ticket: written.body.ticket as string }
  }

  it('the empty 我的留言 gives the words to send; sent, it asks whether that WeChat is hers, and 是我的 brings her message', async () => {
    const chat = await writesInTheChat('wx-wang-ayi-mp', '我家楼下那个路灯坏了快一个月了，晚上出门看不见')
    await asResident(app, 'o-wang-ayi-mp')
    holdPhone(app, 'o-wang-ayi-mp')

    const list = await openPage('pages/case/list')
    expect(list.textOf('#empty')).to.equal('您在小程序里还没有留言')
    expect(list.textOf('#chat-join')).to.equal('以前在微信聊天里发过留言？点下面，放到这里一起看。把聊天里的留言放到这里')
    await list.tap('#chat-join >>> .chat-join__get')
    const words = list.textOf('#chat-join >>> .chat-join__words')
    expect(words).to.match(/^绑定 \d{8}$/)
    expect(list.textOf('#chat-join'))
      .to.include('在微信里找到“留言小助手”（您以前发留言的那个聊天），把下面这句话发给它：')
      .and.include('30 分钟内有效，只能用一次。发送后请回到这里，确认那个微信是您本人的，留言才会放过来。')
    await list.tap('#chat-join >>> .chat-join__copy')
    expect(phone.clipboard, 'she pastes it rather than typing it').to.equal(words)

    // She sends the words in the chat ("绑定 12345678"), as the bot passes them on with her WeChat's name.
    const asked = await bot.post(`/api/bot/people/${chat.personId}/bind`, { code: words.slice(3), name: '王阿姨' })
    expect(asked.body.joinAsked).to.be.an('object')

    await list.show()
    expect(list.has(`#case-${chat.ticket}`), 'nothing moves before she says so').to.equal(false)
    expect(list.textOf('#chat-join-ask'))
      .to.include('微信“王阿姨”要把聊天里的留言放到您这里。是您本人的微信吗？')
      .and.include('点“是我的”以后，那个微信聊天里能看到您在这里的全部留言')
    await list.tap('#chat-join-ask >>> .chat-join__mine')
    expect(list.has(`#case-${chat.ticket}`)).to.equal(true)
    expect(list.textOf('#chat-join-done')).to.equal(
      '好了！微信“王阿姨”聊天里发的 1 条留言已经放到这里了，在“我的留言”里就能看到。以后在那个聊天里发的留言，这里也能看到。',
    )
    expect(list.textOf('#chat-joined')).to.include('已和微信“王阿姨”连在一起')
    expect(list.text()).to.include('我家楼下那个路灯坏了').and.not.include('您在小程序里还没有留言').and.not.include('是您本人的微信吗')

    // 我的 says which WeChat is joined, and 解除 undoes it after she says so once more: what came from the chat goes
    // back to it (review 37, finding 1), and the question says so before she answers.
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#chat-join >>> .chat-join__joined')).to.include('已和微信“王阿姨”连在一起').and.include('在那个微信聊天里发的留言，也在“我的留言”里')
    expect(mine.textOf('#chat-join')).to.include('解除后，在那个聊天里发的留言都回到那个聊天，这里不再显示；您在小程序里写的留言还留在这里。')
    phone.modalAnswers.push(true)
    await mine.tap('#chat-join >>> .chat-join__unjoin')
    expect(phone.modals.at(-1)!.content).to.include('聊天里发的留言都回到那个聊天，这里不再显示').and.include('您在小程序里写的留言还留在“我的留言”里')
    expect(mine.textOf('#chat-join >>> .chat-join__done')).to.equal(
      '已解除。在那个微信聊天里发的 1 条留言回到了那个聊天，这里不再显示。您在小程序里写的留言，还在“我的留言”里。',
    )
    expect(mine.textOf('#chat-join'), 'the offer again').to.include('把聊天里的留言放到这里')
    await list.show()
    expect(list.has(`#case-${chat.ticket}`), 'her chat message is the chat’s again').to.equal(false)
    const inTheChat = (await bot.get(`/api/bot/people/${chat.personId}/cases`)).body.items as Array<{ ticket: string }>
    expect(inTheChat.map((c) => c.ticket)).to.deep.equal([chat.ticket])
  })

  it('不是我的 on 我的: nothing comes, she is told so, and the offer is made again', async () => {
    const chat = await writesInTheChat('wx-stranger-mp', '小区门口的垃圾好几天没人清运')
    const her = await asResident(app, 'o-not-mine-mp')
    holdPhone(app, 'o-not-mine-mp')
    const words = (await her.post('/api/mp/me/chat-code')).body.words as string
    await bot.post(`/api/bot/people/${chat.personId}/bind`, { code: words.slice(3), name: '客服小李' })

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#chat-join >>> .chat-join__question')).to.equal('微信“客服小李”要把聊天里的留言放到您这里。是您本人的微信吗？')
    await mine.tap('#chat-join >>> .chat-join__not-mine')
    expect(mine.textOf('#chat-join >>> .chat-join__done')).to.equal('好的，没有放。那个微信看不到您的留言。如果有人向您要小程序里的码，请不要给。')
    expect(mine.textOf('#chat-join')).to.include('把聊天里的留言放到这里').and.not.include('是您本人的微信吗')
    expect((await her.get('/api/mp/cases')).body.items).to.deep.equal([])
  })

  it('我的 offers the same to a resident whose chat is apart, and not to a deputy', async () => {
    await asResident(app, 'o-offer-mine')
    holdPhone(app, 'o-offer-mine')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#chat-join')).to.include('把聊天里的留言放到这里')

    const deputy = await asResident(app, 'o-offer-deputy')
    await app.liaison.store.mpUsers.update(deputy.userId, { deputyId: 'dp0001' })
    holdPhone(app, 'o-offer-deputy')
    expect((await openPage('pages/mine/index')).has('#chat-join')).to.equal(false)
  })

  it('the notice before her first message: her rights first, a few lines, what deleting reaches one tap away', async () => {
    await asResident(app, 'o-notice-short', { consent: false })
    holdPhone(app, 'o-notice-short')
    const write = await openPage('pages/case/new')
    const short = write.component.querySelectorAll('.notice__short').map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
    expect(short[0]).to.match(/^您的权利：随时可以查看、删除您的信息/)
    expect(short.join('\n')).to.include('留言办结后保存三年')
    expect(short.join('').length, 'one screen, not 900 characters').to.be.at.most(300)
    expect(write.text()).to.not.include('办理记录和操作记录按规定保存').and.not.include('这份说明有更新')

    await write.tap('#notice-full')
    expect(write.textOf('#notice-full-text'))
      .to.include('办理记录和操作记录按规定保存')
      .and.include('问卷答案')
      .and.include('在聊天里删除，清除聊天里的')
      .and.include('两边放到一起以后，要在小程序里删除')
    await write.tap('#agree')
    expect(write.has('#text')).to.equal(true)
  })

  it('one who agreed to the old notice is told this one is new before she writes again', async () => {
    await residentWhoAgreedToTheOldNotice(app, 'o-notice-old')
    const write = await openPage('pages/case/new')
    expect(write.textOf('#notice-changed')).to.equal('这份说明有更新，请再看一下。')
  })
})
