import { expect } from 'chai'
import { asDeputy, asResident, Client } from '../helpers/app.js'
import { chatJoinAppForEachTest, joinHerChat } from '../helpers/chat-join.js'

/**
 * Joining a chat to a mini-program account refuses, in words and the usual error body, what it cannot do, and
 * changes nothing: a code for a deputy's account, for one who is not signed in, a code whose account was deleted
 * meanwhile, and a chat already joined to another account.
 */
describe('joining her chat: what is refused', () => {
  const t = chatJoinAppForEachTest()
  const { chatPerson } = t
  const send = (personId: string, words: string) => t.bot.post(`/api/bot/people/${personId}/bind`, { code: words.slice(3) })
  const codeOf = async (resident: Client) => (await resident.post('/api/mp/me/chat-code')).body.words as string

  it('gives no code to a deputy’s account or to nobody', async () => {
    const deputy = await asDeputy(t.app, 'dp0001')
    const refused = await deputy.post('/api/mp/me/chat-code')
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.deep.include({ code: 'chat_join_not_resident', message: '代表的微信聊天用工作人员给的绑定码绑定，不用在这里取码。' })
    expect((await new Client(t.app.baseUrl).post('/api/mp/me/chat-code')).status).to.equal(401)
  })

  it('gives one account ten codes an hour, and says so after', async () => {
    const resident = await asResident(t.app, 'o-many-codes')
    for (let i = 0; i < 10; i++) expect((await resident.post('/api/mp/me/chat-code')).status).to.equal(201)
    const refused = await resident.post('/api/mp/me/chat-code')
    expect(refused.status).to.equal(429)
    expect(refused.body.error.message).to.equal('点的次数太多了，请过一个小时再点。')
  })

  it('a code whose account was deleted meanwhile joins nothing, and says to take a new one', async () => {
    const resident = await asResident(t.app, 'o-gone')
    const words = await codeOf(resident)
    expect((await resident.request('DELETE', '/api/mp/me')).status).to.equal(200)
    const chat = await chatPerson('wx-after-delete')
    const refused = await send(chat, words)
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({
      code: 'invalid_binding_code',
      message: '这个码已经不能用了。请在小程序“我的”里再点一次“把聊天里的留言放到这里”，把新给的那句话发给我。',
    })
    expect((await t.app.liaison.store.mpUsers.get(chat))!.botContactId, 'the chat is as it was').to.equal('wx-after-delete')
  })

  it('a chat joined to one account cannot be joined to a second', async () => {
    const first = await asResident(t.app, 'o-first')
    const second = await asResident(t.app, 'o-second')
    const chat = await chatPerson('wx-two-phones')
    expect((await joinHerChat(t.bot, first, chat)).cases).to.equal(0)
    const joinedAs = await chatPerson('wx-two-phones')
    expect(joinedAs).to.equal(first.userId)
    const refused = await send(joinedAs, await codeOf(second))
    expect(refused.status).to.equal(409)
    expect(refused.body.error.message).to.equal('您在这里发的留言已经放到另一个小程序账号里了，不能再放到别的账号。这个码已经作废了。')
    expect((await t.app.liaison.store.mpUsers.get(second.userId))!.botContactId).to.equal(null)
  })
})
