import { expect } from 'chai'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Two residents' messages wait for 张伟. He sends "待办", reads "1.【0001】… 2.【0002】…" and types "2", as he would
 * under any numbered list. He used to get the residents' "您还没有留言。发送"留言"…", nonsense to a deputy; now line 2
 * is said again with its whole number and what to send for it, and nothing is done to it. Long after the list, or with
 * no list shown at all, "2" tells him how many wait for him and how to see them, never that he has no messages.
 */
describe('bot: a deputy types a bare number after his 待办', function () {
  this.timeout(60_000)
  const story = useCaseStory({ resident: ['wx-sun', '孙阿姨'] })
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const RESIDENTS_WORDS = '您还没有留言'
  let second: string

  beforeEach(async () => {
    await story.messageReachesZhangWei(story.resident, '小区北门的路灯不亮了')
    second = (await story.messageReachesZhangWei(story.bot.world.person('wx-qian', '钱大爷'), '我家楼上漏水，物业不管')).ticket
  })

  it('"2" right after 待办 says line 2 again with its whole number and what to send; nothing is done to it', async () => {
    expect(await say('待办')).to.include(`2.【${second.slice(-4)}】新留言，还没受理 · 我家楼上漏水，物业不管`)
    const said = await say('2')
    expect(said).to.include(`待办第 2 条：留言 ${second}（我家楼上漏水，物业不管），新留言，还没受理。\n请在`)
    expect(said).to.include(`要受理请发送：受理 ${second.slice(-4)}\n要答复请发送：回复 ${second.slice(-4)} 答复内容`)
    expect(said).to.not.include(RESIDENTS_WORDS)
    expect((await story.stored(second))!.status, 'nothing acknowledged by a bare number').to.equal('assigned')
  })

  it('a number past the list says how many lines it has', async () => {
    await say('待办')
    const said = await say('5')
    expect(said).to.equal('待办列表里只有 2 条，没有第 5 条。要看哪一条，请回复 1 到 2 之间的数字。')
  })

  it('"2" long after 待办, or with no list shown, says how many wait for him, not the residents\' "您还没有留言"', async () => {
    const waiting = '您有 2 条待办留言，发送"待办"查看。'
    expect(await say('2')).to.equal(waiting)
    await say('待办')
    story.bot.clock.advance(40 * 60_000)
    expect(await say('2')).to.equal(waiting)
  })
})
