import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { ask, dispatch, ticketIn, useBotStory, waitFor } from './helpers.js'

/**
 * 老李 (72) writes from 新华社区, whose station has no deputy of its own yet: her message waits for station
 * staff to ask one. She reads that in her words (not the office's 分派), and is not promised a deputy's answer
 * while none has it. When staff give it to 王芳, the notice says which of her messages it is by its day and
 * first words, not by its number alone; and "王芳是谁" is answered, not met with the menu.
 */
describe('bot: a message waiting at the station, then placed with 王芳, in 老李’s words', function () {
  this.timeout(30_000)
  const story = useBotStory()

  /** 老李 writes about the bus stop from 新华区 › 新华街道 › 新华社区; what the bot said when it took it. */
  async function writesFromXinhua() {
    const li = story.bot.world.person('wx-li', '老李')
    await ask(story.bot, li, '留言')
    expect(await ask(story.bot, li, '同意')).to.match(/2\. 新华区/)
    expect(await ask(story.bot, li, '2')).to.match(/1\. 新华街道/)
    expect(await ask(story.bot, li, '1')).to.match(/1\. 新华社区/)
    expect(await ask(story.bot, li, '1')).to.include('新华社区')
    await ask(story.bot, li, '新华社区的公交站台太窄，老人等车没地方站')
    await ask(story.bot, li, '好了')
    return { li, done: await ask(story.bot, li, '1') }
  }

  it('says the station will ask a deputy, and promises the date without a deputy who does not have it yet', async () => {
    const { li, done } = await writesFromXinhua()
    const ticket = ticketIn(done)
    expect(done).to.include('已交给新华街道代表联络站，联络站工作人员会尽快请一位代表办理')
    expect(done).to.match(/\n会在(\d{4}年)?\d{1,2}月\d{1,2}日前（含当日）答复您。/)
    for (const word of ['分派', '代表会在', '前前']) expect(done, word).not.to.include(word)

    const detail = await ask(story.bot, li, `查询 ${ticket}`)
    expect(detail).to.match(/\n会在(\d{4}年)?\d{1,2}月\d{1,2}日前（含当日）答复您。/)
    expect(detail, 'no deputy has it yet').not.to.include('代表会在')
  })

  it('names her message by its day and first words when 王芳 gets it, and answers "王芳是谁"', async () => {
    const { li, done } = await writesFromXinhua()
    const ticket = ticketIn(done)
    const admin = await asAdmin(story.app)
    const c = (await story.app.liaison.store.cases.getByTicket(ticket))!
    expect((await admin.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    await dispatch(story.app)
    const day = `${+ticket.slice(4, 6)}月${+ticket.slice(6, 8)}日`
    const placed = await waitFor(() => story.bot.world.said('老李').find((m) => m.includes('已交给王芳代表办理')), 'the notice that 王芳 has it')
    expect(placed).to.match(
      new RegExp(`您${day}反映的“新华社区的公交站台太窄…”（编号 ${ticket}）已交给王芳代表办理，会在\\d{1,2}月\\d{1,2}日前（含当日）答复您。`),
    )

    for (const asked of ['王芳是谁', '王芳代表是谁？']) {
      const who = await ask(story.bot, li, asked)
      expect(who, asked).to.include('王芳是区人大代表，在轻工街道代表联络站联系群众。')
      expect(who, asked).to.include('发送"查询"').and.include('给王芳代表留言')
      expect(who, `${asked}: not the menu`).not.to.include('1. 留言')
    }
    expect(await ask(story.bot, li, '张三是谁'), 'no such deputy: said so, not the menu').to.include('没有找到名叫张三的在任人大代表')
  })
})
