import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { ask, BOT_SECRET, caseCity, startBot, waitFor, type BotUnderTest, useBotStory } from './helpers.js'

/** A resident chatting with the bot, the backend real and in-process. */
describe('bot: a resident leaves a message by chatting', function () {
  this.timeout(20_000)
  const story = useBotStory()
  let app: TestApp
  let t: BotUnderTest
  beforeEach(() => ({ app, bot: t } = story))

  it('agrees to the privacy notice, picks the place from numbered lists, writes in two messages, confirms, and gets a ticket', async () => {
    const elder = t.world.person('wx-elder', '老李')
    expect(await ask(t, elder, '你好')).to.include('1. 留言')

    const notice = await ask(t, elder, '留 言') // a stray space, as typed on an old phone
    expect(notice).to.include('同意请回复"同意"')
    const districts = await ask(t, elder, '同意')
    expect(districts).to.match(/1\. 湛河区/)
    expect(await ask(t, elder, '１')).to.match(/1\. 轻工街道[\s\S]*0\. 不清楚，就选湛河区/) // full-width digit
    expect(await ask(t, elder, '1')).to.match(/1\. 建设路社区/)
    expect(await ask(t, elder, '1')).to.include('留言将发给：湛河区 轻工街道 建设路社区')

    await ask(t, elder, '建设路12号楼前的路灯坏了一个多月')
    expect(await ask(t, elder, '晚上老人出门很不方便'), 'the second part needs no answer').to.equal('')
    const confirm = await ask(t, elder, '好了')
    expect(confirm).to.include('内容：建设路12号楼前的路灯坏了一个多月\n晚上老人出门很不方便')
    expect(confirm).to.include('1. 确认送出')

    const done = await ask(t, elder, '1')
    const ticket = /编号：(\d{8}-\d{4})/.exec(done)?.[1]
    expect(ticket, done).to.be.a('string')
    expect(done).to.include('已交给轻工街道代表联络站')
    expect(done, 'the day as people say it').to.match(/代表会在(\d{4}年)?\d{1,2}月\d{1,2}日前（含当日）答复您。/)

    const stored = await app.liaison.store.cases.getByTicket(ticket!)
    expect(stored).to.include({ regionId: 'c010101', stationId: 'st001' })
    expect(stored!.text).to.equal('建设路12号楼前的路灯坏了一个多月\n晚上老人出门很不方便')
    expect((await t.bot.client.dialogue('wx-elder')).state, 'the dialogue is over').to.equal(null)
  })

  it('keeps a thank-you and a thumbs-up out of the message, and answers 谢谢 afterwards kindly instead of with the menu', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '给DP0001留言')
    await ask(t, elder, '同意')
    expect(await ask(t, elder, '🙏'), 'nothing written yet').to.include('请直接说说您的问题或建议')
    await ask(t, elder, '小区门口的路灯坏了')
    expect(await ask(t, elder, '[抱拳]')).to.include('不客气！还有要补充的请接着发')
    expect(await ask(t, elder, '谢谢')).to.include('不客气！')
    const confirm = await ask(t, elder, '好了')
    expect(confirm).to.include('内容：小区门口的路灯坏了\n\n1. 确认送出')
    expect(await ask(t, elder, '👍'), 'not yet sent, and it says so').to.include('留言还没有送出')
    expect(await ask(t, elder, '1')).to.match(/编号：\d{8}-\d{4}/)
    const ticket = /编号：(\d{8}-\d{4})/.exec(t.world.said('老李').join('\n'))![1]
    expect((await app.liaison.store.cases.getByTicket(ticket))!.text).to.equal('小区门口的路灯坏了')

    const thanks = await ask(t, elder, '谢谢您！')
    expect(thanks).to.include('不客气！').and.include('留言请回复 1')
    expect(thanks, 'not the whole menu').to.not.include('3. 帮助')
  })

  it('says at once when a part would pass the 2,000 characters a message may have, and submits what came before', async () => {
    const elder = t.world.person('wx-elder', '老李')
    await ask(t, elder, '留言')
    await ask(t, elder, '同意')
    await ask(t, elder, '1')
    await ask(t, elder, '1')
    await ask(t, elder, '1')
    const first = '路灯坏了。'.repeat(300) // 1,500
    expect(await ask(t, elder, first)).to.include('收到')
    const refused = await ask(t, elder, '晚上很黑。'.repeat(120)) // 600 more
    expect(refused).to.include('这段话没有收下：一条留言最多 2000 字，前面已经收到 1500 字')
    expect(refused).to.include('回复"好了"送出前面的内容')
    const confirm = await ask(t, elder, '好了')
    expect(confirm).to.include('1. 确认送出').and.not.include('晚上很黑')
    const done = await ask(t, elder, '1')
    const ticket = /编号：(\d{8}-\d{4})/.exec(done)?.[1]
    expect(ticket, done).to.be.a('string')
    expect((await app.liaison.store.cases.getByTicket(ticket!))!.text).to.equal(first)
  })

  it('keeps the place and offers 重新填写 when the words themselves are refused, saying why', async () => {
    const elder = t.world.person('wx-elder', '老李')
    expect(await ask(t, elder, `我要给张伟代表留言：${'噪音扰民'.repeat(550)}`)).to.include('同意') // 2,200 in one go
    expect(await ask(t, elder, '同意')).to.include('发给：张伟代表')
    const refused = await ask(t, elder, '确认')
    expect(refused).to.include('留言内容最多 2000 字').and.include('2. 重新填写')
    expect(refused, 'not the place questions again').not.to.include('湛河区')
    expect(await ask(t, elder, '2')).to.include('请重新说您的问题或建议')
    await ask(t, elder, '夜里工地施工噪音太大')
    const done = await ask(t, elder, '好了').then(() => ask(t, elder, '1'))
    expect(done).to.include('留言已送出')
    const stored = (await app.liaison.store.cases.search({ limit: 10 })).items
    expect(
      stored.map((c) => [c.deputyId, c.text]),
      'one message, to 张伟, in the words written again',
    ).to.deep.equal([['dp0001', '夜里工地施工噪音太大']])
  })

  it('answers "你好" and then "在吗" within the minute, though the answer is the same menu', async () => {
    const elder = t.world.person('wx-elder', '老李')
    expect(await ask(t, elder, '你好')).to.include('1. 留言')
    expect(await ask(t, elder, '在吗'), 'a second greeting is answered, not dropped as a repeat').to.include('1. 留言')
    expect(await ask(t, elder, '在吗'), 'and a third').to.include('1. 留言')
  })
})

