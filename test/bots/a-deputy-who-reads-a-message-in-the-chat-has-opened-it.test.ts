import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { useCaseStory } from './case-story.js'
import { ask, chatNoticesTakenIn } from './helpers.js'

/**
 * 张伟 works from the WeChat chat, not the mini-program. A resident's message reaches his 待办 before its notice does
 * (held, or not yet sent), and he reads it whole there: "查看 0001". That is his opening it, as opening it on his page
 * is: the console's 操作记录 shows 代表打开留言 once however often he reads it, and when the station then gives it to
 * another deputy he is told it is no longer his. Seeing it in his 待办 list only is no opening: then he knew nothing of
 * it, and a "您无需再处理" would puzzle him.
 */
describe('bot: a deputy who reads a message whole in the chat has opened it', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const moved = (ticket: string) => `留言 ${ticket} 已改由王芳代表办理，您无需再处理。`
  const TEXT = '小区北门的路灯不亮了两个星期，晚上老人出门看不见台阶，已经有人摔倒了，请代表帮忙催一下供电所'

  /** The message reaches his 待办; its notice has not reached his chat. */
  async function inHisTodoOnly() {
    const ticket = await story.writes(TEXT)
    // His list says how to read one whole.
    expect(await say('待办'))
      .to.include(`【${ticket.slice(-4)}】`)
      .and.include(`查看 ${ticket.slice(-4)}（看留言全文）`)
    expect(
      story.bot.world.said('张伟').filter((m) => m.includes(ticket)),
      'no notice of it in his chat yet',
    ).to.deep.equal([])
    return ticket
  }

  /** The station gives it to 王芳, and whatever that tells reaches the chats. */
  async function stationGivesItToWangFang(ticket: string) {
    const lina = await asStaff(story.app, 'lina')
    const given = await lina.post(`/api/admin/cases/${(await story.stored(ticket))!.id}/assign`, { deputyId: 'dp0002' })
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    await chatNoticesTakenIn(story.app, story.bot)
  }

  /** 操作记录 as the console reads it for this message: who opened it, in words. */
  async function openings(ticket: string) {
    const admin = await asAdmin(story.app)
    const page = await admin.get(`/api/admin/audit?ticket=${ticket}&action=case.opened`)
    expect(page.status, JSON.stringify(page.body)).to.equal(200)
    return (page.body.items as Array<{ actorWords: string; actionWords: string }>).map((e) => `${e.actorWords} ${e.actionWords}`)
  }

  it('"查看" and its number show her whole message; read twice, 操作记录 shows 代表打开留言 once; moved to 王芳, he is told', async () => {
    // Another resident's message to 王芳 takes the day's first number: line 1 of his 待办 is not message 0001.
    const qian = story.bot.world.person('wx-qian', '钱大爷')
    if ((await ask(story.bot, qian, '给DP0002留言')).includes('同意请回复')) await ask(story.bot, qian, '同意')
    await ask(story.bot, qian, '菜市场门口的垃圾桶满了没人清')
    await ask(story.bot, qian, '好了')
    expect(await ask(story.bot, qian, '确认')).to.match(/编号：\d{8}-0001/)
    const ticket = await inHisTodoOnly()
    const short = ticket.slice(-4)

    expect(await say('1'), 'line 1 said again, with how to read it whole').to.include(`要看留言全文请发送：查看 ${short}`)
    const read = await say(`查看 ${short}`)
    expect(read).to.include(`留言 ${ticket}`).and.include(TEXT)
    expect(read).to.include(`要受理请发送：受理 ${short}`)
    expect(await say(short), 'the number alone reads it too').to.include(TEXT)
    expect(await say('查看 1'), 'line 1 of the 待办 he read')
      .to.include(`留言 ${ticket}`)
      .and.include(TEXT)
    expect(await openings(ticket)).to.deep.equal(['张伟（人大代表） 代表打开留言'])

    await stationGivesItToWangFang(ticket)
    expect(
      story.bot.world.said('张伟').some((m) => m.startsWith(moved(ticket))),
      'told it is no longer his',
    ).to.equal(true)
    expect(await story.stored(ticket)).to.include({ deputyId: 'dp0002' })
    // Its number alone now says what "查看" says: moved, never a resident's "没有找到编号为".
    const gone = await say(short)
    expect(gone).to.include('已改由其他代表办理').and.not.include('没有找到编号为')
    expect(gone).to.equal(await say(`查看 ${short}`))
  })

  it('a number alone that is not his hears what "查看" says; his own message as a resident by its number is shown as ever', async () => {
    const qian = story.bot.world.person('wx-qian', '钱大爷')
    if ((await ask(story.bot, qian, '给DP0002留言')).includes('同意请回复')) await ask(story.bot, qian, '同意')
    await ask(story.bot, qian, '菜市场门口的垃圾桶满了没人清')
    await ask(story.bot, qian, '好了')
    expect(await ask(story.bot, qian, '确认')).to.match(/编号：\d{8}-0001/)
    const notHis = await say('0001')
    expect(notHis).to.include('您的待办中没有编号 0001').and.not.include('没有找到编号为')
    expect(notHis).to.equal(await say('查看 0001'))

    if ((await say('给ST002留言')).includes('同意请回复')) await say('同意')
    await say('楼道里的灯坏了')
    await say('好了')
    const own = /编号：\d{8}-(\d{4})/.exec(await say('确认'))?.[1]
    expect(own).to.be.a('string')
    expect(await say(own!), 'his own message, as 查询 shows it').to.include('内容：楼道里的灯坏了')
  })

  it('seen in his 待办 list only, it is no opening: moved to 王芳, he hears nothing of a message he never read', async () => {
    const ticket = await inHisTodoOnly()

    expect(await openings(ticket)).to.deep.equal([])
    await stationGivesItToWangFang(ticket)
    expect(story.bot.world.said('张伟').filter((m) => m.includes(ticket))).to.deep.equal([])
  })
})
