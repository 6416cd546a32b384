import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

/**
 * After the reply deadline (回复截止): the office moves the meeting, adds a deputy late, or
 * extends the meeting under way. Nobody is asked for an answer the RSVP would refuse, the
 * daily digest and 我的待办 say the same, and a change of time or place reopens answers.
 * The meeting is Thursday 26 Nov 09:30–11:30, answers due Tuesday 18:00.
 */
describe('meeting answers after the reply deadline', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T01:00:00Z')) // Monday 09:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const messagesTo = async (kind: string, recipientId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind })).items.filter((m) => m.recipientId === recipientId)
  const textTo = async (kind: string, recipientId: string) => {
    const found = await messagesTo(kind, recipientId)
    expect(found, `one ${kind} for ${recipientId}`).to.have.length(1)
    return (found[0].payload as { text: string }).text
  }

  async function published(over: Record<string, unknown> = {}) {
    const body = meetingBody({ rsvpDeadline: '2026-11-24T18:00:00+08:00', selector: { deputyIds: ['dp0001', 'dp0002'] }, ...over })
    const created = await office.post('/api/admin/meetings', body)
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    return created.body.id as string
  }

  /** Wednesday 09:00: the deadline has passed, the meeting is tomorrow. */
  async function afterDeadline() {
    app.clock.set(new Date('2026-11-25T01:00:00Z'))
    office = await asAdmin(app)
  }

  it('reopens answers until the new start when the meeting moves, and the change notice says until when', async () => {
    const id = await published()
    await noticesSentAndRead(app)
    await afterDeadline()
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).body.error.code).to.equal('rsvp_closed')

    const moved = await office.patch(`/api/admin/meetings/${id}`, { startAt: '2026-11-28T09:30:00+08:00', endAt: '2026-11-28T11:30:00+08:00' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body.rsvpClosesAt).to.equal('2026-11-28T01:30:00.000Z')
    expect(await textTo('meeting.changed', 'dp0001')).to.equal(
      '会议变更：市人大常委会第十次会议（常委会会议）调整为11月28日（星期六）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在11月28日（星期六）上午9:30前回复"参加"，或"请假 原因"。',
    )

    const detail = await zhang.get(`/api/mp/meetings/${id}`)
    expect(detail.body).to.include({ rsvpOpen: true, rsvpClosesAt: '2026-11-28T01:30:00.000Z' })
    expect((await zhang.get('/api/mp/tasks')).body.meetings.map((m: { id: string }) => m.id)).to.deep.equal([id])
    const leave = await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'leave', reason: '28日要出差' })
    expect(leave.status, JSON.stringify(leave.body)).to.equal(200)
    expect(leave.body).to.include({ rsvp: 'leave', rsvpLabel: '请假', reason: '28日要出差' })
    // 王芳 has not answered: the office may remind her, by the new time (her notice went out on Monday).
    expect((await office.post(`/api/admin/meetings/${id}/remind`)).body).to.deep.equal({ reminded: 1, round: 1, held: null })
    expect(await textTo('meeting.rsvp_nudge', 'dp0002')).to.include('请在11月28日（星期六）上午9:30前回复')
  })

  it('takes the new deadline the organizer gives with the move', async () => {
    const id = await published()
    await afterDeadline()
    const moved = await office.patch(`/api/admin/meetings/${id}`, { place: '市民中心三楼报告厅', rsvpDeadline: '2026-11-25T17:00:00+08:00' })
    expect(moved.body).to.include({ rsvpDeadline: '2026-11-25T09:00:00.000Z', rsvpClosesAt: '2026-11-25T09:00:00.000Z' })
    expect(await textTo('meeting.changed', 'dp0002')).to.include('地点 市民中心三楼报告厅。请在11月25日（星期三）下午5:00前回复')
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).status).to.equal(200)
  })

  it('lets a deputy invited after the deadline answer until the start, and tells them so', async () => {
    const id = await published({ selector: { deputyIds: ['dp0001'] } })
    await afterDeadline()
    const added = await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0002'] } })
    expect(added.status, JSON.stringify(added.body)).to.equal(200)
    expect(await textTo('meeting.notice', 'dp0002')).to.equal(
      '会议通知：市人大常委会第十次会议（常委会会议），时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )

    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get('/api/mp/tasks')).body.meetings.map((m: { id: string; due: { at: string } }) => [m.id, m.due.at])).to.deep.equal([
      [id, '2026-11-26T01:30:00.000Z'],
    ])
    const answer = await wang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.include({ rsvp: 'attend', rsvpOpen: true, rsvpClosesAt: '2026-11-26T01:30:00.000Z' })
    // 张伟 was invited in time: his deadline stands.
    const zhang = await asDeputy(app, 'dp0001')
    const late = await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'rsvp_closed', message: '回复已于11月24日（星期二）晚上6:00截止，如需请假，请联系组织会议的市人大常委会办公室' })
  })

  it('reminds after the deadline only those invited late, who may still answer', async () => {
    const id = await published({ selector: { deputyIds: ['dp0001'] } })
    await afterDeadline()
    expect((await office.post(`/api/admin/meetings/${id}/remind`)).body.error.code).to.equal('rsvp_closed')
    await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0002'] } })
    await noticesSentAndRead(app)
    expect((await office.post(`/api/admin/meetings/${id}/remind`)).body).to.deep.equal({ reminded: 1, round: 1, held: null })
    expect(await messagesTo('meeting.rsvp_nudge', 'dp0001')).to.deep.equal([])
    expect(await textTo('meeting.rsvp_nudge', 'dp0002')).to.include('请在11月26日（星期四）上午9:30前回复')
  })

  it('leaves "please answer" out of the daily digest once answers are closed, as 我的待办 does', async () => {
    const id = await published({ selector: { deputyIds: ['dp0001'] } })
    const before = await office.get('/api/admin/deputies/dp0001/digest?date=2026-11-23')
    expect(before.body.digest.text).to.include('市人大常委会第十次会议（市人大常委会第一会议室），还没回复').and.include('会议请回复"参加"，或"请假 原因"')
    await afterDeadline()
    await office.post(`/api/admin/meetings/${id}/invitees`, { selector: { deputyIds: ['dp0002'] } })

    const zhang = await office.get('/api/admin/deputies/dp0001/digest?date=2026-11-25')
    expect(zhang.status).to.equal(200)
    expect(zhang.body.digest.text).to.include('市人大常委会第十次会议（市人大常委会第一会议室），没有回复，回复时间已过').and.not.include('请回复"参加"')
    expect(zhang.body.digest.counts.rsvpOwed).to.equal(0)
    expect((await (await asDeputy(app, 'dp0001')).get('/api/mp/tasks')).body.meetings).to.deep.equal([])
    // 王芳, invited late, still owes her answer: both say so.
    const wang = await office.get('/api/admin/deputies/dp0002/digest?date=2026-11-25')
    expect(wang.body.digest.text).to.include('还没回复').and.include('会议请回复"参加"，或"请假 原因"')
    expect((await (await asDeputy(app, 'dp0002')).get('/api/mp/tasks')).body.meetings).to.have.length(1)
  })

  it('lets the office extend a meeting under way, asking nobody to answer; a start moved into the past is refused', async () => {
    const id = await published()
    app.clock.set(new Date('2026-11-26T02:00:00Z')) // Thursday 10:00, half an hour in
    office = await asAdmin(app)
    const extended = await office.patch(`/api/admin/meetings/${id}`, { endAt: '2026-11-26T12:30:00+08:00' })
    expect(extended.status, JSON.stringify(extended.body)).to.equal(200)
    expect(extended.body).to.include({ startAt: '2026-11-26T01:30:00.000Z', endAt: '2026-11-26T04:30:00.000Z' })
    expect(await textTo('meeting.changed', 'dp0001')).to.equal(
      '会议变更：市人大常委会第十次会议（常委会会议）调整为11月26日（星期四）上午9:30至中午12:30，地点 市人大常委会第一会议室。',
    )

    const past = await office.patch(`/api/admin/meetings/${id}`, { startAt: '2026-11-26T09:00:00+08:00' })
    expect(past.status).to.equal(422)
    expect(past.body.error.details).to.deep.equal([{ path: 'body.startAt', message: '开始时间不能早于现在' }])
    const backwards = await office.patch(`/api/admin/meetings/${id}`, { endAt: '2026-11-26T09:00:00+08:00' })
    expect(backwards.status).to.equal(422)
    expect(backwards.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.endAt'])
  })

  it('keeps a meeting that has ended as it was: no new time or place, nobody told of a change', async () => {
    const id = await published()
    app.clock.set(new Date('2026-11-26T06:00:00Z')) // Thursday 14:00, the meeting over at 11:30
    office = await asAdmin(app)
    for (const body of [{ endAt: '2026-11-26T16:00:00+08:00' }, { place: '市民中心三楼会议室' }]) {
      const late = await office.patch(`/api/admin/meetings/${id}`, body)
      expect([late.status, late.body.error.code, late.body.error.message], JSON.stringify(body)).to.deep.equal([
        409,
        'meeting_ended',
        '会议已结束，不能再修改时间或地点',
      ])
    }
    expect(await messagesTo('meeting.changed', 'dp0001'), 'no change notice').to.deep.equal([])
    const meeting = (await office.get(`/api/admin/meetings/${id}`)).body
    expect(meeting).to.include({ endAt: '2026-11-26T03:30:00.000Z', place: '市人大常委会第一会议室' })
    // Its minutes may still be corrected: the agenda is no change of time or place.
    expect((await office.patch(`/api/admin/meetings/${id}`, { agenda: '一、审议城市管理条例草案' })).status).to.equal(200)
  })
})
