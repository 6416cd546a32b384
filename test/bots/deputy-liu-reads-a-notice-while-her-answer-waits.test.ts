import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, chatNoticesTakenIn } from './helpers.js'

/**
 * Deputy Liu (66) writes "回复 0001 …" and the bot shows her answer back, waiting for her "是". Before she says it, a notice
 * about another message reaches her chat (a 催办, a new message). Her "好的" to that notice sent the waiting answer to
 * 0001's resident, and her words about the other message were joined to it and went to the wrong resident. Now her yes
 * asks which, and her words are not joined: she is asked whose they are, with what to send for each. A 催办 for the very
 * message she is answering changes nothing.
 */
describe('bot: Deputy Liu reads a notice while her answer waits for her "是"', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let first: string
  let second: string

  beforeEach(async () => {
    first = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  const noticesTakenIn = () => chatNoticesTakenIn(story.app, story.bot)

  async function urge(ticket: string) {
    const lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post(`/api/admin/cases/${(await story.stored(ticket))!.id}/urge`, { note: '群众又打电话来问了' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    await noticesTakenIn()
    expect(story.bot.world.said('张伟').at(-1), 'the 催办 notice').to.include('催办').and.include(ticket)
  }

  it('her answer to 0001 waits, 0002 is urged, she writes about 0002: not joined, she is asked whose, nothing sent', async () => {
    expect(await say(`回复 ${first.slice(-4)} 已经联系供电所，明天来修`)).to.include('作为答复')
    await urge(second)

    const words = await say('楼上漏水的事我已经找物业了')
    expect(words).to.include('没有接在答复后面，什么都没有发出')
    expect(words).to.include(`回复 ${first.slice(-4)} 已经联系供电所，明天来修，楼上漏水的事我已经找物业了`)
    expect(words).to.include(`回复 ${second.slice(-4)} 楼上漏水的事我已经找物业了`)
    expect(words).to.not.include('已把这句话接在答复后面')

    // Her "是" now is asked about again: the answer she last saw did not hold these words.
    const yes = await say('是')
    expect(yes).to.include('不知道您说的"是"是对哪一条，所以答复还没有发出')
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('her answer to 0001 waits, a new message 0003 comes: her "好的" asks which; then her "是" sends the answer to 0001', async () => {
    await say(`回复 ${first.slice(-4)} 已经联系供电所，明天来修`)
    const third = (await story.messageReachesZhangWei(story.bot.world.person('wx-wang', '王大爷'), '楼下的下水道堵了三天了')).ticket
    await noticesTakenIn()

    const ok = await say('好的')
    expect(ok).to.include('刚才来了一条新通知，不知道您说的"好的"是对哪一条，所以答复还没有发出。')
    expect(ok).to.include(`要把答复「已经联系供电所，明天来修」发给留言 ${first}（小区北门的路灯不亮了）的群众，请回复"是"。`)
    expect(ok).to.include(`通知里的留言 ${third.slice(-4)}，要受理请发送：受理 ${third.slice(-4)}`)
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await story.stored(third)).to.include({ status: 'assigned' })

    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await story.stored(first)).to.include({ reply: '已经联系供电所，明天来修' })
  })

  it('her answer to 0001 waits and 0001 itself is urged: her "是" sends it as before', async () => {
    await say(`回复 ${first.slice(-4)} 已经联系供电所，明天来修`)
    await urge(first)

    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await story.stored(first)).to.include({ reply: '已经联系供电所，明天来修' })
  })
})
