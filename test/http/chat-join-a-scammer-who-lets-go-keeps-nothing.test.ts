import { expect } from 'chai'
import { asDeputy, asResident } from '../helpers/app.js'
import { chatJoinAppForEachTest, sayItIsMine } from '../helpers/chat-join.js'

/**
 * Review 37, finding 1. A caller talks 王阿姨 into sending his words from her chat and says 是我的 on his own phone;
 * then, before the bot has told her chat of the join, he taps 解除 in his own mini-program. Before, that kept her
 * message (her name, phone and address) and every answer to come with his account, made her chat a new, empty person
 * whose 解除 said there was nothing to undo, and dropped the notice of the join (未能送达), so she never heard of it.
 * Now whichever side says 解除, what came from the chat goes back to it: her chat is herself again, with her message
 * and its answer, his account has none of it, and her chat hears both of the join and of its end.
 */
describe('joining her chat: a scammer who lets go of it at once keeps nothing of hers', () => {
  const t = chatJoinAppForEachTest()
  const chatPerson = (contactId: string) => t.chatPerson(contactId, { alias: null })
  const tickets = (items: Array<{ ticket: string }>) => items.map((c) => c.ticket)

  it('gives her chat back her message and its answer, and tells her chat of the join and of its end', async () => {
    const wang = await chatPerson('wx-wang')
    await t.agreesInTheChat(wang)
    const made = await t.bot.post(`/api/bot/people/${wang}/cases`, {
      text: '我叫王秀英，电话13912345678，住幸福小区3栋501，楼道灯坏了',
      regionId: 'c010101',
      deputyCode: 'DP0001',
    })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)

    // His own mini-program's words, sent from her chat; he says 是我的 himself, then lets go at once.
    const scammer = await asResident(t.app, 'o-scammer')
    const words = (await scammer.post('/api/mp/me/chat-code')).body.words as string
    expect((await t.bot.post(`/api/bot/people/${wang}/bind`, { code: words.slice(3), name: '王阿姨' })).status).to.equal(200)
    await sayItIsMine(scammer)
    expect(tickets((await scammer.get('/api/mp/cases')).body.items), 'joined: hers in his list').to.deep.equal([made.body.ticket])
    const letGo = await scammer.request('DELETE', '/api/mp/me/chat-join')
    expect(letGo.status).to.equal(200)
    expect(letGo.body.cases).to.equal(1)

    // His account has nothing of hers; her chat is herself again, her message in it.
    expect(tickets((await scammer.get('/api/mp/cases')).body.items)).to.deep.equal([])
    expect((await scammer.get(`/api/mp/cases/${made.body.id}`)).status).to.equal(404)
    expect(await chatPerson('wx-wang'), 'the person her chat was').to.equal(wang)
    expect(tickets((await t.bot.get(`/api/bot/people/${wang}/cases`)).body.items)).to.deep.equal([made.body.ticket])
    const undo = await t.bot.request('DELETE', `/api/bot/people/${wang}/chat-join`)
    expect(undo.status, 'nothing of hers is joined any more').to.equal(409)

    // Her chat is told of the join, and of its end: neither is dropped by his 解除.
    await t.app.liaison.services.dispatcher.drain()
    const toHerChat = (await t.app.liaison.store.outbox.search({ recipientId: wang, limit: 10 })).items.filter((m) => m.kind.startsWith('chat.'))
    expect(toHerChat.map((m) => [m.kind, m.status, m.channel, m.address]).sort()).to.deep.equal([
      ['chat.joined', 'pending', 'bot_private', 'wx-wang'],
      ['chat.unjoined', 'pending', 'bot_private', 'wx-wang'],
    ])
    const leased = (await t.bot.post('/api/bot/outbox/lease', { instance: 'bot-1', limit: 10 })).body.items as Array<{ address: string; text: string }>
    expect(leased.map((m) => [m.address, m.text.split('\n')[0]]).sort()).to.deep.equal([
      ['wx-wang', '您在微信聊天里发的留言，已经放到一个小程序账号里了，那个账号能看到。'],
      ['wx-wang', '您的聊天和小程序账号已经解除（是在小程序里解除的），聊天里发的留言回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。'],
    ])

    // 张伟's answer to her message is hers, not his.
    const zhang = await asDeputy(t.app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${made.body.id}/reply`, { text: '已经报修，这周内换好。' })).status).to.equal(200)
    const answers = (await t.app.liaison.store.outbox.search({ kind: 'case.replied', limit: 10 })).items
    expect(answers.map((m) => m.recipientId)).to.deep.equal([wang])
    expect(answers.map((m) => m.recipientId)).to.not.include(scammer.userId)
  })
})
