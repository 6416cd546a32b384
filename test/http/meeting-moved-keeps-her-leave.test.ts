import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 赵敏 asked leave for the inspection (孙子发烧了要在家照看); 张伟 said he would come; 王芳 has not answered. 孙丽 moves
 * it to Friday. The change notice tells 赵敏 her leave still holds and how to answer if she can come after all, not
 * "重新确认", which reads as if her answer had been wiped; 张伟 that his yes holds; 王芳 by when to answer.
 */
describe('a moved meeting tells each invitee where her answer stands', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  it('says a leave still holds, a yes still holds, and asks only who never answered', async () => {
    const sunli = await asStaff(app, 'sunli')
    const { body: m } = await sunli.post(
      '/api/admin/meetings',
      meetingBody({
        title: '马庄街道人大代表视察老旧小区改造',
        kind: 'inspection',
        startAt: '2026-11-26T14:30:00+08:00',
        endAt: '2026-11-26T16:30:00+08:00',
        place: '马庄社区党群服务中心二楼',
        rsvpDeadline: '2026-11-25T17:00:00+08:00',
        selector: { deputyIds: ['dp0001', 'dp0002', 'dp0004'] },
      }),
    )
    expect((await sunli.post(`/api/admin/meetings/${m.id}/publish`)).status).to.equal(200)
    const zhao = await asDeputy(app, 'dp0004')
    expect((await zhao.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '孙子发烧了要在家照看' })).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })).status).to.equal(200)

    app.clock.set(new Date('2026-11-24T03:00:00Z')) // Tuesday 11:00
    const moved = await (
      await asStaff(app, 'sunli')
    ).patch(`/api/admin/meetings/${m.id}`, { startAt: '2026-11-27T09:00:00+08:00', endAt: '2026-11-27T11:00:00+08:00' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)

    const changed = async (deputyId: string) =>
      ((await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.changed', recipientId: deputyId })).items[0].payload as { text: string }).text
    const head = '会议变更：马庄街道人大代表视察老旧小区改造（视察调研）调整为11月27日（星期五）上午9:00至上午11:00，地点 马庄社区党群服务中心二楼。'
    expect(await changed('dp0004')).to.equal(
      `${head}您已请假（孙子发烧了要在家照看），仍按请假处理；调整后能参加的话，请在11月25日（星期三）下午5:00前回复"参加"。`,
    )
    expect(await changed('dp0001')).to.equal(`${head}您已回复参加；调整后不能参加的话，请在11月25日（星期三）下午5:00前回复"请假 原因"。`)
    expect(await changed('dp0002')).to.equal(`${head}请在11月25日（星期三）下午5:00前回复"参加"，或"请假 原因"。`)
    expect(await changed('dp0004')).not.to.include('重新确认')

    // And it does hold: her page still says 请假, with her reason.
    expect((await zhao.get(`/api/mp/meetings/${m.id}`)).body).to.include({ rsvpLabel: '请假', reason: '孙子发烧了要在家照看' })
  })
})
