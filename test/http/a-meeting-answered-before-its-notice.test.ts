import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * A meeting just published: its notices wait in the outbox. 张伟 opens the mini-program and answers 参加 before his
 * notice went out. The organizer's 回复情况 must not read 参加 beside 待发送, as if he had not been told: his 通知送达
 * says 已回复. Those who have not answered still read 待发送, and the note above the table says it in the same word,
 * with when she can remind them (screens review, finding 3).
 */
describe('回复情况: who answered before the notice went out reads 已回复, not 待发送', () => {
  let app: TestApp
  let office: Client
  let id: string
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    id = (await office.post('/api/admin/meetings', meetingBody())).body.id
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
  })
  afterEach(() => app.close())

  it('已回复 for 张伟 who answered, 待发送 for the others, and the note says 待发送 too', async () => {
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).status).to.equal(200)
    const table = (await office.get(`/api/admin/meetings/${id}/invitees`)).body
    const said = table.items.map((i: { name: string; rsvpLabel: string; notice: { label: string } }) => `${i.name} ${i.rsvpLabel} ${i.notice.label}`)
    expect(said).to.deep.equal(['张伟 参加 已回复', '王芳 未回复 待发送', '陈静 未回复 待发送', '李娜 未回复 待发送'])
    // Counted, with 张伟's 已回复 in sight: "通知待发送" alone read as if nobody had been told. Not 发布后加入: they were not.
    expect(table.remindHeld).to.equal('3 人的通知待发送，发出后可以提醒')
    const refused = await office.post(`/api/admin/meetings/${id}/remind`)
    expect([refused.status, refused.body.error.message], 'pressed anyway, the same words').to.deep.equal([409, '3 人的通知待发送，发出后可以提醒'])
  })
})
