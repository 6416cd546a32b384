import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * 李敏 urges 张伟 in the morning; he hands the message to 李强 (转交). 李强 has not been pressed on it: her
 * page offers 催办 again the same day and 李强 gets the reminder. Pressing 李强 a second time that day is
 * still refused: once a day for each deputy who holds it.
 */
describe('催办 after the message changed hands', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('lets her urge the new holder the same day, once', async () => {
    const sent = await (
      await asResident(app)
    ).post('/api/mp/cases', { text: '小区门口的路面塌陷了一个坑，电动车经过很危险', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const id = sent.body.id as string
    app.clock.advance(26 * HOUR) // Tuesday noon: past its day to be acknowledged
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${id}/urge`, { note: '请尽快联系群众' })).status).to.equal(200)

    app.clock.advance(HOUR)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { deputyCode: 'DP0003', reason: '李代表熟悉这一片' })).status).to.equal(200)

    const page = (await lina.get(`/api/admin/cases/${id}`)).body
    expect(page.handledBy.deputy).to.equal('李强')
    expect(page.actions, 'her page offers 催办 for 李强').to.include('urge')
    expect(page.urge.text).to.equal(null)

    app.clock.advance(HOUR)
    const again = await lina.post(`/api/admin/cases/${id}/urge`, {})
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    const told = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === id)
    expect(told.map((m) => m.recipientId).sort()).to.deep.equal(['dp0001', 'dp0003'])
    expect(again.body.urge.text).to.include('已由李娜催办，明天可再次催办')

    const third = await lina.post(`/api/admin/cases/${id}/urge`, {})
    expect(third.status).to.equal(409)
    expect(third.body.error.code).to.equal('already_urged')
  })
})
