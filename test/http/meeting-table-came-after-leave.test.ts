import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 王芳 and 张伟 both ask for leave. 王芳 comes after all and scans the code at the door; 张伟 stays away. In the
 * console's answer table 王芳 reads 已签到出席 with nothing beside it (her old reason would read as if she were
 * excused, and the printed sheet leaves it blank); 张伟 still reads 请假 with his reason.
 */
describe("the console's answer table, for a deputy who asked leave and came after all", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('shows 已签到出席 without her leave reason, and keeps the reason of one still on leave', async () => {
    const office = await asAdmin(app)
    const { body: m } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] } }))
    expect((await office.post(`/api/admin/meetings/${m.id}/publish`)).status).to.equal(200)
    const wang = await asDeputy(app, 'dp0002')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '那天要去医院复查' })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '外出学习' })).status).to.equal(200)

    app.clock.set(new Date('2026-11-26T01:20:00Z')) // Thursday 09:20, at the door
    expect((await wang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(200)

    // Days later: the office signs in again (a console session does not last the days between).
    const table = (await (await asAdmin(app)).get(`/api/admin/meetings/${m.id}/invitees`)).body
    // A row's 回复 cell as the console shows it: the label, then the reason beside it when there is one.
    const rows = table.items.map((r: { name: string; rsvpLabel: string; reason: string | null }) => [r.name, r.rsvpLabel, r.reason].filter(Boolean).join(' '))
    expect(rows).to.have.members(['王芳 已签到出席', '张伟 请假 外出学习'])
  })
})
