import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { useCaseStory } from './case-story.js'
import { ask, chatNoticesTakenIn } from './helpers.js'

/**
 * 张伟 works his 待办 in the chat. The bot offers him a command ready to copy ("…吗？是的话请发送：回复 0001 …"), and
 * before he answers, the station urges (催办) that very message. The 催办 asks him to do what was offered, so his "是" does
 * it: it used to ask him which he meant, 受理 or 回复, as if two messages were in play. A 催办 for ANOTHER message still
 * ends the offer and asks which, each with what to send: nothing is done to a message he was not thinking of.
 */
describe('bot: a deputy’s yes does the offered command when the notice after it urges the same message', function () {
  this.timeout(120_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  let first: string
  let second: string

  beforeEach(async () => {
    first = (await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')).ticket
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  /** The station presses him on `ticket`, and the 催办 reaches his chat. */
  async function stationUrges(ticket: string) {
    const lina = await new Client(story.app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post(`/api/admin/cases/${(await story.stored(ticket))!.id}/urge`, { note: '群众又打电话来问了' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    await chatNoticesTakenIn(story.app, story.bot)
    expect(story.bot.world.said('张伟').at(-1), 'the 催办 notice').to.include('催办').and.include(ticket)
  }

  it('offered "回复 0001 …", then 0001 itself is urged: his "是" shows the answer back, and his next "是" sends it', async () => {
    await say('待办')
    expect(await say('回复 1 已经联系供电所，明天来修')).to.include(`是的话请发送：回复 ${first.slice(-4)} 已经联系供电所，明天来修`)
    await stationUrges(first)

    const yes = await say('是')
    expect(yes).to.include(`要把这段话作为答复，发给留言 ${first}（小区北门的路灯不亮了）的群众吗？`).and.include('「已经联系供电所，明天来修」')
    expect(yes).to.not.include('不知道您说的')
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await say('是')).to.include(`已发给留言 ${first}`)
    expect(await story.stored(first)).to.include({ reply: '已经联系供电所，明天来修' })
    expect(await story.stored(second)).to.include({ reply: null })
  })

  it('offered "受理 0001", then 0001 itself is urged: his "好的" accepts 0001', async () => {
    await say('待办')
    expect(await say('受理 1')).to.include(`是的话请发送：受理 ${first.slice(-4)}`)
    await stationUrges(first)

    expect(await say('好的')).to.include(`已受理留言 ${first}`)
    expect(await story.stored(first)).to.include({ status: 'acknowledged' })
    expect(await story.stored(second)).to.include({ status: 'assigned' })
  })

  it('offered "回复 0001 …", then 0002 is urged: his "是" does nothing and asks which, each with what to send', async () => {
    await say('待办')
    await say('回复 1 已经联系供电所，明天来修')
    await stationUrges(second)

    const yes = await say('是')
    expect(yes).to.include('不知道您说的"是"是对哪一条，所以这次什么都没有办')
    expect(yes)
      .to.include(`通知里的留言 ${second.slice(-4)}，要受理请发送：受理 ${second.slice(-4)}`)
      .and.include(`前面问您的留言 ${first.slice(-4)}，要答复请发送：回复 ${first.slice(-4)} 已经联系供电所，明天来修`)
    expect(await story.stored(first)).to.include({ reply: null })
    expect(await story.stored(second)).to.include({ status: 'assigned' })
  })
})
