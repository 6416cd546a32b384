import { expect } from 'chai'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client } from '../helpers/app.js'
import { buildCase } from '../factories.js'
import { useCaseStory } from './case-story.js'
import { ask } from './helpers.js'

/**
 * 张伟 works his messages in the chat. On Tuesday 李娜 of his station presses 催办 on one of them; when he
 * asks for his 待办, that line says 工作人员在催 (the other does not), as the mini-program's 我的待办 does.
 */
describe('bot: a deputy’s 待办 says which message the station urged', function () {
  this.timeout(30_000)
  const story = useCaseStory()

  it('marks 工作人员在催 on the urged message only', async () => {
    const { app, bot: t, deputy } = story
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const urged = (await buildCase(app, { deputyCode: 'DP0001', text: '学校门口没有斑马线，孩子过马路很危险' })).case
    const calm = (await buildCase(app, { deputyCode: 'DP0001', text: '楼道里的灯坏了' })).case
    app.clock.set(new Date('2026-11-24T03:00:00Z')) // Tuesday 11:00
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const pressed = await lina.post(`/api/admin/cases/${urged.id}/urge`, { note: '群众又打电话来问了，请尽快受理' })
    expect(pressed.status, JSON.stringify(pressed.body)).to.equal(200)

    const todo = (await ask(t, deputy, '待办')).split('\n')
    const lineOf = (ticket: string) => todo.find((l) => l.includes(`【${ticket.slice(-4)}】`)) ?? ''
    expect(lineOf(urged.ticket)).to.include('新留言，还没受理（工作人员在催） · 学校门口没有斑马线')
    expect(lineOf(calm.ticket)).to.include('新留言，还没受理 · 楼道里的灯坏了').and.not.include('催办')
  })
})
