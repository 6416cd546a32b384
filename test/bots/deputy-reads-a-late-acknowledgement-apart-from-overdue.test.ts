import { expect } from 'chai'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 asks the chat for his 待办 on a Friday. A message of four weeks ago he never took up is 答复已超期, as its own
 * line says: its answer's deadline is gone. One of Monday he has not acknowledged is late only in that (已过受理期限),
 * its answer not due for weeks: said apart, in its own words, never as 超期 too.
 */
describe('bot: a deputy reads a late acknowledgement apart from an overdue message', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  it('答复已超期 1 条, 已过受理期限 1 条, each under its own words', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-10-26T02:00:00Z')) // Monday four weeks before, 10:00 in Asia/Shanghai
    await buildCase(app, { deputyCode: 'DP0001', text: '小区门口的路灯坏了两个星期，晚上老人出门看不见' })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00: to be acknowledged by Tuesday 10:00
    await buildCase(app, { deputyCode: 'DP0001', text: '建设路菜市场门口污水横流' })
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday 10:00

    const todo = (await ask(t, deputy, '待办')).split('\n')
    expect(todo[0]).to.equal('您有 2 条待办留言（答复已超期 1 条，已过受理期限 1 条，排在前面）：')
    const under = (words: string) => todo[todo.findIndex((l) => l.includes(words)) + 1]
    // With its days, as his workbench and his digest say it the same morning.
    expect(under('小区门口的路灯坏了')).to.match(/^ {3}答复已超期 \d+ 天（应在\d{1,2}月\d{1,2}日前（含当日）答复），请尽快受理并答复$/)
    expect(under('建设路菜市场门口')).to.equal('   已过受理期限 3 天（应在11月24日上午10:00前受理），请尽快受理')
    // Said again by its line's number, the same words.
    expect(await ask(t, deputy, '2')).to.include('已过受理期限 3 天（应在11月24日上午10:00前受理），请尽快受理。')
  })
})
