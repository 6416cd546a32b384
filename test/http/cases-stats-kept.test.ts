import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const DAY = 86_400_000

/**
 * The statistics are kept between requests (an admin's 3,000 stations are worked out once): asked again, they
 * must still show every change since — a case written, a deadline passed, a station renamed.
 */
describe('statistics asked again show what changed since', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // a Monday, 10:00 in Shanghai
  })
  after(() => app.close())

  it('counts a new message, an acknowledgement, a deadline passed and a new name, each the next time the figures are asked', async () => {
    let admin = await asAdmin(app)
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const stats = async () => {
      const res = await admin.get('/api/admin/cases/stats?groupBy=station')
      expect(res.status).to.equal(200)
      expect(res.headers.get('content-type')).to.equal('application/json; charset=utf-8')
      return res.body as { overall: { total: number; overdueOpen: number; byStatus: Record<string, number> }; groups: Array<{ key: string; name: string }> }
    }
    const noise = (await resident.post('/api/mp/cases', { text: '噪音扰民', deputyCode: 'DP0001', regionId: 'c010101' })).body.id as string
    const first = await stats()
    expect(first.overall).to.deep.include({ total: 1, overdueOpen: 0 })
    expect(await stats(), 'asked again, nothing changed').to.deep.equal(first)

    await resident.post('/api/mp/cases', { text: '油烟扰民', deputyCode: 'DP0001', regionId: 'c010101' })
    expect((await stats()).overall.total, 'a second message').to.equal(2)

    await zhang.post(`/api/mp/deputy/cases/${noise}/acknowledge`, {})
    expect((await stats()).overall.byStatus.acknowledged, 'acknowledged').to.equal(1)

    // Two days on, nothing written: the other message's acknowledgement (one working day) is now late.
    app.clock.advance(2 * DAY)
    admin = await asAdmin(app) // (the console's session ended while nobody used it)
    expect((await stats()).overall.overdueOpen, 'late now').to.equal(1)

    expect((await admin.patch('/api/admin/stations/st001', { name: '轻工街道人大代表联络站' })).status).to.equal(200)
    expect((await stats()).groups.find((g) => g.key === 'st001')?.name, 'renamed').to.equal('轻工街道人大代表联络站')
  })
})
