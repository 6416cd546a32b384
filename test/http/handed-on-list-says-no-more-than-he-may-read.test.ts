import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 37, finding 5. 已转出 listed, for a message 张伟 handed on, who holds it now, its state and the resident's
 * rating ("已办结，群众评价 5 分"), while reading that message answers him 403 case_not_his. The list now says no more
 * than that refusal: the colleague he handed it to while she has it, else only that another deputy has it.
 */
describe('已转出 says no more than reading the message would', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('names 王芳 but not her answer or the rating, and no other deputy after staff moved it on', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const { body: rated } = await resident.post('/api/mp/cases', { text: '孩子上学的学位问题', regionId: 'c010101', deputyCode: 'DP0001' })
    const { body: moved } = await resident.post('/api/mp/cases', { text: '小区门口的井盖松了', regionId: 'c010101', deputyCode: 'DP0001' })
    for (const c of [rated, moved])
      expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表更熟悉' })).status).to.equal(200)
    expect((await wang.post(`/api/mp/deputy/cases/${rated.id}/reply`, { text: '已和教育局沟通，下周答复学位安排。' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${rated.id}/rate`, { rating: 5 })).body.status).to.equal('closed')
    const assigned = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${moved.id}/assign`, { deputyId: 'dp0003' })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)

    const list = await zhang.get('/api/mp/deputy/cases/handed-on')
    expect(list.status).to.equal(200)
    const line = (id: string) => list.body.items.find((i: { id: string }) => i.id === id)
    expect(line(rated.id)).to.include({ whereText: '您转给了王芳代表', stateText: '由王芳代表办理' })
    expect(line(moved.id)).to.include({ whereText: '您转给了王芳代表', stateText: '已改由其他代表办理' })
    const said = JSON.stringify(list.body)
    for (const word of ['评价', '5 分', '已答复', '已办结', 'closed', '"status"']) expect(said, word).not.to.include(word)
    const dp4 = (await zhang.get(`/api/mp/deputy/cases/${moved.id}`)).body.error
    expect(dp4.code, 'reading it is refused').to.equal('case_not_his')
    expect(dp4.message).to.equal('这条留言已改由其他代表办理，您不用再处理')
  })
})
