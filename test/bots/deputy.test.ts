import { expect } from 'chai'
import { asResident, type TestApp } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, bindingCode, dispatch, waitFor, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

const MONDAY_0905 = new Date('2026-12-07T01:05:00Z') // Monday 12月7日 9:05 in Shanghai

/** A deputy works from WeChat; the reply reaches the resident through the bot outbox. */
describe('bot: a deputy binds, lists, acknowledges and replies; the resident rates', function () {
  this.timeout(20_000)
  const story = useCaseStory({ resident: ['wx-elder', '老李'], deputyBound: false })
  const { writes, zhangWeiAnswers, messageReachesZhangWei } = story
  let app: TestApp
  let t: BotUnderTest
  let resident: Person
  let deputy: Person
  let ticket: string
  beforeEach(async () => {
    ;({ app, bot: t, resident, deputy } = story)
    // A morning, so that a padded hour ("09:05") would show in the deadlines the tests read.
    app.clock.set(MONDAY_0905)
    ticket = await writes('路口红绿灯时间太短，老人过不去马路')
  })

  const bind = () => bindZhangWei(app, t, deputy)

  it('refuses case commands before binding, and binds with the one-time code from the console', async () => {
    expect(await ask(t, deputy, '待办')).to.include('仅限已绑定的人大代表')
    const code = await bindingCode(app, 'dp0001')
    // Wrong for certain: the real code with its last digit changed (a fixed "000000" was his code once in a million).
    const wrong = code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10)
    expect(await ask(t, deputy, `绑定 ${wrong}`)).to.include('绑定码无效或已过期')
    expect(await ask(t, deputy, `绑定 ${code}`)).to.include('绑定成功！张伟代表')
    const todo = await ask(t, deputy, '待 办')
    expect(todo).to.include('您有 1 条待办留言')
    expect(todo).to.include(`【${ticket.slice(-4)}】`)
    expect(todo).to.include('路口红绿灯时间太短')
    // Not accepted yet: the deadline he owes first is 受理's.
    // 24 working hours after Monday 9:05; a time of day as people write it, the hour without a leading zero.
    expect(todo).to.include('请在12月8日（星期二）上午9:05前受理')
    expect(todo, 'as his mini-program page says it').to.not.include('24:00')
  })

  it('acknowledges and replies by the last four digits; the reply reaches the resident, whose "5" rates it', async () => {
    await bind()
    const short = ticket.slice(-4)
    expect(await ask(t, deputy, `受理 ${short}`)).to.include(`已受理留言 ${ticket}`)
    expect(await ask(t, deputy, `受理 ${short}`), 'a second 受理, in words').to.include('您已经受理过了')
    expect(await ask(t, deputy, `回复 ${short}`), 'no text yet').to.include('请把您要对群众说的话直接发过来')
    expect(await ask(t, deputy, `回复 ${short} 已和交警大队沟通，下周起延长到 40 秒。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)
    expect((await app.liaison.store.cases.getByTicket(ticket))!.status).to.equal('replied')

    await dispatch(app) // the backend routes the resident's notice to the bot
    const delivered = await waitFor(() => t.world.said('老李').find((m) => m.includes('有答复了')), 'the reply to reach the resident')
    expect(delivered).to.include('已和交警大队沟通，下周起延长到 40 秒。')
    expect(delivered).to.include('请为办理结果打分')
    await waitFor(async () => (await t.bot.client.dialogue('wx-elder')).state?.rating, 'the dialogue to await a rating')

    expect(await ask(t, resident, '5')).to.include('已记下您的评分：5 分。谢谢您的评价！')
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ status: 'closed', rating: 5 })
    expect(await ask(t, resident, '5'), 'a second "5" is answered as the score given').to.include('您已经打过分了（5 分），不用再打')
  })

  it('asks for the number, with one of his to copy, when 受理 or 回复 comes without it', async () => {
    await bind()
    const short = ticket.slice(-4)
    const bare = await ask(t, deputy, '受理')
    expect(bare, 'not the resident menu').to.not.include('1. 留言')
    expect(bare).to.equal(`请在"受理"后面写上留言编号，例如：\n受理 ${short}\n（${short} 是您待办里的留言：路口红绿灯时间太短，老人过不去马路）`)
    expect(await ask(t, deputy, '回复：已经和交警说了')).to.include(`回复 ${short} 答复内容`)
    expect((await app.liaison.store.cases.getByTicket(ticket))!.status, 'nothing done by guess').to.not.equal('replied')
  })

  it("tells him in the new message's notice what to send, and the line copied from it acknowledges the message", async () => {
    await bind()
    const neighbour = t.world.person('wx-neighbour', '老周')
    const { ticket: second, notice } = await messageReachesZhangWei(neighbour, '楼下垃圾桶满了三天没人清理')
    const short = second.slice(-4)

    expect(notice.split('\n')[0], 'addressed to him, as every notice to a deputy is').to.match(
      new RegExp(`^张伟代表，您有一条新留言 ${second}（[^）]+）：楼下垃圾桶满了三天没人清理，请在12月8日（星期二）上午9:05前受理。$`),
    )
    expect(notice).to.include(`受理请回复：受理 ${short}`).and.include(`答复请回复：回复 ${short} 再写上答复`)
    const copied = /受理 \d{4}/.exec(notice)![0]
    expect(await ask(t, deputy, copied)).to.include(`已受理留言 ${second}`)
    expect((await app.liaison.store.cases.getByTicket(second))!.status).to.equal('acknowledged')
  })

  it('answers the case whose notice the deputy quotes (WeChat 引用), acknowledging with 受理 alone', async () => {
    await bind()
    const quote = (words: string) =>
      `「联络站小助手：张伟代表，您有一条新留言 ${ticket}（城市管理）：路口红绿灯时间太短，请在12月4日前受理。」\n- - - - - - - - - - - - - - -\n${words}`
    expect(await ask(t, deputy, quote('受理'))).to.include(`已受理留言 ${ticket}`)
    expect(await ask(t, deputy, quote('已和交警大队沟通，下周起延长到 40 秒。'))).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)
    const answered = await app.liaison.store.cases.getByTicket(ticket)
    expect(answered).to.include({ status: 'replied', reply: '已和交警大队沟通，下周起延长到 40 秒。' })
  })

  it("keeps a resident's quote out of their message: only their own words are the text", async () => {
    const neighbour = t.world.person('wx-neighbour', '老周')
    const ticket2 = await writes('「联络站小助手：请直接说您的问题或建议」\n- - - - - - - - - - - - - - -\n楼下垃圾桶满了没人清', neighbour)
    expect((await app.liaison.store.cases.getByTicket(ticket2))!.text).to.equal('楼下垃圾桶满了没人清')
  })

  it('tells a deputy why an answer too long for one reply was refused, and takes a shorter one', async () => {
    await bind()
    const short = ticket.slice(-4)
    const refused = await ask(t, deputy, `回复 ${short} ${'已协调交警部门调整信号灯配时。'.repeat(140)}`) // 2,100
    expect(refused, 'the limit, not just 输入有误').to.include('答复内容最多 2000 字')
    expect((await app.liaison.store.cases.getByTicket(ticket))!.status, 'nothing answered').not.to.equal('replied')
    expect(await ask(t, deputy, `回复 ${short} 已协调交警部门调整信号灯配时。`)).to.include(`发给留言 ${ticket}`)
    expect(await ask(t, deputy, '是')).to.include(`已发给留言 ${ticket}`)
  })

  it('asks once more for a score when the resident only says 谢谢 to the answer, and after the score answers 谢谢 kindly', async () => {
    await bind()
    await zhangWeiAnswers(ticket, '已和交警大队沟通，下周起延长到 40 秒。')
    const thanks = await ask(t, resident, '谢谢')
    expect(thanks).to.include('不客气！方便的话，请给这次答复打个分').and.include('5 很满意')
    expect(await ask(t, resident, '5')).to.include('已记下您的评分：5 分')
    const after = await ask(t, resident, '谢谢👍')
    expect(after).to.include('不客气！')
    expect(after, 'neither the menu nor the scale again').to.not.include('1. 留言').and.not.include('打个分')
  })

  it('answers the rating question in words too: "8" hears the scale again, "满意" is a 4', async () => {
    await bind()
    await zhangWeiAnswers(ticket, '已和交警大队沟通，下周起延长到 40 秒。')
    const slip = await ask(t, resident, '8')
    expect(slip, 'not the menu').to.equal('打分请回复 1 到 5 中的一个数字：\n5 很满意　4 满意　3 一般　2 不满意　1 很不满意')
    expect(await ask(t, resident, '满意')).to.include('已记下您的评分：4 分。谢谢您的评价！')
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ status: 'closed', rating: 4 })
  })

  it('comes back after more than a week: "5" and 查询 both say how to rate the answer still waiting', async () => {
    await bind()
    const short = ticket.slice(-4)
    await zhangWeiAnswers(ticket, '已和交警大队沟通，下周起延长到 40 秒。')
    t.clock.advance(8 * 24 * 3_600_000) // a bare number rates an answer for a week only

    const five = await ask(t, resident, '5')
    expect(five, 'not the menu').to.not.include('1. 留言')
    expect(five).to.include(`· ${short} 路口红绿灯时间太短`).and.include(`打分请发送"评价"、编号和分数，如：评价 ${short} 5`)
    expect(await app.liaison.store.cases.getByTicket(ticket), 'nothing rated by guess').to.include({ status: 'replied', rating: null })
    expect(await ask(t, resident, '查询')).to.include(`给答复打分请发送：评价 ${short} 5（5 很满意，1 很不满意）`)
    expect(await ask(t, resident, `查询 ${short}`)).to.include(`给答复打分请发送：评价 ${short} 5`)
    expect(await ask(t, resident, `评价 ${short} 5`)).to.include('已记下您的评分：5 分')
    expect(await ask(t, resident, `查询 ${short}`), 'rated: no more asking')
      .to.include('您的评分：5 分')
      .and.not.include('给答复打分')
  })

  it("offers to reopen after a low rating and reopens with the resident's reason", async () => {
    await bind()
    await zhangWeiAnswers(ticket, '已反映给有关部门。', ticket)
    expect(await ask(t, resident, '2')).to.include('1. 重新办理')
    expect(await ask(t, resident, '1')).to.include('还有哪些问题')
    expect(await ask(t, resident, '红绿灯还是没有改')).to.include(`已申请重新办理留言 ${ticket}`)
    expect((await app.liaison.store.cases.getByTicket(ticket))!.status).to.equal('reopened')
  })

  it('answers the rating question with "不满意": recorded as 2, then handled again with the reason given', async () => {
    await bind()
    await zhangWeiAnswers(ticket, '已反映给有关部门。', ticket)
    expect(await ask(t, resident, '不满意')).to.equal('已记下您的评分：2 分。很抱歉没能让您满意。\n1. 重新办理\n2. 不用了')
    expect(await ask(t, resident, '重新办理')).to.include('还有哪些问题')
    expect(await ask(t, resident, '红绿灯还是没有改'), 'the reason is kept, not refused').to.include(`已申请重新办理留言 ${ticket}`)
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ status: 'reopened' })
  })

  it('asks for a score first when "重新办理" answers the rating question, and loses nothing', async () => {
    await bind()
    await zhangWeiAnswers(ticket, '已反映给有关部门。', ticket)
    const first = await ask(t, resident, '重新办理')
    expect(first).to.include('请先给这次答复打分').and.include('5 很满意　4 满意　3 一般　2 不满意　1 很不满意')
    expect(await ask(t, resident, '1')).to.include('1. 重新办理')
    expect(await ask(t, resident, '1')).to.include('还有哪些问题')
    expect(await ask(t, resident, '红绿灯还是没有改')).to.include(`已申请重新办理留言 ${ticket}`)
  })

  it('hands a case back to station staff with a reason', async () => {
    await bind()
    expect(await ask(t, deputy, `转交 ${ticket.slice(-4)}`)).to.include(`要交回联络站重新安排，请发送：交回 ${ticket.slice(-4)} 再写上原因`)
    expect(await ask(t, deputy, `交回 ${ticket.slice(-4)} 属于交警部门职责`)).to.include('交回联络站重新安排吗？')
    expect(await ask(t, deputy, '是')).to.include('交回联络站工作人员')
    const stored = (await app.liaison.store.cases.getByTicket(ticket))!
    expect(stored.deputyId).to.equal(null)
    expect(await ask(t, deputy, '待办')).to.include('没有待办留言')
  })

  it("keeps the deputy's mini-program account bound when they also bind in the chat bot", async () => {
    const app_ = await asResident(app, 'o-zhangwei-phone')
    expect((await app_.post('/api/mp/bind', { bindCode: await bindingCode(app, 'dp0001') })).status).to.equal(200)
    await bind()
    const inbox = await app_.get('/api/mp/deputy/cases')
    expect(inbox.status, 'the mini-program session still works').to.equal(200)
    expect(inbox.body.items.map((c: { ticket: string }) => c.ticket)).to.include(ticket)
    expect(await ask(t, deputy, '待办'), 'and the bot works too').to.include(`【${ticket.slice(-4)}】`)

    const newPhone = t.world.person('wx-zhangwei-2', '张伟新号')
    expect(await ask(t, newPhone, `绑定 ${await bindingCode(app, 'dp0001')}`)).to.include('绑定成功')
    expect(await ask(t, deputy, '待办'), 'a new bot binding replaces the old WeChat').to.include('仅限已绑定的人大代表')
    expect((await app_.get('/api/mp/deputy/cases')).status, 'but never the mini-program').to.equal(200)
  })
})
