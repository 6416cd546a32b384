import { expect } from 'chai'
import { asResident, Client } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 王阿姨 (72) wrote about the streetlight in the chat; her grandson opened the mini-program for her and 我的留言 was
 * empty. The mini-program gives her a one-time code and the words to send; she sends them to the bot, which tells her
 * to go back to the mini-program and say there that this WeChat is hers (review 36, finding 1: her code alone proves
 * nothing about who sends it). Then what she wrote in the chat is in 我的留言 and in 导出, and the chat goes on as
 * before; deleting her information is done in the mini-program, never from the chat. A code that is used, expired, or
 * sent from a staff member's WeChat joins nothing, and she is told why.
 */
describe('bot: 王阿姨 brings what she wrote in the chat to the mini-program', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-wang-ayi-join', '王阿姨'] })

  /** Her mini-program account on her grandson's tap, and the words it tells her to send. */
  const miniProgram = async () => {
    const app = await asResident(story.app, 'o-wang-ayi')
    const code = await app.post('/api/mp/me/chat-code')
    expect(code.status, JSON.stringify(code.body)).to.equal(201)
    expect(code.body.words).to.match(/^绑定 \d{8}$/)
    expect(code.body.minutes).to.equal(30)
    return { app, words: code.body.words as string }
  }
  const mine = async (app: Client) => ((await app.get('/api/mp/cases')).body.items as Array<{ ticket: string }>).map((c) => c.ticket)

  it('sends the words, says 是我的 in the mini-program, and her chat message is under 我的留言 and in her copy; the chat goes on as that account', async () => {
    const { bot: t, resident: wang } = story
    const ticket = await story.writesToZhangWei('我家楼下那个路灯坏了快一个月了，晚上出门看不见')
    const { app, words } = await miniProgram()
    expect(await mine(app), 'two accounts so far').to.deep.equal([])

    expect(await ask(t, wang, words)).to.equal(
      '收到。还差一步，请回到小程序确认：\n' +
        '小程序的“我的”里会问这个微信是不是您本人的，点“是我的，放到这里”，您在这里发的留言才会放到小程序里。请在 30 分钟内确认。\n' +
        '这个码要是您自己在小程序里取的；别人给的码不要发到这里，您的码也不要给别人。',
    )
    expect(await mine(app), 'nothing moves until she says so').to.deep.equal([])
    // The mini-program asks about this WeChat by the name WeChat gives it.
    expect((await app.get('/api/mp/me')).body.chatJoin.pending.question).to.equal('微信“王阿姨”要把聊天里的留言放到您这里。是您本人的微信吗？')
    expect((await sayItIsMine(app)).message).to.equal(
      '好了！微信“王阿姨”聊天里发的 1 条留言已经放到这里了，在“我的留言”里就能看到。以后在那个聊天里发的留言，这里也能看到。',
    )
    expect(await mine(app)).to.deep.equal([ticket])
    const copy = (await app.get('/api/mp/me/export')).body
    expect(copy.cases.map((c: { ticket: string }) => c.ticket)).to.deep.equal([ticket])
    // What she agreed to in the chat is in her history too: once there, once in the mini-program.
    expect(copy.consentHistory.map((h: { action: string; version: string }) => [h.action, h.version])).to.deep.equal([
      ['given', 'v3'],
      ['given', 'v3'],
    ])
    expect((await app.get('/api/mp/me')).body).to.deep.include({ chatJoined: true })

    // The chat is the same account now: her message is found there, and a new one is hers in the mini-program too.
    expect(await ask(t, wang, '查询')).to.include(ticket.slice(-4))
    const second = await story.writesToZhangWei('小区门口的垃圾好几天没人清运')
    expect((await mine(app)).sort()).to.deep.equal([ticket, second].sort())
    expect(await ask(t, wang, '我的信息'))
      .to.include('您在这里发的留言已经放到小程序里了')
      .and.include('在小程序“我的—我的信息”里改')
      .and.not.include('是另一个账号')

    expect(await ask(t, wang, '删除我的信息'), 'whoever holds this chat cannot delete her account').to.equal(
      '您在这里发的留言已经放到小程序里了，这里和小程序是同一个账号。为了防止别人用这个聊天删掉您的账号，' +
        '删除请在小程序里做：打开小程序，点“我的—我的信息”，再点“删除我的信息”。\n' +
        '只想让这个聊天不再连着小程序：在小程序“我的”里点“解除”。',
    )
    expect(await ask(t, wang, '确认删除'), 'no deletion waits for her yes').to.not.include('已删除')
    expect((await app.get('/api/mp/cases')).status, 'her account is there').to.equal(200)

    // The mini-program offers the code no more.
    const again = await app.post('/api/mp/me/chat-code')
    expect(again.status).to.equal(409)
    expect(again.body.error.message).to.equal('您在微信聊天里发的留言已经放到这里了，在“我的留言”里就能看到。')
    const audit = (await story.app.liaison.store.audit.list({ action: 'privacy.chat_joined', limit: 5 })).items
    expect(audit.map((e) => [e.actorId, e.targetId, e.details.cases])).to.deep.equal([[app.userId, app.userId, 1]])
  })

  it('deleting her information in the mini-program deletes what she wrote in the chat too', async () => {
    const { bot: t, resident: wang } = story
    const ticket = await story.writesToZhangWei('我叫王秀英，电话13912345678，楼道灯坏了')
    const { app, words } = await miniProgram()
    await ask(t, wang, words)
    await sayItIsMine(app)
    expect((await app.request('DELETE', '/api/mp/me')).status).to.equal(200)
    const c = (await story.stored(ticket))!
    expect(c.residentId, 'no longer linked to her').to.equal('erased')
    expect(c.text).to.not.include('13912345678')
    expect(await story.app.liaison.store.mpUsers.getByBotContact('wx-wang-ayi-join'), 'the chat forgets her too').to.equal(null)
    expect(await ask(t, wang, '查询')).to.not.include(ticket.slice(-4))
  })

  it('the notice before her first message is one short bubble, her rights first; "全文" gives the rest and the notice waits', async () => {
    const { bot: t } = story
    const sun = t.world.person('wx-sun-notice', '孙大爷')
    const notice = await ask(t, sun, '留言')
    expect(notice).to.match(/^个人信息保护说明\n您的权利：随时可以查看、删除您的信息/)
    expect(notice).to.include('在聊天里删，只删聊天里的').and.include('看完整的说明请回复"全文"').and.include('同意请回复"同意"')
    expect(notice).to.not.include('办理记录和操作记录按规定保存')
    expect(notice.length, 'one bubble, not 700 characters').to.be.below(350)
    const full = await ask(t, sun, '全文')
    expect(full).to.include('【个人信息保护说明】（全文）').and.include('办理记录和操作记录按规定保存').and.include('同意请回复"同意"')
    expect(await ask(t, sun, '同意')).to.include('谢谢您的同意')
  })

  it('a code sent twice, one past its 30 minutes, or one sent from a staff member’s WeChat joins nothing and says why', async () => {
    const { bot: t, resident: wang } = story
    const ticket = await story.writesToZhangWei('路口红绿灯时间太短，老人过不去马路')
    const { app, words } = await miniProgram()

    // 李娜 of the station tries the code in her own WeChat: it was hers to keep; it is spent, and nothing moves.
    const lina = t.world.person('wx-lina', '李娜')
    const console = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    expect(await ask(t, lina, `绑定 ${(await console.post('/api/admin/me/bot-code')).body.code}`)).to.include('绑定成功！李娜')
    expect(await ask(t, lina, words)).to.equal('这个微信已经绑定为代表或工作人员，不能用群众的码把留言放到小程序里。这个码已经作废了。')
    expect(await ask(t, wang, words), 'used')
      .to.include('绑定码无效或已过期')
      .and.include('请在小程序“我的”里再点一次“把聊天里的留言放到这里”，把新给的那句话发给我')
    expect(await mine(app)).to.deep.equal([])

    const late = (await app.post('/api/mp/me/chat-code')).body.words as string
    story.app.clock.advance(31 * 60_000)
    expect(await ask(t, wang, late), 'expired').to.include('绑定码无效或已过期')
    expect(await mine(app)).to.deep.equal([])
    expect((await story.stored(ticket))!.residentId, 'still her chat’s').to.not.equal(app.userId)

    // A fresh one in time asks, and she says it is hers.
    const fresh = (await app.post('/api/mp/me/chat-code')).body.words as string
    expect(await ask(t, wang, fresh)).to.include('请回到小程序确认')
    await sayItIsMine(app)
    expect(await mine(app)).to.deep.equal([ticket])
  })
})
