import { expect } from 'chai'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 holds eleven messages. His chat counts them as everything else he reads counts messages (his 履职档案 "共 24
 * 条", the residents' "您有 1 条留言"): in 条, never 件 in one line and 条 in the next. 待办 lists ten and says how many
 * more there are; a command without a number tells him how many he has.
 */
describe('bot: a deputy’s chat counts his messages in 条', function () {
  this.timeout(60_000)
  const story = useCaseStory()

  it('待办 says 您有 11 条待办留言 and 还有 1 条; a bare 电话 says 您有 11 条待办留言 too', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    for (let i = 1; i <= 11; i++) await buildCase(app, { deputyCode: 'DP0001', text: `建设路${i}号楼道的灯坏了，晚上看不见` })

    const todo = (await ask(t, deputy, '待办')).split('\n')
    expect(todo[0]).to.equal('您有 11 条待办留言：')
    expect(todo).to.include('还有 1 条，请在小程序里查看。')
    expect((await ask(t, deputy, '电话')).split('\n')).to.include('您有 11 条待办留言，编号请发送"待办"查看。')
  })
})
