import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * 李阿姨 joined her chat to her mini-program account, then pressed 解除 in 我的 (her grandson's WeChat, it turned out,
 * which she had taken for hers). 张伟's answer to the message she wrote in the mini-program was already on its way to
 * that chat when she did: routed to the bot, waiting while the bot was busy. Neither it nor anything written to her
 * account later reaches that chat: the answer is routed again (and, with no other way to her here, is said 未能送达 in
 * the console), and her 我的留言 still has it. What that chat wrote itself goes back to it (review 37, finding 1), and
 * the chat is told the two are apart again.
 */
describe('bot: after 解除 in the mini-program, nothing of hers reaches the chat that was joined', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-li-grandson', '小明'] })

  it('an answer queued for that chat before 解除, and a notice written after, never reach it; its own message goes back to it', async () => {
    const { app, bot: t, resident: chat } = story
    const li = await asResident(app, 'o-li-ayi-unjoin')
    const written = await li.post('/api/mp/cases', { text: '楼下的下水道堵了，味道很大', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    const ticket = written.body.ticket as string
    const chatOwn = await story.writesToZhangWei('孙子自己写的：小区篮球架坏了')
    expect(await ask(t, chat, (await li.post('/api/mp/me/chat-code')).body.words)).to.include('请回到小程序确认')
    await sayItIsMine(li)
    const mine = async () => ((await li.get('/api/mp/cases')).body.items as Array<{ ticket: string }>).map((c) => c.ticket).sort()
    expect(await mine()).to.deep.equal([ticket, chatOwn].sort())

    // The bot is busy elsewhere: 张伟's answer is routed to the joined chat and waits there for it.
    await t.bot.outbox.stop()
    expect(await ask(t, story.deputy, `回复 ${ticket} 已经派人疏通了。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, story.deputy, '是')).to.include(`已发给留言 ${ticket}`)
    await dispatch(app)
    const answer = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.replied' })).items[0]
    expect(await answer(), 'on its way to the chat').to.deep.include({ channel: 'bot_private', status: 'pending', address: chat.id })

    const undone = await li.request('DELETE', '/api/mp/me/chat-join')
    expect(undone.status).to.equal(200)
    expect(undone.body.message).to.equal('已解除。在那个微信聊天里发的 1 条留言回到了那个聊天，这里不再显示。您在小程序里写的留言，还在“我的留言”里。')
    t.bot.outbox.start()
    await waitFor(async () => {
      const m = await answer()
      return m.channel !== 'bot_private' || m.status === 'sent'
    }, 'the bot to take the answer up')
    expect(
      t.world.said('小明').filter((m) => m.includes('已经派人疏通')),
      'the answer is not said in that chat',
    ).to.deep.equal([])
    await dispatch(app)
    const after = await answer()
    expect(after.status).to.equal('dead')
    expect(after.lastError).to.match(/^未能送达：/)

    // The chat hears that the two are apart, and has its own message again.
    await dispatch(app)
    expect(await waitFor(() => t.world.said('小明').find((m) => m.includes('已经解除')), 'the chat to be told')).to.equal(
      '您的聊天和小程序账号已经解除（是在小程序里解除的），聊天里发的留言回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。',
    )
    expect(await ask(t, chat, '查询'))
      .to.include(chatOwn.slice(-4))
      .and.not.include(ticket.slice(-4))

    // Written to her account after 解除 (张伟 takes up her next message): never routed to that chat either.
    const next = await li.post('/api/mp/cases', { text: '小区里的路灯也不亮了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(next.status, JSON.stringify(next.body)).to.equal(201)
    expect(await ask(t, story.deputy, `受理 ${next.body.ticket}`)).to.include(`已受理留言 ${next.body.ticket}`)
    await dispatch(app)
    const taken = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.acknowledged' })).items.find((m) => m.payload.caseId === next.body.id)!
    expect(taken).to.deep.include({ status: 'dead', channel: 'auto' })

    expect(
      t.world.said('小明').filter((m) => m.includes('已经派人疏通') || m.includes('下水道') || m.includes('路灯也不亮')),
      'nothing of hers in that chat',
    ).to.deep.equal([])
    expect(await mine(), 'hers, in 我的留言').to.deep.equal([ticket, next.body.ticket].sort())
  })
})
