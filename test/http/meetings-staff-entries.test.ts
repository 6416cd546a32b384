import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 补签 and 代请假: 张伟 signed the paper sheet (no smartphone at hand), 王芳 phoned the office
 * for leave after the reply deadline. The office records both; the sign-in sheet, the
 * attendance figures and each deputy's 履职档案 count them like a check-in and a leave, and
 * the deputies read on their meeting page that staff recorded it for them.
 */
describe('staff record attendance and leave for an invitee (补签, 代请假)', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  async function published(client: Client, over: Record<string, unknown> = {}) {
    const created = await client.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-25T17:00:00+08:00', ...over }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const answer = await client.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body as { id: string; shortCode: string }
  }
  const entry = (client: Client, meetingId: string, deputyId: string, body: unknown) =>
    client.post(`/api/admin/meetings/${meetingId}/invitees/deputy/${deputyId}/entry`, body)

  it('counts a recorded attendance and leave in the sheet, the figures and the 履职档案, and undoes them', async () => {
    const m = await published(office)
    // Wednesday evening, past the reply deadline: 王芳 may no longer answer herself.
    app.clock.set(new Date('2026-11-25T12:00:00Z'))
    office = await asAdmin(app) // days later: a fresh console session
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '住院' })).body.error.message).to.include(
      '如需请假，请联系组织会议的',
    )

    const early = await entry(office, m.id, 'dp0001', { kind: 'attended', note: '纸质签到' })
    expect(early.status, 'nobody has attended a meeting the door is not open for').to.equal(409)
    expect(early.body.error).to.include({
      code: 'check_in_not_open',
      message: '还没到签到时间：11月26日 8:30 开始签到（会议开始前 60 分钟），到时才能登记到会',
    })

    const leave = await entry(office, m.id, 'dp0002', { kind: 'leave', note: '住院治疗' })
    expect(leave.status, JSON.stringify(leave.body)).to.equal(200)
    expect(leave.body).to.deep.include({ rsvp: 'leave', rsvpLabel: '请假', reason: '住院治疗' })
    expect(leave.body.staffEntry).to.deep.equal({
      kind: 'leave',
      label: '工作人员代请假',
      note: '住院治疗',
      staffName: '系统管理员',
      at: '2026-11-25T12:00:00.000Z',
    })
    expect((await wang.get(`/api/mp/meetings/${m.id}`)).body).to.include({ rsvpLabel: '请假', reason: '住院治疗', staffEntryNotice: '工作人员已为您登记请假' })

    // Thursday 10:00, the meeting under way: 张伟 signed the paper sheet at the door.
    app.clock.set(new Date('2026-11-26T02:00:00Z'))
    office = await asAdmin(app)
    const attended = await entry(office, m.id, 'dp0001', { kind: 'attended', note: '纸质签到' })
    expect(attended.status, JSON.stringify(attended.body)).to.equal(200)
    expect(attended.body).to.include({ checkedInAt: '2026-11-26T02:00:00.000Z' })
    const again = await entry(office, m.id, 'dp0001', { kind: 'leave', note: '外出' })
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_recorded', message: '已为张伟登记到会，如需更改请先撤销' })
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/meetings/${m.id}`)).body.staffEntryNotice).to.equal('工作人员已为您登记到会')
    const scan = await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})
    expect(scan.body.error.code, 'recorded once, whoever recorded it').to.equal('already_checked_in')

    expect((await office.get(`/api/admin/meetings/${m.id}/attendance`)).body).to.deep.include({ invited: 4, leave: 1, checkedIn: 1, rate: 0.25 })
    const csv = ((await office.get(`/api/admin/meetings/${m.id}/attendance.csv`)).body as Buffer).subarray(3).toString('utf8').split('\r\n')
    expect(csv).to.deep.equal([
      '姓名,身份,回复,请假原因,回复时间,签到,签到时间,工作人员登记',
      '张伟,代表,已签到出席,,,工作人员登记,2026-11-26 10:00,工作人员补签：纸质签到（系统管理员）',
      '王芳,代表,请假,住院治疗,2026-11-25 20:00,未签到,,工作人员代请假：住院治疗（系统管理员）',
      '陈静,代表,未回复,,,未签到,,',
      '李娜,工作人员,未回复,,,未签到,,',
      '',
    ])
    const period = (await office.get('/api/admin/meetings/attendance?deputyId=dp0002')).body.items
    expect(period.map((p: { excused: number; absent: number }) => `请假${p.excused} 缺席${p.absent}`)).to.deep.equal(['请假1 缺席0'])
    const zhangsYear = (await zhang.get('/api/mp/records/me?year=2026')).body
    expect(zhangsYear.meetings).to.deep.equal({ held: 1, attended: 1, excused: 0, absent: 0 })
    expect(zhangsYear.points.lines.find((l: { item: string }) => l.item === 'meeting_attended').explanation).to.equal('参加会议活动 1 次 × 2 分 = 2 分')
    expect((await wang.get('/api/mp/records/me?year=2026')).body.meetings).to.deep.equal({ held: 1, attended: 0, excused: 1, absent: 0 })

    const audit = (await app.liaison.store.audit.list({ limit: 50 })).items.filter((a: { action: string }) => a.action.startsWith('meeting.'))
    expect(
      audit.map(
        (a: { action: string; actorKind: string; details: { name?: string; note?: string } }) =>
          `${a.action} ${a.actorKind} ${a.details.name} ${a.details.note}`,
      ),
    ).to.include.members(['meeting.leave_recorded staff 王芳 住院治疗', 'meeting.attendance_recorded staff 张伟 纸质签到'])

    // Recorded for the wrong person: undone, and 张伟 is absent again; his own check-ins are not staff's to undo.
    const undone = await office.request('DELETE', `/api/admin/meetings/${m.id}/invitees/deputy/dp0001/entry`)
    expect(undone.status, JSON.stringify(undone.body)).to.equal(200)
    expect(undone.body).to.include({ checkedInAt: null, staffEntry: null })
    expect((await zhang.get('/api/mp/records/me?year=2026')).body.meetings).to.deep.equal({ held: 1, attended: 0, excused: 0, absent: 1 })
    const wangUndone = await office.request('DELETE', `/api/admin/meetings/${m.id}/invitees/deputy/dp0002/entry`)
    expect(wangUndone.body, 'her own answer comes back').to.include({ rsvp: 'pending', reason: null, staffEntry: null })
    expect((await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(200)
    const own = await office.request('DELETE', `/api/admin/meetings/${m.id}/invitees/deputy/dp0001/entry`)
    expect(own.status).to.equal(409)
    expect(own.body.error.code).to.equal('nothing_recorded')
  })

  it('refuses the wrong meeting, person, caller and input, in words', async () => {
    const m = await published(office)
    app.clock.set(new Date('2026-11-26T02:00:00Z'))
    office = await asAdmin(app)

    const stranger = await office.post(`/api/admin/meetings/${m.id}/invitees/deputy/dp0099/entry`, { kind: 'leave', note: '出差' })
    expect(stranger.status).to.equal(404)
    expect(stranger.body.error).to.include({ code: 'not_invited', message: '此人不在本次会议的参会人员中' })

    const noNote = await entry(office, m.id, 'dp0001', { kind: 'leave', note: '  ' })
    expect(noNote.status).to.equal(400)
    expect(JSON.stringify(noNote.body.error.details)).to.include('请假原因')
    expect((await entry(office, m.id, 'dp0001', { kind: 'absent', note: 'x' })).status).to.equal(400)
    expect((await office.post(`/api/admin/meetings/${m.id}/invitees/robot/dp0001/entry`, { kind: 'leave', note: '出差' })).status).to.equal(400)

    // 孙丽 (湛河区) follows the city's meeting for her district's deputies: read only.
    const sunli = await asStaff(app, 'sunli')
    const follower = await entry(sunli, m.id, 'dp0001', { kind: 'attended', note: '纸质签到' })
    expect(follower.status).to.equal(403)
    expect(follower.body.error.code).to.equal('meeting_read_only')
    expect((await sunli.get(`/api/admin/meetings/${m.id}/invitees`)).body.manages, 'the console offers her no action').to.equal(false)
    expect((await office.get(`/api/admin/meetings/${m.id}/invitees`)).body.manages).to.equal(true)

    // 孙丽's own district meeting is none of 钱七's (新华区): not found.
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const hers = await published(await asStaff(app, 'sunli'), { selector: { deputyIds: ['dp0001'] } })
    const qianqi = await asStaff(app, 'qianqi')
    expect((await entry(qianqi, hers.id, 'dp0001', { kind: 'leave', note: '出差' })).status).to.equal(404)

    const cancelled = await published(office, { title: '取消的会议' })
    await office.post(`/api/admin/meetings/${cancelled.id}/cancel`, {})
    const late = await entry(office, cancelled.id, 'dp0001', { kind: 'leave', note: '出差' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'meeting_cancelled', message: '会议已取消，不能登记' })
    const stored = await app.liaison.store.meetings.invitation(cancelled.id, { kind: 'deputy', id: 'dp0001' })
    expect(stored).to.include({ rsvp: 'pending', staffEntry: null })
  })

  it("gives way to the deputy's own answer while answers are open", async () => {
    const m = await published(office)
    expect((await entry(office, m.id, 'dp0001', { kind: 'leave', note: '电话请假：出差' })).status).to.equal(200)
    const zhang = await asDeputy(app, 'dp0001')
    const changed = await zhang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })
    expect(changed.body).to.include({ rsvpLabel: '参加', staffEntryNotice: null })
    expect((await office.get(`/api/admin/meetings/${m.id}/invitees`)).body.items[0]).to.include({ rsvp: 'attend', staffEntry: null })
  })
})
