import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 李大爷, 68, took the one public seat (公民旁听) of a meeting, then found he could not go. He gives it back
 * (DELETE /api/mp/public-meetings/:id/registration): the seat is free for 王大爷, the office's count drops,
 * nobody else can give his back for him, and once the meeting has begun it stays as it was.
 */
describe('a resident gives back her public seat (DELETE /api/mp/public-meetings/:id/registration)', () => {
  let app: TestApp
  let office: Client
  let meetingId: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-19T02:00:00Z'))
    office = await asAdmin(app)
    const draft = await office.post('/api/admin/meetings', meetingBody({ publicSeats: 1 }))
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${draft.body.id}/publish`)).status).to.equal(200)
    meetingId = draft.body.id
  })
  afterEach(() => app.close())

  const signUp = (who: Client, name: string) => who.post(`/api/mp/public-meetings/${meetingId}/registrations`, { name })
  const giveBack = (who: Client) => who.request('DELETE', `/api/mp/public-meetings/${meetingId}/registration`)

  it('frees his seat for the next person, says so in the answer, and the office counts one fewer', async () => {
    const li = await asResident(app)
    const wang = await asResident(app)
    expect((await signUp(li, '李建国')).status).to.equal(201)
    expect((await signUp(wang, '王大爷')).body.error).to.include({ code: 'public_seats_full' })
    expect((await office.get(`/api/admin/meetings/${meetingId}/invitees`)).body.publicSeats).to.deep.equal({ cap: 1, taken: 1 })

    const given = await giveBack(li)
    expect(given.status, JSON.stringify(given.body)).to.equal(200)
    expect(given.body).to.deep.include({ id: meetingId, publicSeats: 1, seatsLeft: 1, registration: null })
    expect((await li.get(`/api/mp/public-meetings/${meetingId}`)).body).to.deep.include({ seatsLeft: 1, registration: null })
    expect((await li.get('/api/mp/public-registrations')).body.items, 'gone from his own list').to.deep.equal([])
    expect((await office.get(`/api/admin/meetings/${meetingId}/invitees`)).body.publicSeats, 'the console counts the seat free').to.deep.equal({
      cap: 1,
      taken: 0,
    })

    expect((await signUp(wang, '王大爷')).status, 'the freed seat is taken by the next one').to.equal(201)
    expect((await wang.get(`/api/mp/public-meetings/${meetingId}`)).body.registration).to.deep.include({ name: '王大爷' })
  })

  it('is idempotent: giving it back twice answers the same, and he may sign up again while a seat is left', async () => {
    const li = await asResident(app)
    expect((await signUp(li, '李建国')).status).to.equal(201)
    expect((await giveBack(li)).status).to.equal(200)
    const again = await giveBack(li)
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body).to.deep.include({ seatsLeft: 1, registration: null })
    expect((await signUp(li, '李建国')).status, 'signs up again').to.equal(201)
    expect((await li.get(`/api/mp/public-meetings/${meetingId}`)).body).to.deep.include({ seatsLeft: 0 })
  })

  it("gives back only the caller's own seat: another resident's call leaves his where it is", async () => {
    const li = await asResident(app)
    const stranger = await asResident(app)
    expect((await signUp(li, '李建国')).status).to.equal(201)

    const theirs = await giveBack(stranger)
    expect(theirs.status).to.equal(200)
    expect(theirs.body, 'says nothing of his seat').to.deep.include({ seatsLeft: 0, registration: null })
    expect((await li.get(`/api/mp/public-meetings/${meetingId}`)).body.registration, 'his seat stands').to.deep.include({ name: '李建国' })
    const nobody = await new Client(app.baseUrl).request('DELETE', `/api/mp/public-meetings/${meetingId}/registration`)
    expect(nobody.status, 'not signed in').to.equal(401)
    expect((await li.get(`/api/mp/public-meetings/${meetingId}`)).body).to.deep.include({ seatsLeft: 0 })
  })

  it('is refused once the meeting has begun, in the usual error shape, and the seat stays his', async () => {
    const li = await asResident(app)
    expect((await signUp(li, '李建国')).status).to.equal(201)
    app.clock.set(new Date('2026-11-26T01:40:00Z')) // ten minutes into the meeting (9:30 in Asia/Shanghai)
    li.bearer = (await app.liaison.services.mpSessions.issue(li.userId)).token

    const late = await giveBack(li)
    expect(late.status).to.equal(409)
    expect(late.body).to.deep.equal({ error: { code: 'meeting_started', message: '会议已经开始，旁听报名不能再取消了', details: [] } })
    expect((await li.get('/api/mp/public-registrations')).body.items.map((x: { name: string }) => x.name)).to.deep.equal(['李建国'])
  })
})
