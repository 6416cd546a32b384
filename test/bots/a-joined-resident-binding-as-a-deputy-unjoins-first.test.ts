import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { sayItIsMine } from '../helpers/chat-join.js'
import { ask, bindingCode, useBotStory } from './helpers.js'

/**
 * 王芳 (a new county deputy) had joined her chat to her mini-program account when she wrote as a resident; now the
 * station gives her a deputy's code and she sends it in the chat. One account in both places would make the deputy of
 * whoever holds either, so the chat says in words she can act on to 解除 first, and that the code still works; she
 * replies 解除, sends the same code again, and the chat is her deputy's; her mini-program stays a resident's.
 */
describe('bot: a joined resident binding as a deputy is told to 解除 first, and then binds', function () {
  this.timeout(60_000)
  const story = useBotStory()

  it('refuses while joined, says how, and binds the chat with the same code after 解除', async () => {
    const { app, bot: t } = story
    const wang = t.world.person('wx-wang-fang', '王芳')
    const mine = await asResident(app, 'o-wang-fang')
    await ask(t, wang, (await mine.post('/api/mp/me/chat-code')).body.words)
    await sayItIsMine(mine)
    const code = await bindingCode(app, 'dp0002')

    expect(await ask(t, wang, `绑定 ${code}`)).to.equal(
      '没有绑定，这个绑定码还能用。这个微信聊天现在和一个小程序账号连在一起（您把聊天里的留言放到了小程序里），代表和工作人员的身份不能两边一起绑定。\n' +
        '请先在这里回复“解除”，或者在小程序“我的”里点“解除”，再把这个绑定码发给我。',
    )
    expect(await ask(t, wang, '待办'), 'still a resident here')
      .to.not.include('您有')
      .and.not.include('待办留言：')
    expect((await mine.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: true })

    expect(await ask(t, wang, '解除')).to.include('已解除。')
    expect(await ask(t, wang, `绑定 ${code}`)).to.include('绑定成功！王芳代表')
    expect((await mine.get('/api/mp/me')).body).to.include({ deputy: null, chatJoined: false })
  })
})
