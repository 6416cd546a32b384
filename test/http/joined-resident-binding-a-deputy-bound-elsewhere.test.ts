import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { joinHerChat } from '../helpers/chat-join.js'

/**
 * A resident joined her chat to her mini-program account (one account in both), and later binds as a deputy with a
 * code from the station. Binding her binds both places; when that deputy is still bound, in the other place, to
 * another WeChat, she is told so in words (409 deputy_channel_taken), and nothing changes: the other WeChat keeps
 * the deputy's workbench, she stays a resident, nobody is told of a move that did not happen. Before, SQLite's unique
 * index answered 409 "记录已存在", and MongoDB (no such index) left two WeChats working as the deputy.
 */
describe('a joined resident binding as a deputy bound elsewhere is refused in words', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
  })
  afterEach(() => app.close())

  const chatPerson = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
  const deputyCode = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string
  /** Her mini-program account with her chat joined to it, as she does it from 我的. */
  const joinedResident = async (openid: string, contactId: string) => {
    const resident = await asResident(app, openid)
    await joinHerChat(bot, resident, await chatPerson(contactId))
    return resident
  }
  const movedNotices = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'deputy.binding_moved' })).items

  it('in the chat, while the deputy works in another WeChat’s mini-program', async () => {
    const resident = await joinedResident('o-joined-chat', 'wx-joined-chat')
    const zhang = await asDeputy(app, 'dp0001')

    const refused = await bot.post(`/api/bot/people/${resident.userId}/bind`, { code: await deputyCode('dp0001') })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.code).to.equal('deputy_channel_taken')
    expect(refused.body.error.message).to.equal(
      '没有绑定。您的微信聊天和小程序是同一个账号（您把聊天里的留言放到了小程序里），绑定代表身份会两边一起绑定；' +
        '可是这位代表已经在另一个微信的小程序里绑定了，不能把那边的代表身份拿走。原来的绑定都没有改动，这个绑定码已经作废了。请联系联络站工作人员。',
    )
    expect((await zhang.get('/api/mp/me')).body.deputy, 'his workbench stays his').to.include({ code: 'DP0001' })
    expect((await resident.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: true })
    expect(await movedNotices(), 'nobody is told of a move that did not happen').to.deep.equal([])
  })

  it('in the mini-program, while the deputy works in another WeChat’s chat', async () => {
    const resident = await joinedResident('o-joined-mp', 'wx-joined-mp')
    const zhangInChat = await chatPerson('wx-zhang')
    expect((await bot.post(`/api/bot/people/${zhangInChat}/bind`, { code: await deputyCode('dp0001') })).body.deputy).to.include({ code: 'DP0001' })

    const refused = await resident.post('/api/mp/bind', { bindCode: await deputyCode('dp0001') })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.message).to.include('可是这位代表已经在另一个微信的聊天里绑定了，不能把那边的代表身份拿走。')
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-zhang' })).body.deputy, 'his chat stays his').to.include({ code: 'DP0001' })
    expect((await resident.get('/api/mp/me')).body.deputy).to.equal(null)
    expect(await movedNotices()).to.deep.equal([])
  })

  it('binds as ever when the deputy is bound only in the place she binds from: that one is let go and told', async () => {
    const resident = await joinedResident('o-joined-same', 'wx-joined-same')
    const zhang = await asDeputy(app, 'dp0001')
    const bound = await resident.post('/api/mp/bind', { bindCode: await deputyCode('dp0001') })
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    expect(bound.body.deputy).to.include({ code: 'DP0001' })
    expect((await app.liaison.store.mpUsers.get(zhang.userId))!.deputyId, 'the old phone is let go').to.equal(null)
    expect((await movedNotices()).map((m) => m.recipientId)).to.deep.equal([zhang.userId])
  })
})
