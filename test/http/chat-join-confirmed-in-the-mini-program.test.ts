import { expect } from 'chai'
import { runMaintenanceJob } from '../../src/jobs/maintenance-job.js'
import { asResident, type Client } from '../helpers/app.js'
import { chatJoinAppForEachTest, joinHerChat, sayItIsMine } from '../helpers/chat-join.js'
import { caseEvent, caseRecord } from '../store/records.js'

/**
 * Review 36, finding 1: her code is a bearer credential, so whoever sends it from his own WeChat (a scammer, or her
 * grandson from his phone) would become her account in the chat. Now the chat that sends it only asks: nothing of hers
 * reaches that chat, and nothing of the chat moves, until she says in the mini-program, by that WeChat's name, that it
 * is hers. 不是我的 ends it, and so does her code's end. Once joined, 我的 names the WeChat, 解除 undoes it (what came
 * from the chat goes back to it, review 37), and the chat cannot erase her account.
 */
describe('joining her chat: she says in the mini-program that the WeChat is hers', () => {
  const t = chatJoinAppForEachTest()
  const { chatPerson } = t
  const codeOf = async (resident: Client) => ((await resident.post('/api/mp/me/chat-code')).body.words as string).slice(3)
  /** Her own message in the mini-program, with her phone in it. */
  const writes = async (resident: Client) => {
    const made = await resident.post('/api/mp/cases', { text: '我家住幸福小区3栋501，电话13900139000，楼下噪音扰民', regionId: 'c010101' })
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    return made.body.ticket as string
  }
  const chatSees = async (personId: string) =>
    ((await t.bot.get(`/api/bot/people/${personId}/cases`)).body.items as Array<{ ticket: string }>).map((c) => c.ticket)
  const me = async (resident: Client) => (await resident.get('/api/mp/me')).body

  it('the chat that sent her code is told to wait for her, and gets nothing of hers until she says 是我的', async () => {
    const her = await asResident(t.app, 'o-her')
    const ticket = await writes(her)
    const chat = await chatPerson('wx-grandson')

    const asked = await t.bot.post(`/api/bot/people/${chat}/bind`, { code: await codeOf(her), name: '小明' })
    expect(asked.status).to.equal(200)
    expect(asked.body).to.deep.include({ deputy: null, staff: null, joinAsked: { minutes: 30 } })
    expect(await chatPerson('wx-grandson'), 'still its own person').to.equal(chat)
    expect(await chatSees(chat), 'none of her messages').to.deep.equal([])
    expect((await me(her)).chatJoin).to.deep.include({ joined: null })
    expect((await me(her)).chatJoin.pending).to.deep.include({ name: '小明', question: '微信“小明”要把聊天里的留言放到您这里。是您本人的微信吗？' })

    const answer = await sayItIsMine(her)
    expect(answer.message).to.equal('好了！微信“小明”已经和这里连在一起了。以后在那个聊天里发的留言，这里也能看到。')
    expect(await chatPerson('wx-grandson')).to.equal(her.userId)
    expect(await chatSees(her.userId)).to.deep.equal([ticket])
    const joined = (await me(her)).chatJoin
    expect(joined.pending).to.equal(null)
    expect(joined.joined.line).to.include('已和微信“小明”连在一起').and.include('在那个微信聊天里发的留言，也在“我的留言”里')
    const audit = (await t.app.liaison.store.audit.list({ action: 'privacy.chat_joined', limit: 5 })).items
    expect(audit.map((e) => [e.actorId, e.targetId])).to.deep.equal([[her.userId, her.userId]])
  })

  it('不是我的 ends it: the chat stays apart, and her answer cannot be given twice', async () => {
    const her = await asResident(t.app, 'o-her-no')
    await writes(her)
    const scammer = await chatPerson('wx-stranger')
    await t.bot.post(`/api/bot/people/${scammer}/bind`, { code: await codeOf(her), name: '客服小李' })
    const { pending } = (await me(her)).chatJoin

    const refused = await her.post(`/api/mp/me/chat-join/${pending.id}/refuse`)
    expect(refused.status).to.equal(200)
    expect(refused.body.message).to.equal('好的，没有放。那个微信看不到您的留言。如果有人向您要小程序里的码，请不要给。')
    expect((await me(her)).chatJoin).to.deep.equal({ pending: null, joined: null })
    const late = await her.post(`/api/mp/me/chat-join/${pending.id}/confirm`)
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({
      code: 'chat_join_request_gone',
      message: '这个请求已经过期或者已经处理过了。请再点一次“把聊天里的留言放到这里”，把新的那句话在微信聊天里发送。',
    })
    expect(await chatPerson('wx-stranger')).to.equal(scammer)
    expect(await chatSees(scammer)).to.deep.equal([])
    expect((await t.app.liaison.store.audit.list({ action: 'privacy.chat_join_refused', limit: 5 })).items.map((e) => e.actorId)).to.deep.equal([her.userId])
  })

  it('the chat’s request ends with her code: after 30 minutes she is asked nothing, and 是我的 joins nothing', async () => {
    const her = await asResident(t.app, 'o-her-late')
    const chat = await chatPerson('wx-late')
    await t.bot.post(`/api/bot/people/${chat}/bind`, { code: await codeOf(her), name: '王阿姨' })
    const { pending } = (await me(her)).chatJoin
    t.app.clock.advance(31 * 60_000)
    expect((await me(her)).chatJoin.pending).to.equal(null)
    expect((await her.post(`/api/mp/me/chat-join/${pending.id}/confirm`)).status).to.equal(409)
    expect(await chatPerson('wx-late')).to.equal(chat)
  })

  it('refuses an answer naming no request of hers in the usual error body', async () => {
    const her = await asResident(t.app, 'o-her-bad')
    const bad = await her.post('/api/mp/me/chat-join/not-a-request/confirm')
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
    const other = await asResident(t.app, 'o-other')
    await t.bot.post(`/api/bot/people/${await chatPerson('wx-other')}/bind`, { code: await codeOf(other) })
    const theirs = (await me(other)).chatJoin.pending.id as string
    expect((await her.post(`/api/mp/me/chat-join/${theirs}/confirm`)).status, 'another account’s request').to.equal(409)
    expect((await me(other)).chatJoin.pending).to.deep.include({ id: theirs })
  })

  it('a joined chat cannot erase her account; she can, in the mini-program', async () => {
    const her = await asResident(t.app, 'o-her-erase')
    const ticket = await writes(her)
    await joinHerChat(t.bot, her, await chatPerson('wx-her-erase'))

    const refused = await t.bot.request('DELETE', `/api/bot/people/${her.userId}`)
    expect(refused.status).to.equal(409)
    expect(refused.body.error.code).to.equal('erase_in_mini_program')
    expect(refused.body.error.message).to.include('为了防止别人用这个聊天删掉您的账号').and.include('在小程序“我的”里点“解除”')
    expect(
      (await her.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket),
      'her account is there',
    ).to.deep.equal([ticket])
    expect((await her.request('DELETE', '/api/mp/me')).status).to.equal(200)
  })

  it('解除: what came from the chat goes back to it, what she wrote here stays, and the chat is told; audited', async () => {
    const her = await asResident(t.app, 'o-her-undo')
    const own = await writes(her)
    const chat = await chatPerson('wx-undo')
    await t.agreesInTheChat(chat)
    const fromChat = await t.bot.post(`/api/bot/people/${chat}/cases`, { text: '小区门口的路灯不亮了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(fromChat.status, JSON.stringify(fromChat.body)).to.equal(201)
    await joinHerChat(t.bot, her, chat, '孙子')
    expect((await her.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket).sort()).to.deep.equal([own, fromChat.body.ticket].sort())

    const undone = await her.request('DELETE', '/api/mp/me/chat-join')
    expect(undone.status).to.equal(200)
    expect(undone.body).to.deep.equal({
      cases: 1,
      message: '已解除。在那个微信聊天里发的 1 条留言回到了那个聊天，这里不再显示。您在小程序里写的留言，还在“我的留言”里。',
    })
    expect((await me(her)).chatJoin).to.deep.equal({ pending: null, joined: null })
    expect((await me(her)).chatJoined).to.equal(false)
    expect(
      (await her.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket),
      'what she wrote here',
    ).to.deep.equal([own])
    // The chat is its own person again, under the id it had, with its message; it is told, in the chat.
    expect(await chatPerson('wx-undo')).to.equal(chat)
    expect(await chatSees(chat)).to.deep.equal([fromChat.body.ticket])
    await t.app.liaison.services.dispatcher.drain()
    const told = (await t.app.liaison.store.outbox.search({ kind: 'chat.unjoined', limit: 5 })).items
    expect(told.map((m) => [m.recipientId, m.channel, m.address, m.payload.text])).to.deep.equal([
      [
        chat,
        'bot_private',
        'wx-undo',
        '您的聊天和小程序账号已经解除（是在小程序里解除的），聊天里发的留言回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。',
      ],
    ])
    const audit = (await t.app.liaison.store.audit.list({ action: 'privacy.chat_unjoined', limit: 5 })).items
    expect(audit.map((e) => [e.actorId, e.details])).to.deep.equal([[her.userId, { to: chat, cases: 1 }]])
    const twice = await her.request('DELETE', '/api/mp/me/chat-join')
    expect(twice.status).to.equal(409)
    expect(twice.body.error).to.deep.include({ code: 'chat_not_joined', message: '您的小程序现在没有和微信聊天连在一起，不用解除。' })
  })

  it('a message written in the chat as she said 是我的 reaches 我的留言 (the maintenance job gathers it)', async () => {
    const her = await asResident(t.app, 'o-her-race')
    const chat = await chatPerson('wx-race')
    await joinHerChat(t.bot, her, chat)
    // Its write began before the join and ended after it, under the chat's old person (as MongoDB lets it).
    const store = t.app.liaison.store
    const late = await store.cases.submit({
      record: caseRecord({ id: 'case-late', residentId: chat, idempotencyKey: null, stationId: 'st001' }),
      ticketDate: '2026-11-22',
      events: [caseEvent('case-late', 'submitted', { actorRole: 'resident', actorId: chat })],
      outbox: [],
    })
    await runMaintenanceJob({ store, clock: t.app.clock })
    expect((await her.get('/api/mp/cases')).body.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([late.ticket])
  })
})
