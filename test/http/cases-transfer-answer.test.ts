import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * A deputy's 转交 answers with what his page shows next: where the message went, by name, and
 * its 办理经过 with his move in it. The message itself (the resident's number, the deadlines) is
 * no longer his to read: asked for again, it is case_not_his.
 */
describe('the answer to a deputy’s 转交', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('names the colleague who has it now, or the station that places it again, and brings the timeline with the move', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const { body: c } = await resident.post('/api/mp/cases', { text: '孩子上学的学位问题', regionId: 'c010101', deputyCode: 'DP0001', phone: '13700001111' })

    const moved = await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表熟悉教育' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body).to.include({
      id: c.id,
      ticket: c.ticket,
      status: 'assigned',
      transferred: true,
      handedOnText: '这条留言已转给王芳代表办理，您不用再处理',
    })
    expect(
      moved.body.timeline.map((e: { label: string }) => e.label),
      'in the words of the deputy reading it',
    ).to.deep.equal(['群众提交了留言', '交给您办理', '您把留言转给王芳代表办理'])
    expect(moved.body.timeline.at(-1)).to.include({ label: '您把留言转给王芳代表办理', note: '王芳代表熟悉教育', actorRole: 'deputy' })
    expect(Object.keys(moved.body), 'nothing of the message he no longer holds: no number, no text').to.have.members([
      'id',
      'ticket',
      'status',
      'transferred',
      'handedOnText',
      'timeline',
    ])

    const back = await wang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '需要工作人员协调' })
    expect(back.body).to.include({ status: 'submitted', handedOnText: '这条留言已交回轻工街道代表联络站重新安排，您不用再处理' })
    expect(back.body.timeline.at(-1)).to.include({ label: '您把留言交回轻工街道代表联络站重新安排', note: '需要工作人员协调' })
  })

  it('says a message that went on to the office, asked for again, is with that office by its name', async () => {
    // 张伟 hands it back to his station, whose clerk hands it up (上报) to 湛河区's office.
    const { body: c } = await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的井盖松了', regionId: 'c010101', deputyCode: 'DP0001' })
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '涉及两个街道' })).body).to.include({ status: 'submitted' })
    const handedUp = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/hand-up`, { reason: '需要区里协调' })
    expect(handedUp.status, JSON.stringify(handedUp.body)).to.equal(200)
    const again = await zhang.get(`/api/mp/deputy/cases/${c.id}`)
    expect(again.status).to.equal(403)
    expect(again.body.error).to.deep.include({ code: 'case_not_his', message: '这条留言已交湛河区人大常委会办公室重新安排，您不用再处理' })
  })
})
