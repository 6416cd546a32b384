import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { ask, BOT_SECRET, caseCity, startBot, type BotUnderTest } from './helpers.js'

/**
 * The chat-join helper's leftover (round 38): before she confirms 删除我的信息, a staff member who bound her WeChat in
 * the chat read "您留下的电话，和我们记下的您的微信，都会清除" — while her staff binding, the same WeChat, where her work
 * reminders go, stays (as the answer after erasure already told her). The warning says what stays, and where she
 * lets go of it, before she decides; a resident's warning is as it was.
 */
describe('bot: a staff member asking to erase her chat is warned that her staff binding stays', function () {
  this.timeout(30_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t.stop()
    await app.close()
  })

  /** Her WeChat bound with her own code from the console, typed in the chat. */
  const bindsHerChat = async (username: string, codePath: string, contactId: string, name: string) => {
    const code = (await (await new Client(app.baseUrl).login(username, STAFF_PASSWORD)).post(codePath)).body.code as string
    const her = t.world.person(contactId, name)
    expect(await ask(t, her, `绑定 ${code}`)).to.include('绑定成功')
    return her
  }

  it('a station clerk is told before she confirms that her binding stays, and where 解除我的微信绑定 is', async () => {
    const wangwu = await bindsHerChat('wangwu', '/api/admin/me/bot-code', 'wx-wangwu', '王五')
    const warning = (await ask(t, wangwu, '删除我的信息')).split('\n')
    expect(warning.slice(0, 3)).to.deep.equal([
      '删除后：',
      '· 您留下的电话，和您作为群众留言时我们记下的微信，都会清除；',
      '· 您的工作人员绑定不会删除：这个微信还绑定着您的工作人员账号，工作提醒还会发到这里。不想再在这个微信收到，请登录管理后台，在“绑定码”页点“解除我的微信绑定”；',
    ])
    expect(warning.join('\n')).to.not.include('和我们记下的您的微信，都会清除')
    // What she was warned of is what happens.
    const erased = await ask(t, wangwu, '确认删除')
    expect(erased).to.include('您的工作人员绑定没有删除')
    expect(await app.liaison.store.bot.contactOfStaff('sf04')).to.equal('wx-wangwu')
    // A resident's warning is as before: her WeChat is cleared.
    const wang = t.world.person('wx-wang', '王阿姨')
    expect((await ask(t, wang, '删除我的信息')).split('\n').slice(0, 3)).to.deep.equal([
      '删除后：',
      '· 您留下的电话，和我们记下的您的微信，都会清除；',
      '· 还没办完的留言会撤回，代表不再办理；',
    ])
  })

  it('a handling unit’s staff member is told to let go of it on 交办建议', async () => {
    const chengang = await bindsHerChat('chengang', '/api/unit/me/bot-code', 'wx-chengang', '陈刚')
    const warning = (await ask(t, chengang, '删除我的信息')).split('\n')
    expect(warning[2]).to.equal(
      '· 您的工作人员绑定不会删除：这个微信还绑定着您的工作人员账号，工作提醒还会发到这里。不想再在这个微信收到，请登录管理后台，在“交办建议”页点“解除微信绑定”；',
    )
  })
})
