import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/** Meetings refuse what makes no sense, each with its status, code and the place of the problem. */
describe('meetings: bad input', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const paths = (answer: { body: { error: { details: Array<{ path: string }> } } }) => answer.body.error.details.map((d) => d.path)
  async function published(over: Record<string, unknown> = {}) {
    const { body } = await office.post('/api/admin/meetings', meetingBody(over))
    return (await office.post(`/api/admin/meetings/${body.id}/publish`)).body as { id: string; shortCode: string }
  }

  it('refuses a meeting that ends before it starts', async () => {
    const answer = await office.post('/api/admin/meetings', meetingBody({ endAt: '2026-11-26T08:30:00+08:00' }))
    expect(answer.status, 'well-formed times breaking a rule: 422, as a survey’s').to.equal(422)
    expect(answer.body.error.details).to.deep.equal([{ path: 'body.endAt', message: '结束时间应晚于开始时间' }])
    const created = await office.post('/api/admin/meetings', meetingBody())
    const edited = await office.patch(`/api/admin/meetings/${created.body.id}`, { endAt: '2026-11-26T09:00:00+08:00' })
    expect(edited.status, 'against the start already set').to.equal(422)
    expect(paths(edited)).to.deep.equal(['body.endAt'])
  })

  it('refuses an edit that changes nothing, and leaves the meeting as it was', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody())
    const empty = await office.patch(`/api/admin/meetings/${created.body.id}`, {})
    expect(empty.status).to.equal(400)
    expect(empty.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['请至少修改一项'])
    expect((await office.get(`/api/admin/meetings/${created.body.id}`)).body.updatedAt, 'not touched').to.equal(created.body.updatedAt)
  })

  it('refuses a start in the past, when created, edited or published', async () => {
    const answer = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-23T09:00:00+08:00' }))
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([{ path: 'body.startAt', message: '开始时间不能早于现在' }])
    const created = await office.post('/api/admin/meetings', meetingBody())
    expect(paths(await office.patch(`/api/admin/meetings/${created.body.id}`, { startAt: '2026-11-20T09:00:00+08:00' }))).to.deep.equal(['body.startAt'])
    app.clock.set(new Date('2026-11-26T02:00:00Z'))
    office = await asAdmin(app)
    const late = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(late.status).to.equal(422)
    expect(late.body.error.code).to.equal('meeting_in_past')
    expect(await app.liaison.store.outbox.search({ limit: 10 })).to.deep.include({ items: [] })
  })

  it('refuses answers due after the start, and times without a zone', async () => {
    expect(paths(await office.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-26T10:00:00+08:00' })))).to.deep.equal(['body.rsvpDeadline'])
    expect(paths(await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-11-26 09:30' })))).to.deep.equal(['body.startAt'])
  })

  it('refuses invitees that resolve to nobody: an error, not an empty meeting', async () => {
    const answer = await office.post('/api/admin/meetings', meetingBody({ selector: { levels: ['provincial'], districtIds: ['d02'] } }))
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.deep.include({ code: 'no_invitees', message: '所选范围内没有任何人，请调整参会人员' })
    expect(paths(answer)).to.deep.equal(['body.selector'])
    expect((await office.post('/api/admin/meetings', meetingBody({ selector: {} }))).body.error.code).to.equal('no_invitees')
    expect((await office.get('/api/admin/meetings')).body.items).to.deep.equal([])
  })

  it("names unknown people and places in the selector, and those outside a district organizer's districts", async () => {
    const answer = await office.post('/api/admin/meetings', meetingBody({ selector: { stationIds: ['st404'], deputyIds: ['dp0001', 'dp9999'] } }))
    expect(answer.status).to.equal(422)
    expect(answer.body.error.details).to.deep.equal([
      { path: 'body.selector.stationIds[0]', message: '这个联络站已不存在或不在您的管理范围内' },
      { path: 'body.selector.deputyIds[1]', message: '这位代表已不在代表名册中，请重新选择' },
    ])
    const sunli = await asStaff(app, 'sunli')
    const outside = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0006'] } }))
    expect(outside.body.error.details).to.deep.equal([{ path: 'body.selector.deputyIds[0]', message: '不在您负责的区县范围内' }])
  })

  it('refuses an answer after the deadline', async () => {
    const m = await published({ rsvpDeadline: '2026-11-25T18:00:00+08:00' })
    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date('2026-11-25T10:00:01Z')) // 18:00:01
    const late = await zhang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '临时有事' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'rsvp_closed', message: '回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的市人大常委会办公室' })
    expect((await zhang.get(`/api/mp/meetings/${m.id}`)).body.rsvp).to.equal('pending')
  })

  it('tells someone not invited who opens the meeting only that it is not his, and nothing else of it', async () => {
    const m = await published({ selector: { deputyIds: ['dp0001'] } })
    const wang = await asDeputy(app, 'dp0002')
    const draft = await office.post('/api/admin/meetings', meetingBody({ startAt: '2026-12-01T09:30:00+08:00', endAt: '2026-12-01T11:00:00+08:00' }))
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })).status).to.equal(404)
    const opened = await wang.get(`/api/mp/meetings/${m.id}`)
    expect(opened.status, 'a forwarded link: not his, said so').to.equal(403)
    expect(opened.body, 'no title, time or place of it').to.deep.equal({
      error: { code: 'not_invited', message: '这次会议没有邀请您，所以看不到会议的内容。如有疑问，请问问会务工作人员', details: [] },
    })
    expect((await wang.get(`/api/mp/meetings/${draft.body.id}`)).status, 'a draft is not there yet').to.equal(404)
    expect((await wang.get('/api/mp/meetings/mt-00000000-0000-4000-8000-000000000000')).status, 'nor one never made').to.equal(404)
    expect((await wang.get('/api/mp/meetings')).body.items).to.deep.equal([])
    app.clock.set(new Date('2026-11-26T01:00:00Z'))
    expect((await wang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(404)
    const guessed = await wang.post(`/api/mp/meetings/${m.id}/check-in`, { code: 'AAAAAAAA' })
    expect(guessed.status, 'a wrong code does not confirm the meeting exists').to.equal(404)
    const intoDraft = await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${draft.body.id}/check-in`, { code: 'AAAAAAAA' })
    expect(intoDraft.status, 'nor a draft').to.equal(404)
    expect(
      (await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${draft.body.id}/rsvp`, { response: 'attend' })).status,
      "a draft is nobody's yet",
    ).to.equal(404)
  })

  it('refuses a check-in before the window opens', async () => {
    const m = await published()
    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date('2026-11-26T00:29:59Z')) // 08:29:59, the window opens at 08:30
    expect((await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).body.error.code).to.equal('check_in_not_open')
  })

  it('refuses a check-in after the meeting has ended', async () => {
    const m = await published()
    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date('2026-11-26T03:30:01Z')) // 11:30:01
    const late = await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({
      code: 'check_in_closed',
      message: '会议已于11月26日（星期四）上午11:30结束，签到已关闭。如果您到了会，请联系组织会议的市人大常委会办公室为您补签。',
    })
  })

  it('refuses a second check-in', async () => {
    const m = await published()
    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date('2026-11-26T01:40:00Z'))
    expect((await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(200)
    app.clock.set(new Date('2026-11-26T02:00:00Z'))
    const again = await zhang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_checked_in', message: '您已签到，无需重复签到' })
    expect((await zhang.get(`/api/mp/meetings/${m.id}`)).body.checkedInAt, 'the first time stands').to.equal('2026-11-26T01:40:00.000Z')
  })

  it("answers 404 for another district's meeting, as for one that does not exist", async () => {
    const qianqi = await asStaff(app, 'qianqi')
    const theirs = await qianqi.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0006'] } }))
    const sunli = await asStaff(app, 'sunli')
    for (const answer of [
      await sunli.get(`/api/admin/meetings/${theirs.body.id}`),
      await sunli.patch(`/api/admin/meetings/${theirs.body.id}`, { title: '改名' }),
      await sunli.post(`/api/admin/meetings/${theirs.body.id}/publish`),
      await sunli.post(`/api/admin/meetings/${theirs.body.id}/remind`),
      await sunli.get('/api/admin/meetings/mt-00000000-0000-0000-0000-000000000000'),
    ]) {
      expect(answer.status).to.equal(404)
      expect(answer.body.error).to.include({ code: 'not_found', message: '会议不存在' })
    }
    expect((await office.get(`/api/admin/meetings/${theirs.body.id}`)).body.title, 'admins see every meeting').to.equal('市人大常委会第十次会议')
  })

  it('refuses a body with unknown fields or kinds, and a malformed id', async () => {
    const answer = await office.post('/api/admin/meetings', meetingBody({ kind: 'party', colour: 'red' }))
    expect(answer.status).to.equal(400)
    expect(paths(answer)).to.have.members(['body.kind', 'body.colour'])
    expect((await office.get('/api/admin/meetings/42')).status).to.equal(400)
  })
})
