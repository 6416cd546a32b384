import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * A reply deadline (回复截止) already past would close answers for every invitee at once,
 * without anyone being told: the office is refused it, on create and on edit, and told why.
 * The meeting is Thursday 26 Nov 09:30; it is Monday 10:00.
 */
describe('meetings: a reply deadline in the past or after the start', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const PAST = '回复截止时间已经过去，请选现在以后、会议开始以前的时间'

  it('refuses a meeting created with a deadline before now or after its start, and creates nothing', async () => {
    const past = await office.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-23T09:00:00+08:00' }))
    expect(past.status).to.equal(422)
    expect(past.body.error).to.deep.equal({
      code: 'bad_rsvp_deadline',
      message: PAST,
      details: [{ path: 'body.rsvpDeadline', message: PAST }],
    })
    const late = await office.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-26T10:00:00+08:00' }))
    expect(late.status).to.equal(422)
    expect(late.body.error.details).to.deep.equal([{ path: 'body.rsvpDeadline', message: '回复截止时间不能晚于开始时间' }])
    expect((await office.get('/api/admin/meetings')).body.items).to.deep.equal([])
  })

  it('refuses an edit that sets a deadline already past, and keeps the meeting open to answers', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    const id = created.body.id as string
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)

    const edited = await office.patch(`/api/admin/meetings/${id}`, { rsvpDeadline: '2026-11-23T08:00:00+08:00' })
    expect(edited.status).to.equal(422)
    expect(edited.body.error.details).to.deep.equal([{ path: 'body.rsvpDeadline', message: PAST }])
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/meetings/${id}`)).body).to.include({ rsvpOpen: true, rsvpClosesAt: '2026-11-26T01:30:00.000Z' })
    expect((await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).status, 'answers still taken').to.equal(200)

    const later = await office.patch(`/api/admin/meetings/${id}`, { rsvpDeadline: '2026-11-25T18:00:00+08:00' })
    expect(later.status, JSON.stringify(later.body)).to.equal(200)
    expect(later.body).to.include({ rsvpDeadline: '2026-11-25T10:00:00.000Z' })
  })

  it('does not judge again a deadline sent back unchanged once it has passed', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-24T18:00:00+08:00' }))
    const id = created.body.id as string
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
    app.clock.set(new Date('2026-11-25T01:00:00Z')) // Wednesday 09:00: the deadline has passed
    office = await asAdmin(app)
    const kept = await office.patch(`/api/admin/meetings/${id}`, { title: '市人大常委会第十次会议（补充议程）', rsvpDeadline: '2026-11-24T18:00:00+08:00' })
    expect(kept.status, JSON.stringify(kept.body)).to.equal(200)
    expect(kept.body).to.include({ title: '市人大常委会第十次会议（补充议程）', rsvpDeadline: '2026-11-24T10:00:00.000Z' })
  })

  it('refuses to publish a draft whose deadline passed while it waited, sending nothing, until the deadline is changed', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-24T18:00:00+08:00', selector: { deputyIds: ['dp0001'] } }))
    const id = created.body.id as string
    app.clock.set(new Date('2026-11-25T01:00:00Z')) // Wednesday 09:00: the draft's deadline has passed
    office = await asAdmin(app)
    const publish = await office.post(`/api/admin/meetings/${id}/publish`)
    expect([publish.status, publish.body.error.code, publish.body.error.message]).to.deep.equal([
      422,
      'bad_rsvp_deadline',
      '回复截止时间已经过去，请先修改回复截止时间再发布',
    ])
    expect((await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice' })).items, 'no notice asks for an answer by yesterday').to.deep.equal([])
    expect((await office.get(`/api/admin/meetings/${id}`)).body.status).to.equal('draft')
    expect((await office.patch(`/api/admin/meetings/${id}`, { rsvpDeadline: '2026-11-25T18:00:00+08:00' })).status).to.equal(200)
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
  })
})
