import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { asAdmin, asResident, Client } from '../helpers/app.js'
import { ask, useBotStory } from './helpers.js'

/**
 * Review 37, finding 4. 李娜 gives 王芳 one six-digit code; she binds the mini-program with it. Sent to the chat, the
 * same code was refused, with a resident's instructions first (把聊天里的留言放到这里), and she had to phone the station
 * for a second one. A code binds one place once, as before; the refusal now speaks to deputies and staff only, and
 * sends a deputy to her workbench, whose 绑定微信聊天 gives her own words for the chat. She sends them and is bound
 * there too. A resident's eight-digit code is refused in a resident's words, as before.
 */
describe('bot: a deputy binds her chat with words from her workbench, not a second code from the station', function () {
  this.timeout(30_000)
  const story = useBotStory()

  it('refuses the used code in a deputy’s words, then binds the chat with the workbench’s words', async () => {
    const { app, bot: t } = story
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const code = (await lina.post('/api/admin/deputies/dp0002/binding-code')).body.code as string
    const phone = await asResident(app, 'o-wangfang')
    expect((await phone.post('/api/mp/bind', { bindCode: code })).status).to.equal(200)
    expect((await phone.get('/api/mp/deputy/notices')).body.bot, 'her chat is not bound yet').to.equal(false)

    const wang = t.world.person('wx-wangfang', '王芳')
    const refused = await ask(t, wang, `绑定 ${code}`)
    expect(refused).to.include('绑定码无效或已过期（每个码只能用一次）')
    expect(refused).to.include('在小程序里用过的绑定码，在这里不能再用').and.include('“代表工作台”，点“绑定微信聊天”')
    expect(refused, 'no resident’s instructions').not.to.include('把聊天里的留言放到这里')
    expect(refused).not.to.include('想把在这里发的留言放到小程序里')

    // 待办 before the chat is bound says where its code is.
    expect(await ask(t, wang, '待办')).to.include('请在小程序“代表工作台”里点“绑定微信聊天”')

    const issued = await phone.post('/api/mp/deputy/notices/chat-code')
    expect(issued.status).to.equal(201)
    expect(issued.body.words).to.match(/^绑定 \d{6}$/)
    expect(issued.body.minutes).to.equal(30)
    // On record in her own name, as her binding is.
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=deputy.binding_code.issue')
    expect(audit.body.items.map((e: { actorWords: string; actionWords: string }) => [e.actorWords, e.actionWords])).to.deep.equal([
      ['王芳（人大代表）', '生成代表绑定码'],
      ['李娜（联络站工作人员）', '生成代表绑定码'],
    ])
    const bound = await ask(t, wang, issued.body.words)
    expect(bound).to.include('绑定成功！王芳代表，您好。')
    expect(await ask(t, wang, '待办')).to.equal('您目前没有待办留言。')
    expect((await phone.get('/api/mp/deputy/notices')).body.bot, 'her workbench stops offering it').to.equal(true)
    expect(await ask(t, t.world.person('wx-other', '路人'), issued.body.words), 'used once').to.include('绑定码无效或已过期')

    // A resident's code (eight digits) that binds nothing is still refused in a resident's words.
    const hers = await ask(t, t.world.person('wx-resident', '李阿姨'), '绑定 12345678')
    expect(hers).to.include('把聊天里的留言放到这里')

    // The chat's words are a deputy's only, for herself: a resident asking is refused, and given no code.
    const notDeputy = await (await asResident(app, 'o-not-a-deputy')).post('/api/mp/deputy/notices/chat-code')
    expect(notDeputy.status).to.equal(403)
    expect(notDeputy.body.error.code).to.equal('not_a_deputy')
  })
})
