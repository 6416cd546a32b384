import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { useCaseStory } from './case-story.js'
import { ask, dispatch, waitFor } from './helpers.js'

/**
 * The reverse scam: a caller talks 王阿姨 (72) into sending "绑定 12345678" from her chat. The words are his, from his
 * own mini-program, and he says 是我的 on his own phone: her chat is joined to his account, and her message (her phone
 * number in it) is his to read. Right after the join the bot tells her chat plainly what happened and that “解除”
 * undoes it; she replies 解除, and what came from her chat — her message, the answer to it, her agreement — is hers
 * again: his account sees none of it, and what she writes next stays hers.
 */
describe('bot: a scammer’s code sent from 王阿姨’s chat is told to her at once and undone by her 解除', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi-scam', '王阿姨'] })

  it('the chat hears of the join at once; 解除 there takes her message back from his account', async () => {
    const { app, bot: t, resident: wang } = story
    const ticket = await story.writesToZhangWei('我叫王秀英，电话13912345678，楼道灯坏了一个月了')

    // The caller's own mini-program gives him the words; he has her send them, then says 是我的 himself.
    const scammer = await asResident(app, 'o-caller')
    const words = (await scammer.post('/api/mp/me/chat-code')).body.words as string
    expect(await ask(t, wang, words)).to.include('请回到小程序确认')
    await sayItIsMine(scammer)
    const his = async () => ((await scammer.get('/api/mp/cases')).body.items as Array<{ ticket: string }>).map((c) => c.ticket)
    expect(await his(), 'joined: her message is in his 我的留言').to.deep.equal([ticket])

    // Right after the join, in her chat.
    await dispatch(app)
    const told = await waitFor(() => t.world.said('王阿姨').find((m) => m.includes('放到一个小程序账号里')), 'the chat to be told of the join')
    expect(told).to.equal(
      '您在微信聊天里发的留言，已经放到一个小程序账号里了，那个账号能看到。\n' +
        '如果不是您自己在小程序里确认的，请回复“解除”：留言会回到这里，那个账号就看不到了。',
    )

    expect(await ask(t, wang, '解除')).to.equal(
      '已解除。您在这里发的 1 条留言已经回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。\n' +
        '如果有人让您把一串数字发到这里，请不要再发，也不要把小程序里的码给别人。',
    )
    expect(await his(), 'his account sees nothing of hers').to.deep.equal([])
    expect((await scammer.get('/api/mp/me')).body).to.deep.include({ chatJoined: false, chatJoin: { pending: null, joined: null } })
    expect(await ask(t, wang, '查询'), 'her message is in her chat again').to.include(ticket.slice(-4))

    // She goes on as herself: no notice to agree to again (her agreement came back with her), and his account gets nothing new.
    const next = await ask(t, wang, '我要给张伟代表留言：小区门口的垃圾好几天没人清运')
    expect(next).to.include('发给：张伟代表').and.not.include('同意请回复')
    await ask(t, wang, '1')
    expect(await his()).to.deep.equal([])
    const undone = (await app.liaison.store.audit.list({ action: 'privacy.chat_join_undone', limit: 5 })).items
    expect(undone.map((e) => [e.targetId, e.details.cases])).to.deep.equal([[scammer.userId, 1]])
  })

  it('“解除” in a chat joined to nothing says so, and a message she is writing keeps the word', async () => {
    const { bot: t, resident: wang } = story
    // Copied from the notice with its quotes, it is the same word.
    expect(await ask(t, wang, '“解除”')).to.equal('这个聊天现在没有和小程序账号连在一起，不用解除。')
    await ask(t, wang, '给DP0001留言')
    await ask(t, wang, '同意')
    expect(await ask(t, wang, '解除'), 'part of her message').to.not.include('不用解除')
  })
})
