import { expect } from 'chai'
import { asResident, type Client } from '../helpers/app.js'
import { chatJoinAppForEachTest, joinHerChat } from '../helpers/chat-join.js'

/**
 * Review 37, findings 2 and 8. While her chat is joined to a mini-program account the two are one record, and one
 * agreement to the privacy notice. Each side's choice is still its own: 王阿姨 withdrew her agreement in the chat
 * (撤回同意), then said 解除 there — before, her chat came back as agreeing (it wrote again without being asked) while
 * the account, which withdrew nothing, stayed withdrawn. And an account that never agreed itself kept the chat's
 * agreement after 解除 in the mini-program. Now each side keeps the latest choice made from it, else its own from before.
 */
describe('joining her chat: after 解除 each side keeps its own agreement', () => {
  const t = chatJoinAppForEachTest()
  const { chatPerson, agreesInTheChat } = t
  const writesInTheChat = (personId: string) => t.bot.post(`/api/bot/people/${personId}/cases`, { text: '楼道灯坏了', regionId: 'c010101' })
  const writesInTheMiniProgram = (account: Client) => account.post('/api/mp/cases', { text: '小区门口的路灯不亮了', regionId: 'c010101' })

  it('a withdrawal made in the chat stays withdrawn after 解除 there; the account keeps the agreement it gave itself', async () => {
    const wang = await chatPerson('wx-wang-consent')
    await agreesInTheChat(wang)
    const account = await asResident(t.app, 'o-account-agreed')
    await joinHerChat(t.bot, account, wang)

    const withdrawn = await t.bot.request('DELETE', `/api/bot/people/${account.userId}/consent`)
    expect(withdrawn.status).to.equal(200)
    expect(withdrawn.body.message).to.include('已撤回您的同意')
    expect((await t.bot.request('DELETE', `/api/bot/people/${account.userId}/chat-join`)).status).to.equal(200)

    expect(await chatPerson('wx-wang-consent')).to.equal(wang)
    const asked = await writesInTheChat(wang)
    expect(asked.status, 'her chat is asked to agree again before it writes').to.equal(422)
    expect(asked.body.error).to.deep.include({ code: 'consent_required', message: '请先阅读并同意个人信息保护说明' })
    expect((await writesInTheMiniProgram(account)).status, 'the account withdrew nothing').to.equal(201)
  })

  it('an account that never agreed itself does not keep the chat’s agreement after 解除 in the mini-program', async () => {
    const chat = await chatPerson('wx-chat-agreed')
    await agreesInTheChat(chat)
    const account = await asResident(t.app, 'o-account-never-agreed', { consent: false })
    await joinHerChat(t.bot, account, chat)
    expect((await writesInTheMiniProgram(account)).status, 'joined: one record, the chat’s agreement').to.equal(201)

    expect((await account.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
    const asked = await writesInTheMiniProgram(account)
    expect(asked.status, 'the mini-program asks for its own agreement').to.equal(422)
    expect(asked.body.error.code).to.equal('consent_required')
    expect((await writesInTheChat(chat)).status, 'the chat keeps the agreement it gave').to.equal(201)
  })

  it('a withdrawal made in the mini-program stays the account’s: the chat that says 解除 keeps its own agreement', async () => {
    const chat = await chatPerson('wx-chat-kept')
    await agreesInTheChat(chat)
    const account = await asResident(t.app, 'o-account-withdraws')
    await joinHerChat(t.bot, account, chat)

    expect((await account.request('DELETE', '/api/mp/consent')).status).to.equal(200)
    expect((await t.bot.request('DELETE', `/api/bot/people/${account.userId}/chat-join`)).status).to.equal(200)
    expect((await writesInTheChat(chat)).status).to.equal(201)
    expect((await writesInTheMiniProgram(account)).status, 'withdrawn where it was withdrawn').to.equal(422)
  })
})
