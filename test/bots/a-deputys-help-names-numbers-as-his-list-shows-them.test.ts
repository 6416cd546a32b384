import { expect } from 'chai'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 sends "帮助". Its last line about numbers used to say "编号是“待办”里方括号中的四位数", whatever his 待办 showed:
 * once two of his messages end alike (20261123-0001, 20261124-0001) the list shows whole numbers in 【】, and there
 * are no "four digits" to find. The line now says where the number is, as the list draws it, with one of his own.
 */
describe('bot: a deputy’s help names the numbers as his 待办 shows them', function () {
  this.timeout(30_000)
  const story = useCaseStory()
  const say = (words: string) => ask(story.bot, story.deputy, words)
  const numberLine = (menu: string) => menu.split('\n').find((l) => l.includes('编号'))

  it('four digits while his numbers differ, whole numbers once two end alike, each as 待办 lists it', async () => {
    story.app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const first = (await buildCase(story.app, { deputyCode: 'DP0001', text: '学校门口没有斑马线，孩子过马路很危险' })).case
    const short = first.ticket.slice(-4)
    expect(numberLine(await say('帮助'))).to.equal(`（编号是"待办"列表里每条留言前面【】中的号码，比如 ${short}）`)
    expect(await say('待办')).to.include(`【${short}】`)

    story.app.clock.set(new Date('2026-11-24T02:00:00Z')) // Tuesday 10:00: its first message ends in the same digits
    const second = (await buildCase(story.app, { deputyCode: 'DP0001', text: '楼道里的灯坏了' })).case
    expect(second.ticket.slice(-4)).to.equal(short)
    const menu = await say('帮助')
    const line = numberLine(menu)!
    expect(line).not.to.include('四位数')
    const named = /比如 (\S+)）$/.exec(line)![1]
    expect([first.ticket, second.ticket], 'a whole number of his').to.include(named)
    expect(await say('待办'), 'drawn so in his list').to.include(`【${named}】`)
    expect(menu, 'the commands above name the same number').to.include(`回复 ${named} 答复内容`)
  })
})
