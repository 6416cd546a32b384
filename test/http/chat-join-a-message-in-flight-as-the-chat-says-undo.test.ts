import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { chatJoinAppForEachTest, joinHerChat } from '../helpers/chat-join.js'

/**
 * Review 37, finding 6. 王阿姨's chat is joined to an account she does not know. She sends a message (her address and
 * phone in it), and her 解除 lands after the bot read her chat as that account and before the message was stored
 * (another bot instance, a retry): before, the message was stored under the account, which then read it and got its
 * answers. Now the store reads again, in the write, who holds her chat: the message is hers.
 */
describe('joining her chat: a message stored just after her 解除 is hers', () => {
  const t = chatJoinAppForEachTest()
  const { chatPerson } = t
  const tickets = (items: Array<{ ticket: string }>) => items.map((c) => c.ticket)

  it('goes to her chat, not to the account, when 解除 lands between the read and the write', async () => {
    const wang = await chatPerson('wx-wang-in-flight')
    await t.agreesInTheChat(wang)
    const stranger = await asResident(t.app, 'o-stranger')
    await joinHerChat(t.bot, stranger, wang)
    const joinedAs = await chatPerson('wx-wang-in-flight')
    expect(joinedAs).to.equal(stranger.userId)

    // The window between the bot's read of her chat and the store's write: her 解除 lands there.
    const cases = t.app.liaison.store.cases
    const submit = cases.submit.bind(cases)
    let once = true
    ;(cases as { submit: typeof submit }).submit = async (...args: Parameters<typeof submit>) => {
      if (once) {
        once = false
        expect((await t.bot.request('DELETE', `/api/bot/people/${joinedAs}/chat-join`)).status).to.equal(200)
      }
      return submit(...args)
    }
    const made = await t.bot.post(`/api/bot/people/${joinedAs}/cases`, { text: '我家住幸福小区3栋501，电话13900139000，楼上漏水', regionId: 'c010101' })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)

    expect(tickets((await stranger.get('/api/mp/cases')).body.items), 'the account does not have it').to.deep.equal([])
    expect(await chatPerson('wx-wang-in-flight')).to.equal(wang)
    expect(tickets((await t.bot.get(`/api/bot/people/${wang}/cases`)).body.items)).to.deep.equal([made.body.ticket])
    const first = (await t.app.liaison.store.cases.events(made.body.id)).find((e) => e.type === 'submitted')!
    expect(first.actorId, 'her own step').to.equal(wang)
  })
})
