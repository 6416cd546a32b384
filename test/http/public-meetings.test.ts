import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 公民旁听: a resident opens 会议 in the mini-program and finds the meetings ahead that take
 * the public, with the places left; not those closed to the public, over, or still drafts.
 */
describe('public meetings a resident can attend (GET /api/mp/public-meetings)', () => {
  let app: TestApp
  let office: Client

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-19T02:00:00Z'))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  async function meeting(over: Record<string, unknown>, publish = true) {
    const created = await office.post('/api/admin/meetings', meetingBody(over))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    if (publish) expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    return created.body.id as string
  }

  it('lists the meetings ahead that take the public, earliest first, with the places left', async () => {
    await meeting({ title: '已开过的会', startAt: '2026-11-20T09:00:00+08:00', endAt: '2026-11-20T11:00:00+08:00', publicSeats: 3 })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai: that one is over
    office = await asAdmin(app) // a new day, a new console session
    const later = await meeting({
      title: '代表接待日',
      kind: 'reception_day',
      startAt: '2026-11-27T09:00:00+08:00',
      endAt: '2026-11-27T11:00:00+08:00',
      publicSeats: 5,
    })
    const sooner = await meeting({ publicSeats: 2 })
    await meeting({ title: '内部培训', kind: 'training' })
    await meeting({ title: '草稿中的会议', publicSeats: 9 }, false)
    const resident = await asResident(app)
    expect((await resident.post(`/api/mp/public-meetings/${sooner}/registrations`, { name: '王大爷' })).status).to.equal(201)

    const answer = await resident.get('/api/mp/public-meetings')
    expect(answer.status).to.equal(200)
    expect(answer.body.items).to.deep.equal([
      {
        id: sooner,
        title: '市人大常委会第十次会议',
        kindLabel: '常委会会议',
        startAt: '2026-11-26T01:30:00.000Z',
        endAt: '2026-11-26T03:30:00.000Z',
        startText: '11月26日（星期四）上午9:30',
        endText: '上午11:30',
        place: '市人大常委会第一会议室',
        publicSeats: 2,
        seatsLeft: 1,
      },
      {
        id: later,
        title: '代表接待日',
        kindLabel: '接待日',
        startAt: '2026-11-27T01:00:00.000Z',
        endAt: '2026-11-27T03:00:00.000Z',
        startText: '11月27日（星期五）上午9:00',
        endText: '上午11:00',
        place: '市人大常委会第一会议室',
        publicSeats: 5,
        seatsLeft: 5,
      },
    ])
  })

  it('tells the resident who opens a meeting her own place, and nobody else hers', async () => {
    const id = await meeting({ publicSeats: 3 })
    const her = await asResident(app)
    const other = await asResident(app)
    expect((await her.post(`/api/mp/public-meetings/${id}/registrations`, { name: '王秀兰' })).status).to.equal(201)

    const hers = await her.get(`/api/mp/public-meetings/${id}`)
    expect(hers.status).to.equal(200)
    expect(hers.body.registration).to.deep.include({ meetingId: id, name: '王秀兰' })
    expect(hers.body.seatsLeft).to.equal(2)
    const theirs = await other.get(`/api/mp/public-meetings/${id}`)
    expect(theirs.body.registration, 'someone else has no place of hers').to.equal(null)
    const anyone = await new Client(app.baseUrl).get(`/api/mp/public-meetings/${id}`)
    expect(anyone.status, 'read without signing in').to.equal(200)
    expect(anyone.body.registration).to.equal(null)
  })

  it('reads the meeting to a stale or malformed sign-in as to nobody, never locking her out', async () => {
    const id = await meeting({ publicSeats: 3 })
    const her = await asResident(app)
    expect((await her.post(`/api/mp/public-meetings/${id}/registrations`, { name: '王秀兰' })).status).to.equal(201)

    for (const authorization of ['Bearer not-a-token', `Bearer ${'x'.repeat(43)}`, 'Basic d2FuZzp4']) {
      const garbage = await new Client(app.baseUrl).request('GET', `/api/mp/public-meetings/${id}`, undefined, { authorization })
      expect(garbage.status, `${authorization}: ${JSON.stringify(garbage.body)}`).to.equal(200)
      expect(garbage.body).to.deep.include({ id, title: '市人大常委会第十次会议', seatsLeft: 2, registration: null })
    }

    app.clock.set(new Date('2026-12-20T02:00:00Z')) // her sign-in of a month ago has expired
    const stale = await her.get(`/api/mp/public-meetings/${id}`)
    expect(stale.status, JSON.stringify(stale.body)).to.equal(200)
    expect(stale.body).to.deep.include({ id, title: '市人大常委会第十次会议', seatsLeft: 2, registration: null })

    her.bearer = (await app.liaison.services.mpSessions.issue(her.userId)).token // she signs in again
    expect((await her.get(`/api/mp/public-meetings/${id}`)).body.registration).to.deep.include({ meetingId: id, name: '王秀兰' })
  })

  it('says when the sign-in it was sent did not verify, and only then', async () => {
    const id = await meeting({ publicSeats: 3 })
    const her = await asResident(app)
    expect((await her.post(`/api/mp/public-meetings/${id}/registrations`, { name: '王秀兰' })).status).to.equal(201)

    const signedIn = await her.get(`/api/mp/public-meetings/${id}`)
    expect(signedIn.headers.get('www-authenticate'), 'her sign-in verified').to.equal(null)
    expect(signedIn.body.registration).to.deep.include({ meetingId: id, name: '王秀兰' })
    const anyone = await new Client(app.baseUrl).get(`/api/mp/public-meetings/${id}`)
    expect(anyone.headers.get('www-authenticate'), 'no sign-in sent, none refused').to.equal(null)

    app.clock.set(new Date('2026-12-20T02:00:00Z')) // her sign-in of a month ago has expired
    const stale = await her.get(`/api/mp/public-meetings/${id}`)
    expect(stale.status).to.equal(200)
    expect(stale.headers.get('www-authenticate')).to.equal('Bearer error="invalid_token"')
    expect(stale.body.registration).to.equal(null)
    const garbage = await new Client(app.baseUrl).request('GET', `/api/mp/public-meetings/${id}`, undefined, { authorization: 'Bearer not-a-token' })
    expect(garbage.headers.get('www-authenticate')).to.equal('Bearer error="invalid_token"')
  })

  it('lists the meetings alike to every sign-in, stale or none, without reading a session', async () => {
    await meeting({ publicSeats: 3 })
    const her = await asResident(app)
    const sessions = app.liaison.store.sessions
    const read = sessions.findMpSession.bind(sessions)
    let sessionReads = 0
    sessions.findMpSession = (tokenHash) => (sessionReads++, read(tokenHash))

    const anyone = await new Client(app.baseUrl).get('/api/mp/public-meetings')
    expect(anyone.status).to.equal(200)
    expect(anyone.body.items.map((m: { title: string }) => m.title)).to.deep.equal(['市人大常委会第十次会议'])
    expect((await her.get('/api/mp/public-meetings')).body).to.deep.equal(anyone.body)
    for (const authorization of ['Bearer not-a-token', `Bearer ${'x'.repeat(43)}`]) {
      const garbage = await new Client(app.baseUrl).request('GET', '/api/mp/public-meetings', undefined, { authorization })
      expect(garbage.status, authorization).to.equal(200)
      expect(garbage.body).to.deep.equal(anyone.body)
      expect(garbage.headers.get('www-authenticate'), 'the list refuses no sign-in: it reads none').to.equal(null)
    }
    expect(sessionReads, 'sessions read for the list').to.equal(0)
    await her.get(`/api/mp/public-meetings/${anyone.body.items[0].id}`)
    expect(sessionReads, 'the meeting itself reads her session').to.equal(1)
  })
})
