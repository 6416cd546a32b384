import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { joinHerChat } from '../helpers/chat-join.js'

/**
 * A resident joined her chat to her mini-program account (one account in both), and later is given a deputy's code by
 * the station. Binding it would make the deputy of both places at once — whoever holds the joined chat (a WeChat she
 * took for hers, or a scammer's account her chat was joined to) would work as him — so it is refused, in the usual
 * error body (409 unjoin_chat_first), with words that say to press 解除 first; the code is not tried, so it still
 * binds afterwards, in the one place she binds from. Nothing else changes: the deputy bound elsewhere keeps his
 * workbench, nobody is told of a move that did not happen. Before, she became the deputy in both places
 * (`chatJoined: true` for a deputy); and when he was bound in the other place already, she was told so only after her
 * code was spent (deputy_channel_taken).
 */
describe('a joined resident binding as a deputy is asked to 解除 first', () => {
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

  it('in the mini-program, with nobody else bound: refused until 解除, and then the same code binds', async () => {
    const resident = await joinedResident('o-joined-same', 'wx-joined-same')
    const code = await deputyCode('dp0001')

    const refused = await resident.post('/api/mp/bind', { bindCode: code })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({
      code: 'unjoin_chat_first',
      message:
        '没有绑定，这个绑定码还能用。您的小程序现在和微信“王阿姨”的聊天连在一起，是同一个账号，代表身份不能两边一起绑定。' +
        '请先在“我的”里点“解除”，再输入这个绑定码。',
    })
    expect((await resident.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: true })
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-joined-same' })).body.deputy, 'not in the chat either').to.equal(null)

    expect((await resident.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
    const bound = await resident.post('/api/mp/bind', { bindCode: code })
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    expect(bound.body).to.deep.include({ chatJoined: false })
    expect(bound.body.deputy).to.include({ code: 'DP0001' })
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-joined-same' })).body.deputy, 'the chat is not the deputy').to.equal(null)
  })

  it('in the chat: refused in the chat’s words until 解除 there, and then the same code binds the chat', async () => {
    const resident = await joinedResident('o-joined-chat', 'wx-joined-chat')
    const zhang = await asDeputy(app, 'dp0001')
    const code = await deputyCode('dp0002')

    const refused = await bot.post(`/api/bot/people/${resident.userId}/bind`, { code })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({
      code: 'unjoin_chat_first',
      message:
        '没有绑定，这个绑定码还能用。这个微信聊天现在和一个小程序账号连在一起（您把聊天里的留言放到了小程序里），代表和工作人员的身份不能两边一起绑定。\n' +
        '请先在这里回复“解除”，或者在小程序“我的”里点“解除”，再把这个绑定码发给我。',
    })
    expect((await resident.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: true })

    expect((await bot.request('DELETE', `/api/bot/people/${resident.userId}/chat-join`)).status).to.equal(200)
    const chat = await chatPerson('wx-joined-chat')
    expect(chat).to.not.equal(resident.userId)
    const bound = await bot.post(`/api/bot/people/${chat}/bind`, { code })
    expect(bound.status, JSON.stringify(bound.body)).to.equal(200)
    expect(bound.body.deputy).to.include({ code: 'DP0002' })
    expect((await resident.get('/api/mp/me')).body, 'her mini-program stays a resident’s').to.include({ deputy: null, chatJoined: false })
    expect((await zhang.get('/api/mp/me')).body.deputy, 'another deputy untouched').to.include({ code: 'DP0001' })
  })

  it('while the deputy works in another WeChat: the same refusal, and nobody is told of a move', async () => {
    const resident = await joinedResident('o-joined-mp', 'wx-joined-mp')
    const zhangInChat = await chatPerson('wx-zhang')
    expect((await bot.post(`/api/bot/people/${zhangInChat}/bind`, { code: await deputyCode('dp0001') })).body.deputy).to.include({ code: 'DP0001' })

    const refused = await resident.post('/api/mp/bind', { bindCode: await deputyCode('dp0001') })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.code).to.equal('unjoin_chat_first')
    expect((await bot.post('/api/bot/people/resolve', { contactId: 'wx-zhang' })).body.deputy, 'his chat stays his').to.include({ code: 'DP0001' })
    expect((await resident.get('/api/mp/me')).body.deputy).to.equal(null)
    expect(await movedNotices()).to.deep.equal([])
  })
})
