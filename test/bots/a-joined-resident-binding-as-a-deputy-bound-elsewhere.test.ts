import { expect } from 'chai'
import { asDeputy, asResident } from '../helpers/app.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { ask, bindingCode, useBotStory } from './helpers.js'

/**
 * 李阿姨 joined her chat to her mini-program account, and now the station gives her a deputy's code. Binding her in
 * the chat binds her mini-program account too (they are one); the deputy still works in another WeChat's
 * mini-program, which is not hers to take. The chat says so in words she can act on, and nothing changes: she is the
 * resident she was, and his workbench is his.
 */
describe('bot: a joined resident binding as a deputy who works in another WeChat is told why not', function () {
  this.timeout(60_000)
  const story = useBotStory()

  it('says the deputy is bound in another WeChat’s mini-program, that nothing changed, and whom to ask', async () => {
    const { app, bot: t } = story
    const li = t.world.person('wx-li-ayi', '李阿姨')
    const mine = await asResident(app, 'o-li-ayi')
    await ask(t, li, (await mine.post('/api/mp/me/chat-code')).body.words)
    await sayItIsMine(mine)
    const zhang = await asDeputy(app, 'dp0001')

    expect(await ask(t, li, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.equal(
      '没有绑定。您的微信聊天和小程序是同一个账号（您把聊天里的留言放到了小程序里），绑定代表身份会两边一起绑定；' +
        '可是这位代表已经在另一个微信的小程序里绑定了，不能把那边的代表身份拿走。原来的绑定都没有改动，这个绑定码已经作废了。请联系联络站工作人员。',
    )
    expect(await ask(t, li, '待办'), 'still a resident here')
      .to.not.include('您有')
      .and.not.include('待办留言：')
    expect((await zhang.get('/api/mp/me')).body.deputy).to.include({ code: 'DP0001' })
    expect((await mine.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: true })
  })
})