describe('bot: a resident follows up', function () {
  this.timeout(20_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t.stop()
    await app.close()
  })

  /** "我要给张伟代表留言：…" goes to that deputy without the place questions. */
  async function messageZhangWei(person: ReturnType<BotUnderTest['world']['person']>, text: string) {
    expect(await ask(t, person, `我要给张伟代表留言：${text}`)).to.include('同意')
    const confirm = await ask(t, person, '同意')
    expect(confirm).to.include('发给：张伟代表（轻工街道代表联络站）')
    const done = await ask(t, person, '确认')
    return /编号：(\d{8}-\d{4})/.exec(done)![1]
  }

  it('sends a message straight to a deputy named in it', async () => {
    const ticket = await messageZhangWei(t.world.person('wx-wang', '王阿姨'), '小区垃圾清运不及时')
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ deputyId: 'dp0001', text: '小区垃圾清运不及时' })
  })

  it('tells a resident who named a deputy that they chose that deputy, not that they scanned a code', async () => {
    const wang = t.world.person('wx-wang', '王阿姨')
    await ask(t, wang, '我要给张伟代表留言：小区垃圾清运不及时')
    await ask(t, wang, '同意')
    const done = await ask(t, wang, '确认')
    expect(done).to.include('您指定了张伟代表')
    expect(done).not.to.include('二维码')
  })

  it('refuses a station code that no station has, and takes the right one', async () => {
    const li = t.world.person('wx-li', '李大爷')
    await ask(t, li, '留言')
    await ask(t, li, '同意')
    const typo = await ask(t, li, 'ST999')
    expect(typo).to.include('没有找到编号为 ST999 的联络站')
    expect(typo, 'the place list is still there to pick from').to.not.include('留言将发给')
    expect(await ask(t, li, 'ST001')).to.include('留言将发给：轻工街道代表联络站')
    await ask(t, li, '楼道灯坏了')
    const done = await ask(t, li, '好了')
    expect(done).to.include('发给：轻工街道代表联络站')
    expect(await ask(t, li, '确认')).to.include('您指定了该站')
  })

  it('lists their messages with "查询" and shows one in full by its ticket or its last four digits', async () => {
    const wang = t.world.person('wx-wang', '王阿姨')
    const ticket = await messageZhangWei(wang, '小区垃圾清运不及时')
    // One message: shown in full at once (no "回复前面的数字" for a list of one).
    const list = await ask(t, wang, '查询')
    expect(list).to.include(`您有 1 条留言：\n留言 ${ticket}【`)
    expect(list).to.include('小区垃圾清运不及时')
    const detail = await ask(t, wang, `查询 ${ticket}`)
    expect(detail).to.include(`留言 ${ticket}`)
    expect(detail).to.include('办理经过：')
    expect(detail).to.include('您送出了留言')
    expect(detail, 'the day of the answer, as people say it').to.match(/代表会在(\d{4}年)?\d{1,2}月\d{1,2}日前（含当日）答复您。/)
    expect(await ask(t, wang, `查询 ${ticket}`), 'asked again, answered again').to.include(`留言 ${ticket}`)
    expect(await ask(t, wang, `查 询${ticket.slice(-4)}`)).to.include(`留言 ${ticket}`)

    const stranger = t.world.person('wx-stranger', '路人')
    expect(await ask(t, stranger, `查询 ${ticket}`), 'not theirs').to.include('没有找到')
    expect(await ask(t, stranger, '查询')).to.include('您还没有留言')
  })

  it('joins the messages of a quiet resident after the join window and asks to confirm', async () => {
    const zhao = t.world.person('wx-zhao', '赵大爷')
    await ask(t, zhao, '留言')
    await ask(t, zhao, '同意')
    await ask(t, zhao, 'ST001') // the code on the station's poster
    await ask(t, zhao, '楼道灯不亮')
    const before = t.world.said('赵大爷').length
    t.clock.advance(100_000) // (the pacer moved the clock a few seconds too)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('赵大爷').length, 'not yet').to.equal(before)
    t.clock.advance(20_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    const last = t.world.said('赵大爷').at(-1)!
    expect(last).to.include('请核对您的留言')
    expect(last).to.include('发给：轻工街道代表联络站')
    const done = await ask(t, zhao, '1')
    const ticket = /编号：(\d{8}-\d{4})/.exec(done)![1]
    expect(await app.liaison.store.cases.getByTicket(ticket)).to.include({ stationId: 'st001', text: '楼道灯不亮' })
  })

  it('ends a dialogue left alone for 30 minutes, politely, and submits nothing', async () => {
    const zhao = t.world.person('wx-zhao', '赵大爷')
    await ask(t, zhao, '留言')
    await ask(t, zhao, '同意')
    await ask(t, zhao, '2') // 新华区
    t.clock.advance(29 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('赵大爷').at(-1)).to.include('新华街道')
    t.clock.advance(2 * 60_000)
    t.bot.inbox.sweep()
    await t.bot.inbox.settled()
    expect(t.world.said('赵大爷').at(-1)).to.include('已经先结束了，内容没有送出')
    expect((await t.bot.client.dialogue('wx-zhao')).state).to.equal(null)
    expect(await ask(t, zhao, '1'), 'a "1" now means the menu\'s first item').to.include('哪个区')
  })

  it('answers pictures and voice with a plain request for text, and anything else with the menu', async () => {
    const zhao = t.world.person('wx-zhao', '赵大爷')
    const handled = t.bot.inbox.handled
    t.world.emit(zhao, t.world.self, '', { type: 6 /* Image */ })
    await waitFor(() => t.bot.inbox.handled > handled)
    await t.bot.inbox.settled()
    expect(t.world.said('赵大爷').at(-1)).to.include('只能看懂文字')
    expect(await ask(t, zhao, '今天天气不错'), 'a few words: offered as a message, never lost').to.include('要把刚才这句话作为一条新留言发给代表，请回复 1')
    expect(await ask(t, zhao, '帮助')).to.include('1. 留言')
  })
})
