import { expect } from 'chai'
import type { TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, type BotUnderTest, type Person } from './helpers.js'

/** 10:00 in Shanghai on the day after `now`: every story's messages are numbered within one day, from 0001. */
const nextMorning = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 2))

/** More than the bot's list holds (her 20 newest): her first messages are older than all of them. */
const LATER_MESSAGES = 21

/**
 * 赵阿姨 speaks for her block: she has written to 张伟 many times. Her first message, answered long ago,
 * is not among her 20 newest, yet "查询 0001", "评价 0001 2", "重新办理 0001 …" and "撤回 0002" find it by
 * its last four digits, however old; a number of another person's message stays "没有找到".
 */
describe('bot: a resident who has written many times finds an old message by its number', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-zhao', '赵阿姨'] })
  let app: TestApp
  let t: BotUnderTest
  let resident: Person
  beforeEach(() => {
    ;({ app, bot: t, resident } = story)
    app.clock.set(nextMorning(app.clock.now()))
  })

  /** Someone writes to 张伟 through the bot's API, as the bot sends a message it has taken down. */
  const sends = async (who: Person, text: string, key: string) => {
    const { personId } = await t.bot.client.resolvePerson({ contactId: who.id })
    app.clock.advance(60_000) // a minute apart: never more than one person may send in ten minutes
    return (await t.bot.client.submitCase(personId, { text, deputyCode: 'DP0001' }, key)).ticket
  }

  /**
   * Her first message (the street lamp), answered by 张伟 with her score still to give, and her second (the
   * stairwell), not answered yet; then 21 more: both are older than her 20 newest.
   */
  async function spokeswomanWithOldMessages() {
    const lamp = await story.writesToZhangWei('北门的路灯坏了一个月，晚上出门看不清路')
    await story.zhangWeiAnswers(lamp, '已联系供电所，这周内修好。')
    const stairs = await sends(resident, '3号楼楼道里堆满了杂物，老人上下楼不方便', 'zhao-stairs')
    for (let i = 1; i <= LATER_MESSAGES; i++) await sends(resident, `楼下第${i}个车位被长期占用，请帮忙协调`, `zhao-later-${i}`)
    return { lamp, stairs }
  }

  it('her list says it shows only the newest; "查询 0001" shows her first message, "评价 0001 2" rates it and "重新办理 0001" reopens it', async () => {
    const { lamp } = await spokeswomanWithOldMessages()
    const short = lamp.slice(-4)

    const list = await ask(t, resident, '查询')
    expect(list)
      .to.include('您最近的 5 条留言（更早的没有列出）：')
      .and.include('更早的留言，发送"查询"和它的编号（完整编号或后四位）也能查到。')
      .and.not.include(lamp)

    expect(await ask(t, resident, `查询 ${short}`))
      .to.include(`留言 ${lamp}【代表已答复，请评价】`)
      .and.include('内容：北门的路灯坏了一个月，晚上出门看不清路')
      .and.include('答复：已联系供电所，这周内修好。')
      .and.include(`给答复打分请发送：评价 ${short} 5`)

    expect(await ask(t, resident, `评价 ${short} 2`))
      .to.include('已记下您的评分：2 分')
      .and.include('1. 重新办理')
    expect(await story.stored(lamp)).to.include({ status: 'closed', rating: 2 })
    expect(await ask(t, resident, '2')).to.include('好的，谢谢您！')

    expect(await ask(t, resident, `重新办理 ${short} 灯还是不亮`)).to.include(`已申请重新办理留言 ${lamp}`)
    expect((await story.stored(lamp))!.status).to.equal('reopened')
  })

  it('"重新办理" without a number offers her old answer she rated low, though 21 newer messages are still being handled', async () => {
    const { lamp } = await spokeswomanWithOldMessages()
    expect(await ask(t, resident, `评价 ${lamp.slice(-4)} 2`)).to.include('1. 重新办理')
    expect(await ask(t, resident, '2')).to.include('好的，谢谢您！')

    const asked = await ask(t, resident, '重新办理')
    expect(asked, 'her one message that can be handled again').to.include(lamp).and.not.include('还在办理中')
    expect(await ask(t, resident, '灯还是不亮，晚上还是看不清路')).to.include(`已申请重新办理留言 ${lamp}`)
    expect((await story.stored(lamp))!.status).to.equal('reopened')
  })

  it('"撤回" without a number offers her old message nobody has answered, though her 21 newer ones are taken back already', async () => {
    const { stairs } = await spokeswomanWithOldMessages()
    const { personId } = await t.bot.client.resolvePerson({ contactId: resident.id })
    for (const later of (await t.bot.client.cases(personId)).filter((c) => c.ticket !== stairs)) await t.bot.client.withdraw(personId, later.ticket)

    expect(await ask(t, resident, '撤回'))
      .to.include('可以撤回的留言：')
      .and.include(stairs.slice(-4))
      .and.include('3号楼楼道里堆满了杂物')
  })

  it('"撤回 0002" takes back her old message nobody has answered yet', async () => {
    const { stairs } = await spokeswomanWithOldMessages()
    expect(await ask(t, resident, `撤回 ${stairs.slice(-4)}`)).to.include(`已撤回留言 ${stairs}`)
    expect((await story.stored(stairs))!.status).to.equal('withdrawn')
  })

  it('four digits that end her old message and one of today name both in full; the whole number then finds the old one', async () => {
    const { lamp } = await spokeswomanWithOldMessages()
    app.clock.set(nextMorning(app.clock.now())) // numbers start again at 0001
    const today = await sends(resident, '小区东门的垃圾桶满了没人清', 'zhao-today')
    const short = lamp.slice(-4)
    expect(today.slice(-4)).to.equal(short)

    for (const said of [`查询 ${short}`, `评价 ${short} 5`])
      expect(await ask(t, resident, said), said)
        .to.include(`有 2 条留言以 ${short} 结尾：`)
        .and.include(`· ${today} 小区东门的垃圾桶满了没人清`)
        .and.include(`· ${lamp} 北门的路灯坏了一个月`)
        .and.include('请发完整编号。')
    expect((await story.stored(lamp))!.rating, 'nothing rated on a guess').to.equal(null)

    expect(await ask(t, resident, `查询 ${lamp}`))
      .to.include(`留言 ${lamp}【代表已答复，请评价】`)
      .and.include('答复：已联系供电所，这周内修好。')
  })

  it("another person's number, by its last four digits or in full, is not found: nothing of his is shown, rated, reopened or taken back", async () => {
    await spokeswomanWithOldMessages()
    const qian = t.world.person('wx-qian', '钱大爷')
    await t.bot.client.consent((await t.bot.client.resolvePerson({ contactId: qian.id })).personId, 'v3')
    const his = await sends(qian, '我家楼顶漏水，下雨天屋里都是水', 'qian-roof')
    const short = his.slice(-4)

    for (const said of [`查询 ${short}`, `查询 ${his}`, `评价 ${short} 5`, `评价 ${his} 1`, `重新办理 ${short} 还是漏水`, `撤回 ${short}`, `撤回 ${his}`]) {
      const answer = await ask(t, resident, said)
      expect(answer, said).to.include('没有找到编号为').and.include('的留言').and.not.include('漏水，下雨天')
    }
    expect(await story.stored(his), 'his message as he left it').to.include({ status: 'assigned', rating: null })
  })
})
