import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 王芳 asks for leave ("那天要去医院复查"), then comes anyway and scans the code at the door. Her page no longer
 * gives 请假 as her answer, and the office counts her once, as 到会: not in 请假 and 参加 both.
 */
describe('a deputy who asked for leave and came after all', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('reads 已签到出席 on her page and is counted once, as 到会', async () => {
    const office = await asAdmin(app)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody())
    expect((await office.post(`/api/admin/meetings/${m.id}/publish`)).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '那天要去医院复查' })).status).to.equal(200)
    expect((await wang.get(`/api/mp/meetings/${m.id}`)).body).to.include({ rsvpLabel: '请假', reason: '那天要去医院复查' })

    app.clock.set(new Date('2026-11-26T01:20:00Z')) // Thursday 09:20, at the door
    expect((await wang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(200)

    const page = (await wang.get(`/api/mp/meetings/${m.id}`)).body
    expect(page, 'her answer is her coming now').to.include({ rsvpLabel: '已签到出席', reason: null })
    expect(page.checkedInAt).to.be.a('string')

    const counted = (await (await asAdmin(app)).get(`/api/admin/meetings/${m.id}/attendance`)).body
    expect(counted).to.deep.include({ leave: 0, checkedIn: 1 })
    expect(counted.attend + counted.leave + counted.pending, 'each invitee counted once').to.equal(counted.invited)
  })
})
