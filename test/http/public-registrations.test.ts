import { expect } from 'chai'
import { asAdmin, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 公民旁听, after signing up: the resident hears when the meeting moves or is called off,
 * as the invitees do, and finds their places again under 我报名旁听的会议, a cancelled
 * meeting said in words rather than gone from the list.
 */
describe('a resident with a public seat (公民旁听) when the meeting changes', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T01:00:00Z')) // Monday 09:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const toResident = async (mpUserId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100 })).items
      .filter((m) => m.recipientKind === 'mp_user' && m.recipientId === mpUserId)
      .map((m) => ({ kind: m.kind, text: (m.payload as { text: string }).text, dedupeKey: m.dedupeKey }))
      .sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey))

  async function openMeeting() {
    const created = await office.post('/api/admin/meetings', meetingBody({ publicSeats: 10, selector: { deputyIds: ['dp0001'] } }))
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    return created.body.id as string
  }

  it('tells the resident of a new place and of the cancellation, once each', async () => {
    const id = await openMeeting()
    const wang = await asResident(app)
    const other = await asResident(app)
    expect((await wang.post(`/api/mp/public-meetings/${id}/registrations`, { name: '王大爷' })).status).to.equal(201)
    expect((await other.post(`/api/mp/public-meetings/${id}/registrations`, { name: '李阿姨' })).status).to.equal(201)

    expect((await office.patch(`/api/admin/meetings/${id}`, { place: '区政府三楼会议室' })).status).to.equal(200)
    expect((await office.post(`/api/admin/meetings/${id}/cancel`, { reason: '因故推迟' })).status).to.equal(200)

    expect(await toResident(wang.userId)).to.deep.equal([
      {
        kind: 'meeting.cancelled',
        text: '会议取消：您报名旁听、原定11月26日（星期四）上午9:30至上午11:30召开的市人大常委会第十次会议（常委会会议）已取消，不用到场。原因：因故推迟',
        dedupeKey: `meeting:${id}:cancelled:mp_user:${wang.userId}`,
      },
      {
        kind: 'meeting.changed',
        text: '会议变更：您报名旁听的市人大常委会第十次会议（常委会会议）调整为11月26日（星期四）上午9:30至上午11:30，地点 区政府三楼会议室。您的旁听席位保留，请按新的时间、地点到场。',
        dedupeKey: `meeting:${id}:change:1:mp_user:${wang.userId}`,
      },
    ])
    expect((await toResident(other.userId)).map((m) => m.kind)).to.deep.equal(['meeting.cancelled', 'meeting.changed'])
  })

  it('keeps the seats residents took: the places are not cut below them', async () => {
    const id = await openMeeting()
    for (const name of ['王大爷', '李阿姨'])
      expect((await (await asResident(app)).post(`/api/mp/public-meetings/${id}/registrations`, { name })).status).to.equal(201)
    for (const publicSeats of [0, 1]) {
      const cut = await office.patch(`/api/admin/meetings/${id}`, { publicSeats })
      expect([cut.status, cut.body.error.code, cut.body.error.message]).to.deep.equal([
        409,
        'public_seats_taken',
        '已有 2 位市民报名旁听，旁听名额不能少于 2 个',
      ])
    }
    expect((await office.get(`/api/admin/meetings/${id}`)).body.publicSeats).to.equal(10)
    expect((await office.patch(`/api/admin/meetings/${id}`, { publicSeats: 2 })).status, 'down to the seats taken').to.equal(200)
  })

  it("lists the resident's own places with each meeting as it is now, a cancelled one said in words", async () => {
    const id = await openMeeting()
    const wang = await asResident(app)
    expect((await wang.get('/api/mp/public-registrations')).body).to.deep.equal({ items: [] })
    await wang.post(`/api/mp/public-meetings/${id}/registrations`, { name: '王大爷' })
    await office.post(`/api/admin/meetings/${id}/cancel`, { reason: '因故推迟' })

    expect((await wang.get('/api/mp/public-meetings')).body.items, 'no longer open to sign up').to.deep.equal([])
    const mine = await wang.get('/api/mp/public-registrations')
    expect(mine.status).to.equal(200)
    expect(mine.body.items).to.deep.equal([
      {
        meetingId: id,
        name: '王大爷',
        createdAt: '2026-11-23T01:00:00.000Z',
        title: '市人大常委会第十次会议',
        kindLabel: '常委会会议',
        status: 'cancelled',
        statusLabel: '已取消',
        startAt: '2026-11-26T01:30:00.000Z',
        endAt: '2026-11-26T03:30:00.000Z',
        place: '市人大常委会第一会议室',
        startText: '11月26日（星期四）上午9:30',
        endText: '上午11:30',
        cancelReason: '因故推迟',
      },
    ])
    expect((await (await asResident(app)).get('/api/mp/public-registrations')).body.items, "nobody else's places").to.deep.equal([])
  })
})
