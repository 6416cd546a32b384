import { expect } from 'chai'
import { asDeputy, Client } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * In the chat, a resident reads the steps of her message (查询 0001) in her words, and her rights
 * (撤回同意, 删除我的信息) in a chat's terms, with what she can do next.
 */
describe('bot: a resident reads her message’s steps and her rights in her own words', function () {
  this.timeout(30_000)
  const story = useCaseStory({ resident: ['wx-li', '李阿姨'] })
  beforeEach(() => story.app.clock.set(new Date('2026-11-23T02:00:00Z'))) // Monday 10:00 in Asia/Shanghai

  it('"查询 0001": who did what, by name, she is "您", and nothing staff or deputies wrote to each other', async () => {
    const { app, bot: t, resident: li } = story
    const ticket = await story.writesToZhangWei('北门的路灯坏了一个月')
    const c = (await story.stored(ticket))!
    const personId = (await app.liaison.store.mpUsers.getByBotContact('wx-li'))!.id
    expect(await ask(t, story.deputy, `受理 ${ticket.slice(-4)}`)).to.include('已受理')
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '这位居民上次和我吵过，请换人' })
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '王芳代表住得近，居民脾气急' })
    const wang = await asDeputy(app, 'dp0002')
    await wang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    await wang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已请供电所换了灯。' })
    await t.bot.client.rate(personId, ticket, 2, '灯还是不亮')
    await t.bot.client.reopen(personId, ticket, '路灯修好两天又坏了')

    const detail = await ask(t, li, `查询 ${ticket.slice(-4)}`)
    const steps = detail
      .split('\n')
      .filter((line) => line.startsWith('· '))
      .map((line) => line.replace(/^· \S+ \S+ /, '')) // "· 11月23日 10:00 " before each step
    expect(steps).to.have.length(9)
    expect(steps[0]).to.equal('您送出了留言')
    expect(steps[1], 'where it went and why, as she was told').to.match(/^已交给张伟代表办理：已交给轻工街道代表联络站的张伟代表（/)
    expect(steps.slice(2)).to.deep.equal([
      '张伟代表看到了留言，开始办理',
      '张伟代表把留言交回轻工街道代表联络站重新安排',
      '已交给王芳代表办理',
      '王芳代表看到了留言，开始办理',
      '王芳代表已答复：已请供电所换了灯。',
      '您的评价：2 分，灯还是不亮',
      '您申请了重新办理：路灯修好两天又坏了',
    ])
    for (const word of ['分派代表', '转交', '群众', '吵过', '脾气急']) expect(detail, word).not.to.include(word)
    expect(detail, 'the day of the answer as she reads a date').to.match(/代表会在\d{1,2}月\d{1,2}日前（含当日）答复您。/)
  })

  it('撤回同意 says how to agree again, and "留言" then "同意" does it', async () => {
    const { app, bot: t, resident: li } = story
    await story.writesToZhangWei('楼道灯不亮')
    expect(await ask(t, li, '撤回同意')).to.include('确定要撤回吗？')
    const answer = await ask(t, li, '是')
    expect(answer).to.equal(
      '已撤回您的同意。您已经送出的留言仍会照常办理，代表答复了会在这里告诉您；您同意公开的留言已撤下。\n' +
        '撤回后不能再送出新的留言；聊天已经放到小程序里的，小程序里也不能再填问卷（不留名字的问卷还可以填）、提意见、答题。已经保存的信息没有因此删除。\n' +
        '以后想再留言，请发送"留言"，看过个人信息保护说明后回复"同意"就可以了。',
    )
    // What it says works: the notice again, then her yes to the same version.
    expect(await ask(t, li, '留言'))
      .to.include('个人信息保护说明')
      .and.include('同意请回复"同意"')
    expect(await ask(t, li, '同意')).to.include('谢谢您的同意')
    const person = (await app.liaison.store.mpUsers.getByBotContact('wx-li'))!
    expect(person.consentVersion).to.equal('v3')
  })

  it('删除我的信息 speaks of her phone and WeChat, not of logins or subscriptions, and says how to write again', async () => {
    const { bot: t, resident: li } = story
    const ticket = await story.writesToZhangWei('我叫李秀英，电话13912345678，楼下井盖丢了')
    const warning = await ask(t, li, '删除我的信息')
    expect(warning).to.include('您留下的电话，和我们记下的您的微信，都会清除').and.include('发送"查询"也查不到了')
    expect(warning).not.to.match(/账号|订阅|登录/)
    const erased = await ask(t, li, '确认删除')
    expect(erased).to.equal(
      '您的个人信息已删除：您留下的电话，和我们记下的您的微信，都已清除。' +
        `尚未办完的留言 ${ticket} 已撤回，代表不再办理。` +
        '您的 1 条留言已去掉您的姓名、电话、门牌号等信息（个别写法特殊的称呼可能没能识别出来，如有发现请联系联络站），只保留内容用于统计，不再与您关联，发送"查询"也查不到了。' +
        '办理记录和操作记录按规定保存，以备核查，其中您写下的个人信息已去除。\n' +
        '以后想给代表留言，发送"留言"就可以重新开始，会先请您看一下个人信息保护说明。',
    )
    expect(await ask(t, li, '查询')).to.include('您还没有留言')
    expect(await ask(t, li, '留言'), 'as it said: the notice first')
      .to.include('个人信息保护说明')
      .and.include('同意请回复"同意"')
  })
})
