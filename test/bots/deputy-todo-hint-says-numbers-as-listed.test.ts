import { expect } from 'chai'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Review 37, finding 12. Two of 张伟's open messages end alike (20261123-0001 and 20261124-0001), so his 待办 names
 * them by their whole numbers in the brackets. The how-to under the list then tells him to use the number in the
 * brackets, not "the four digits in the brackets", which are not there. With one message, four digits and the hint
 * that says so.
 */
describe('bot: the hint under a deputy’s 待办 names the numbers as the list shows them', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  it('says 方括号里的号码 under whole numbers, 方括号里的四位数 under four digits', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const first = (await buildCase(app, { deputyCode: 'DP0001', text: '学校门口没有斑马线，孩子过马路很危险' })).case
    let todo = await ask(t, deputy, '待办')
    expect(todo).to.include(`【${first.ticket.slice(-4)}】`)
    expect(todo).to.include('办理方法（编号用方括号里的四位数）：')

    app.clock.set(new Date('2026-11-24T02:00:00Z')) // Tuesday 10:00: its first message ends in 0001 too
    const second = (await buildCase(app, { deputyCode: 'DP0001', text: '楼道里的灯坏了' })).case
    expect(second.ticket.slice(-4)).to.equal(first.ticket.slice(-4))
    todo = await ask(t, deputy, '待办')
    expect(todo).to.include(`【${first.ticket}】`).and.include(`【${second.ticket}】`)
    expect(todo).to.include('办理方法（编号用方括号里的号码）：')
    expect(todo).not.to.include('四位数')
  })
})
