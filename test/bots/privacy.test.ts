import { expect } from 'chai'
import { parsePrivacyRequest } from '../../bots/flows/privacy-requests.js'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { ask, BOT_SECRET, caseCity, startBot, type BotUnderTest } from './helpers.js'

/** A resident uses their rights by chatting: 撤回, 撤回同意, 删除我的信息. */
describe('bot: a resident withdraws a message or has their data deleted', function () {
  this.timeout(20_000)
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

  async function leaveMessage(person: ReturnType<BotUnderTest['world']['person']>, text: string, first = true) {
    await ask(t, person, `我要给张伟代表留言：${text}`)
    if (first) await ask(t, person, '同意')
    const done = await ask(t, person, '确认')
    return /编号：(\d{8}-\d{4})/.exec(done)![1]
  }

  it('withdraws a message nobody has answered yet by its last four digits, and refuses one already answered', async () => {
    const li = t.world.person('wx-li', '老李')
    expect(await ask(t, li, '帮助'), 'the menu says how')
      .to.include('发送"撤回"')
      .and.to.include('发送"删除我的信息"')
    const first = await leaveMessage(li, '楼下路灯坏了')
    const second = await leaveMessage(li, '小区垃圾没人收', false)

    const list = await ask(t, li, '撤回')
    expect(list).to.include('可以撤回的留言：')
    expect(list).to.include(first).and.to.include(second)

    const done = await ask(t, li, `撤回 ${first.slice(-4)}`)
    expect(done).to.equal(`已撤回留言 ${first}，代表不会再办理这条留言。`)
    expect(await app.liaison.store.cases.getByTicket(first)).to.include({ status: 'withdrawn' })

    const c = (await app.liaison.store.cases.getByTicket(second))!
    await (await asDeputy(app, c.deputyId!)).post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已安排清运。' })
    expect(await ask(t, li, `撤回${second}`), 'what became of it, and what she can do instead').to.equal(
      `留言 ${second} 代表已经答复了，不能再撤回。您可以查看答复并评价。`,
    )
    expect(await app.liaison.store.cases.getByTicket(second)).to.include({ status: 'replied' })
  })

  it('asks before deleting, deletes on "确认删除", and the next message starts afresh', async () => {
    const wang = t.world.person('wx-wang', '王阿姨')
    const ticket = await leaveMessage(wang, '我叫王芳芳，电话13912345678，门口井盖丢了')
    const personId = (await app.liaison.store.mpUsers.getByBotContact('wx-wang'))!.id

    const warning = await ask(t, wang, '删除我的信息')
    expect(warning).to.include('删除后不能恢复').and.to.include('确认删除')
    expect(await ask(t, wang, '算了')).to.equal('好的，没有删除您的信息。')
    expect(await app.liaison.store.mpUsers.get(personId)).to.include({ botContactId: 'wx-wang' })

    await ask(t, wang, '删除我的信息')
    const erased = await ask(t, wang, '确认删除')
    expect(erased).to.include('您的个人信息已删除').and.to.include(`尚未办完的留言 ${ticket} 已撤回`)
    const c = (await app.liaison.store.cases.getByTicket(ticket))!
    expect(c).to.include({ status: 'withdrawn', residentId: 'erased', text: '我叫某某，电话（已隐去），门口井盖丢了' })
    expect(await app.liaison.store.mpUsers.get(personId)).to.include({ botContactId: null, consentVersion: null })

    expect(await ask(t, wang, '查询'), 'a new person with no messages').to.include('您还没有留言')
  })

  it('asks once more for "确认删除" when the answer is a bare "确认", and then deletes', async () => {
    const li = t.world.person('wx-li', '李大爷')
    await leaveMessage(li, '楼下路灯不亮')
    const personId = (await app.liaison.store.mpUsers.getByBotContact('wx-li'))!.id
    await ask(t, li, '删除我的信息')
    const again = await ask(t, li, '确认')
    expect(again, 'not "没有删除"').to.equal('删除后不能恢复。确定要删除，请回复"确认删除"四个字；不删除请回复"取消"。')
    expect(await app.liaison.store.mpUsers.get(personId), 'nothing deleted on a bare 确认').to.include({ botContactId: 'wx-li' })
    expect(await ask(t, li, '确认删除')).to.include('您的个人信息已删除')
  })

  it('takes "确认删除。" with its full stop as the confirmation', async () => {
    const sun = t.world.person('wx-sun', '孙奶奶')
    await leaveMessage(sun, '楼道灯不亮')
    const personId = (await app.liaison.store.mpUsers.getByBotContact('wx-sun'))!.id
    await ask(t, sun, '删除我的信息')
    expect(await ask(t, sun, '确认删除。')).to.include('您的个人信息已删除')
    expect(await app.liaison.store.mpUsers.get(personId)).to.include({ botContactId: null })
  })

  it('withdraws consent: no new message until they agree again', async () => {
    const zhao = t.world.person('wx-zhao', '赵大爷')
    await leaveMessage(zhao, '公交站台顶棚漏雨')
    expect(await ask(t, zhao, '撤回同意')).to.include('确定要撤回吗？')
    expect(await ask(t, zhao, '是'))
      .to.include('已撤回您的同意')
      .and.to.include('已经送出的留言仍会照常办理')
    const person = (await app.liaison.store.mpUsers.getByBotContact('wx-zhao'))!
    expect(person.consentVersion).to.equal(null)
    const refused = await t.bot.client.submitCase(person.id, { text: '又一条', deputyCode: 'DP0001' }, 'draft-after-withdrawal').catch((err) => err)
    expect(refused).to.include({ status: 422, code: 'consent_required' })
    expect((await t.bot.client.resolvePerson({ contactId: 'wx-zhao' })).consented, 'the bot will show the notice again').to.equal(false)
  })

  it('reads only whole-message requests, so a message that mentions 撤回 is still a message', () => {
    expect(parsePrivacyRequest('撤回 0042')).to.deep.equal({ kind: 'withdraw', ref: '0042' })
    expect(parsePrivacyRequest('撤回留言20261123-0001')).to.deep.equal({ kind: 'withdraw', ref: '20261123-0001' })
    expect(parsePrivacyRequest('撤 回')).to.deep.equal({ kind: 'withdraw', ref: null })
    expect(parsePrivacyRequest('删除 我的信息！')).to.deep.equal({ kind: 'erase' })
    expect(parsePrivacyRequest('我想撤回之前说的，路灯还是坏的')).to.equal(null)
    expect(parsePrivacyRequest('删除我的信息和照片吧，太乱了')).to.equal(null)
  })
})
