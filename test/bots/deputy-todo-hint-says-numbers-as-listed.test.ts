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

  // Review 48: one message wrote the two alike whole and the others as four digits. Every line is written one way.
  it('writes every number whole, not only the two that end alike, and takes the whole number back', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const first = (await buildCase(app, { deputyCode: 'DP0001', text: '学校门口没有斑马线，孩子过马路很危险' })).case
    app.clock.set(new Date('2026-11-24T02:00:00Z'))
    const second = (await buildCase(app, { deputyCode: 'DP0001', text: '楼道里的灯坏了' })).case
    const third = (await buildCase(app, { deputyCode: 'DP0001', text: '小区垃圾三天没人清运' })).case
    expect(second.ticket.slice(-4)).to.equal(first.ticket.slice(-4))
    expect(third.ticket.slice(-4)).not.to.equal(first.ticket.slice(-4))
    const todo = await ask(t, deputy, '待办')
    for (const c of [first, second, third]) expect(todo).to.include(`【${c.ticket}】`)
    expect(todo).not.to.match(/【\d{4}】/)
    expect(await ask(t, deputy, `受理 ${third.ticket}`))
      .to.include(third.ticket.slice(-4))
      .and.not.include('没有找到')
    expect((await app.liaison.store.cases.get(third.id))?.acknowledgedAt, 'the whole number acts on it').to.be.ok
    expect(await ask(t, deputy, `回复 ${first.ticket} 已联系交警，下周画上斑马线`)).to.include(`发给留言 ${first.ticket}`)
  })
})
