import { expect } from 'chai'
import { asDeputy } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * Messages 张伟 and 王芳 hand each other (转交), read in the chat as his mini-program says them: his 待办 names the
 * colleague who handed one to him ("王芳代表转给您，还没受理", "王芳代表交回给您，还没受理"), not 新留言; and one he handed
 * on himself, asked for by its number later ("电话 0001"), is his own move, by name ("您已转给王芳代表办理"), as his
 * page says it, not "已改由其他代表办理", which reads as if the station had taken it from him. One the station handed
 * up (上报) is at the office by its name ("已交湛河区人大常委会办公室"), as his page says it.
 */
describe('bot: a deputy reads the messages colleagues hand him, and those he handed on, by name', function () {
  this.timeout(60_000)
  const story = useCaseStory()

  /** His 待办's line for this message, after its number. */
  async function todoLine(ticket: string) {
    const todo = (await ask(story.bot, story.deputy, '待办')).split('\n')
    const line = todo.find((l) => l.includes(`【${ticket.slice(-4)}】`))
    if (!line) throw new Error(`no line for ${ticket} in: ${todo.join('\n')}`)
    return line
  }

  it('待办: "王芳代表转给您，还没受理", "王芳代表交回给您，还没受理"; one the resident sent him is 新留言', async () => {
    const { app } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const hers = (await buildCase(app, { deputyCode: 'DP0002', text: '小区门口的垃圾好几天没人清运' })).case
    const his = (await buildCase(app, { deputyCode: 'DP0001', text: '光明路的路灯坏了半个月' })).case
    const back = (await buildCase(app, { deputyCode: 'DP0001', text: '楼道里的扶手断了' })).case
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/deputy/cases/${hers.id}/transfer`, { deputyCode: 'DP0001', reason: '张代表住在这个小区' })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${back.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表更熟悉' })).status).to.equal(200)
    expect((await wang.post(`/api/mp/deputy/cases/${back.id}/transfer`, { deputyCode: 'DP0001', reason: '还是张代表就近办理' })).status).to.equal(200)

    expect(await todoLine(hers.ticket)).to.match(/^\d\.【\d{4}】王芳代表转给您，还没受理 · 小区门口的垃圾好几天没人清运$/)
    expect(await todoLine(back.ticket)).to.match(/^\d\.【\d{4}】王芳代表交回给您，还没受理 · 楼道里的扶手断了$/)
    expect(await todoLine(his.ticket)).to.match(/^\d\.【\d{4}】新留言，还没受理 · 光明路的路灯坏了半个月$/)
  })

  it('"电话 0001" for one he handed on himself: "您已转给王芳代表办理", as his page says it', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const c = (await buildCase(app, { deputyCode: 'DP0001', text: '光明路的路灯坏了半个月' })).case
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表更熟悉' })).status).to.equal(200)

    const said = `留言 ${c.ticket} 您已转给王芳代表办理，您不用再处理`
    expect(await ask(t, deputy, `电话 ${c.ticket.slice(-4)}`)).to.include(said)
    expect(await ask(t, deputy, `受理 ${c.ticket.slice(-4)}`)).to.include(said)
    const page = await zhang.get(`/api/mp/deputy/cases/${c.id}`)
    expect(page.body.error.message, 'his page').to.equal('这条留言您已转给王芳代表办理，您不用再处理')
  })

  it('"电话 0001" for one the station handed up: the office by its name, as his page says it', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const c = (await buildCase(app, { regionId: 'c010101', deputyCode: 'DP0001', text: '建设路和城市快速路交叉口的人行天桥台阶塌了一块' })).case
    const lina = await asStaff(app, 'lina')
    const handed = await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '城市快速路的天桥归市里管', fromDeputyId: 'dp0001' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)

    expect(await ask(t, deputy, `电话 ${c.ticket.slice(-4)}`)).to.include(`留言 ${c.ticket} 已交湛河区人大常委会办公室重新安排，您不用再处理`)
    const page = await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/cases/${c.id}`)
    expect(page.body.error.message, 'his page').to.equal('这条留言已交湛河区人大常委会办公室重新安排，您不用再处理')
  })
})
