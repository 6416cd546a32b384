import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

/**
 * At the door of the 09:30 meeting (Thursday 2026-11-26): scanning opens at 08:30. 张伟 scans in
 * at 08:40 without ever having replied; 王芳 had asked for leave but comes anyway; 陈静 forgot his
 * phone and the clerk records him (补签) from the same moment the phones may scan. Whoever came has
 * answered by coming: not 未回复 nor 请假, not reminded; what they said is kept beside it.
 */
describe('meeting check-in at the door: one opening time, and coming is an answer', () => {
  let app: TestApp
  let office: Client
  let meetingId: string
  let shortCode: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    const created = await office.post('/api/admin/meetings', meetingBody())
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const published = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    ;({ id: meetingId, shortCode } = published.body)
  })
  afterEach(() => app.close())

  const entry = (deputyId: string, body: unknown) => office.post(`/api/admin/meetings/${meetingId}/invitees/deputy/${deputyId}/entry`, body)

  it('lets staff record attendance from when deputies may scan (08:30), and says that time before it', async () => {
    app.clock.set(new Date('2026-11-26T00:20:00Z')) // 08:20, ten minutes before scanning opens
    office = await asAdmin(app)
    const early = await entry('dp0001', { kind: 'attended', note: '没带手机，纸质签到' })
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({
      code: 'check_in_not_open',
      message: '还没到签到时间：11月26日 8:30 开始签到（会议开始前 60 分钟），到时才能登记到会',
    })
    const zhang = await asDeputy(app, 'dp0001')
    const scanEarly = await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})
    expect(scanEarly.body.error, 'the phone is told the same opening time, as a clock time').to.include({
      code: 'check_in_not_open',
      message: '还没到签到时间，11月26日（星期四）上午8:30开始签到。会议时间：11月26日（星期四）上午9:30至上午11:30。到时请再扫一次会场的签到二维码。',
    })

    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40: deputies scan in; the clerk records the one without a phone
    expect((await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)
    const recorded = await entry('dp0002', { kind: 'attended', note: '没带手机，纸质签到' })
    expect(recorded.status, JSON.stringify(recorded.body)).to.equal(200)
    expect(recorded.body).to.include({ checkedInAt: '2026-11-26T00:40:00.000Z' })
    expect(recorded.body.staffEntry).to.include({ note: '没带手机，纸质签到' })
  })

  it('counts a deputy who came without replying as 已签到出席, not 未回复, and does not remind him', async () => {
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'leave', reason: '外出' })).status).to.equal(200)
    await noticesSentAndRead(app)
    app.clock.set(new Date('2026-11-26T00:40:00Z')) // 08:40, answers still open until 09:30
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0002')).post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)

    // His own page: not 未回复.
    expect((await zhang.get(`/api/mp/meetings/${meetingId}`)).body).to.include({ rsvp: 'pending', rsvpLabel: '已签到出席' })

    office = await asAdmin(app)
    const table = (await office.get(`/api/admin/meetings/${meetingId}/invitees`)).body
    const replies = table.items.map(
      (i: { name: string; rsvpLabel: string; reason: string | null }) => `${i.name} ${i.rsvpLabel}${i.reason ? `（${i.reason}）` : ''}`,
    )
    // 王芳 asked for leave and came after all: her check-in is her answer, counted once, as 到会, with no leave reason beside it.
    expect(replies).to.deep.equal(['张伟 已签到出席', '王芳 已签到出席', '陈静 未回复', '李娜 未回复'])
    expect(table.items.find((i: { name: string }) => i.name === '王芳').rsvp, 'what she said is kept').to.equal('leave')
    expect(table.counts).to.deep.include({ invited: 4, attend: 2, leave: 0, pending: 2, checkedIn: 2 })
    expect(table.remindable, 'only the two who neither replied nor came').to.equal(2)

    const reminded = await office.post(`/api/admin/meetings/${meetingId}/remind`)
    expect(reminded.status, JSON.stringify(reminded.body)).to.equal(200)
    expect(reminded.body.reminded).to.equal(2)
    const nudged = (await app.liaison.store.outbox.search({ limit: 100 })).items.filter((m) => m.kind === 'meeting.rsvp_nudge').map((m) => m.recipientId)
    expect(nudged.sort()).to.deep.equal(['dp0006', 'sf01'].sort())

    const csv = ((await office.get(`/api/admin/meetings/${meetingId}/attendance.csv`)).body as Buffer).subarray(3).toString('utf8').split('\r\n')
    expect(csv[1]).to.match(/^张伟,代表,已签到出席,/)
  })

  it('names the meeting in a second scan, and tells someone not on the list to ask the staff at the door', async () => {
    app.clock.set(new Date('2026-11-26T00:40:00Z'))
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})).status).to.equal(200)
    const again = await zhang.post(`/api/mp/meetings/${shortCode}/check-in`, {})
    expect(again.status).to.equal(409)
    expect(again.body.error).to.deep.include({ code: 'already_checked_in', details: [{ path: 'meetingId', message: meetingId }] })

    const stranger = await asDeputy(app, 'dp0004')
    const refused = await stranger.post(`/api/mp/meetings/${shortCode}/check-in`, {})
    expect(refused.status).to.equal(404)
    expect(refused.body.error).to.deep.include({
      message: '参会名单里没有您，不能用这个二维码签到。如果您是来参会的，请找会场的会务工作人员。',
      details: [],
    })
  })
})
