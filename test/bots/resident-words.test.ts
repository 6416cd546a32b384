import { expect } from 'chai'
import { asDeputy, type TestApp } from '../helpers/app.js'
import { ask, type BotUnderTest, useBotStory } from './helpers.js'

type Person = ReturnType<BotUnderTest['world']['person']>

/**
 * Elderly residents write as they speak: a problem as their first words, "谢谢谢谢[抱拳]", "好的",
 * "我那个路灯的事怎么样了", "就这些啦", "好了" under the summary. Each gets a short answer that
 * does what they meant, never the whole menu where a short answer does.
 */
describe('bot: a resident is understood in her own words', function () {
  this.timeout(30_000)
  const story = useBotStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  const ticketIn = (said: string) => /编号：(\d{8}-\d{4})/.exec(said)?.[1]
  const stored = (ticket: string) => app.liaison.store.cases.getByTicket(ticket)

  /** To 张伟 by his code, agreeing to the notice the first time: the ticket. */
  async function leaveMessage(person: Person, text: string, first = true) {
    await ask(t, person, `我要给张伟代表留言：${text}`)
    if (first) await ask(t, person, '同意')
    return ticketIn(await ask(t, person, '确认'))!
  }

  it('a problem told as her first words starts a message with those words kept, through the privacy notice', async () => {
    const elder = t.world.person('wx-elder', '老李')
    const first = await ask(t, elder, '我们楼下路灯坏了找谁反映啊')
    expect(first).to.include('您是想给人大代表留言吧？这段话已经记下了').and.include('同意请回复"同意"')
    expect(first, 'not the menu').to.not.include('3. 帮助')
    expect(await ask(t, elder, '同意')).to.match(/1\. 湛河区/)
    await ask(t, elder, '1')
    await ask(t, elder, '1')
    const confirm = await ask(t, elder, '1')
    expect(confirm).to.include('发给：湛河区 轻工街道 建设路社区').and.include('内容：我们楼下路灯坏了找谁反映啊\n').and.include('1. 确认送出')
    const ticket = ticketIn(await ask(t, elder, '1'))!
    expect(await stored(ticket)).to.include({ regionId: 'c010101', text: '我们楼下路灯坏了找谁反映啊' })

    // Agreed already: straight to the place questions, the words kept again.
    const again = await ask(t, elder, '小区门口的井盖丢了，晚上很危险')
    expect(again).to.include('这段话已经记下了').and.include('您上次是建设路社区（湛河区 轻工街道 建设路社区），这次还发这里吗？')
    expect(again, 'the notice is not shown twice').to.not.include('同意请回复')
    expect(await ask(t, elder, '取消'), 'she may still say no').to.include('已取消，内容没有送出')
    // A few words are never lost: offered as a message, with the menu one word away.
    expect(await ask(t, elder, '天气不错'))
      .to.include('您刚才说的"天气不错"还没有发出去')
      .and.include('请回复"帮助"看菜单')
  })

  it('"谢谢谢谢[抱拳]" and "好的" after submitting are answered kindly; "我那个路灯的事怎么样了", "查一下", "进展怎么样" list her messages', async () => {
    const elder = t.world.person('wx-elder', '老李')
    const ticket = await leaveMessage(elder, '楼下路灯坏了')
    for (const said of ['谢谢谢谢[抱拳]', '好的', '好']) {
      const answer = await ask(t, elder, said)
      expect(answer, said).to.match(/^(不客气|好的)！有事随时发消息给我们/)
      expect(answer, said).to.not.include('3. 帮助')
    }
    // One message: shown in full at once.
    for (const said of ['我那个路灯的事怎么样了', '查一下', '进展怎么样']) {
      expect(await ask(t, elder, said), said).to.include(`您有 1 条留言：\n留言 ${ticket}【`)
    }
    expect(await ask(t, elder, `${ticket.slice(-4)} 有答复了吗`), 'its number: that one in full')
      .to.include(`留言 ${ticket}`)
      .and.include('办理经过：')
  })

  it('inside a message, "查一下路灯为什么不亮" is part of it, and "就这些啦" ends it', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '给DP0001留言')
    await ask(t, elder, '同意')
    await ask(t, elder, '12号楼前的路灯一个月没亮了')
    expect(await ask(t, elder, '查一下路灯为什么不亮')).to.equal('')
    const confirm = await ask(t, elder, '就这些啦')
    expect(confirm).to.include('内容：12号楼前的路灯一个月没亮了\n查一下路灯为什么不亮\n').and.include('1. 确认送出')
    const ticket = ticketIn(await ask(t, elder, '1'))!
    expect((await stored(ticket))!.text).to.equal('12号楼前的路灯一个月没亮了\n查一下路灯为什么不亮')
  })

  it('"好了" under the summary submits it', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '给DP0001留言')
    await ask(t, elder, '同意')
    await ask(t, elder, '小区门口的垃圾好几天没人清运')
    expect(await ask(t, elder, '好了好了')).to.include('1. 确认送出')
    const done = await ask(t, elder, '好了')
    expect(done).to.include('留言已送出，谢谢您！')
    expect((await stored(ticketIn(done)!))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it('a summary left unanswered for 30 minutes is kept and said to be not sent; "1" later sends it', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '给DP0001留言')
    await ask(t, elder, '同意')
    await ask(t, elder, '小区门口的垃圾好几天没人清运')
    expect(await ask(t, elder, '就这些了')).to.include('1. 确认送出')

    t.clock.advance(31 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    const notice = t.world.said('老李').at(-1)!
    expect(notice).to.equal('您好，您的留言（小区门口的垃圾好几天没人清运）还没有送出，代表还看不到。\n要送出请回复 1；不要了请回复"取消"。')
    const count = t.world.said('老李').length
    t.clock.advance(60 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('老李').length, 'told once').to.equal(count)
    expect((await app.liaison.store.cases.search({ limit: 10 })).items, 'nothing sent yet').to.have.length(0)

    const done = await ask(t, elder, '1')
    expect(done).to.include('留言已送出，谢谢您！')
    expect((await stored(ticketIn(done)!))!.text).to.equal('小区门口的垃圾好几天没人清运')
  })

  it('back after the timeout with other words, she first hears the draft was not sent, with the summary to send it', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '给DP0001留言')
    await ask(t, elder, '同意')
    await ask(t, elder, '小区门口的垃圾好几天没人清运')
    await ask(t, elder, '好了')
    t.clock.advance(40 * 60_000) // no sweep ran (the bot was down): her next message finds it
    const back = await ask(t, elder, '在吗')
    expect(back).to.include('您上次写的留言还没有送出，代表还看不到。').and.include('内容：小区门口的垃圾好几天没人清运\n').and.include('1. 确认送出')
    expect(back, 'not "已经先结束了"').to.not.include('结束')
    const done = await ask(t, elder, '1')
    expect(done).to.include('留言已送出')
    expect((await stored(ticketIn(done)!))!.text, '"在吗" is not in it').to.equal('小区门口的垃圾好几天没人清运')
  })

  it('"撤回 0001" with two of her messages ending so lists the ones that can still be withdrawn, in full', async () => {
    const li = t.world.person('wx-li', '老李')
    const first = await leaveMessage(li, '楼下路灯坏了')
    app.clock.advance(24 * 3_600_000) // numbers start again each day
    const second = await leaveMessage(li, '小区垃圾没人收', false)
    const short = first.slice(-4)
    expect(second.slice(-4)).to.equal(short)

    const both = await ask(t, li, `撤回 ${short}`)
    expect(both)
      .to.include(`有 2 条可以撤回的留言以 ${short} 结尾：`)
      .and.include(`· ${first}【`)
      .and.include('楼下路灯坏了')
      .and.include(`· ${second}【`)
      .and.include(`请发送"撤回"和完整编号，如：撤回 ${second}`)
    expect(await stored(first), 'nothing withdrawn on a guess').to.not.include({ status: 'withdrawn' })

    // Once one is answered, only the other can be meant.
    const answered = (await stored(first))!
    await (await asDeputy(app, answered.deputyId!)).post(`/api/mp/deputy/cases/${answered.id}/reply`, { text: '已安排维修。' })
    expect(await ask(t, li, `撤回 ${short}`)).to.equal(`已撤回留言 ${second}，代表不会再办理这条留言。`)
    expect(await stored(second)).to.include({ status: 'withdrawn' })
    expect(await stored(first)).to.include({ status: 'replied' })
    expect(await ask(t, li, `撤回 ${short}`)).to.equal(`以 ${short} 结尾的 2 条留言都已答复、办结或撤回，不能撤回了。`)
  })
})
