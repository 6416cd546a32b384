import { expect } from 'chai'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import type { DirectoryCache } from '../../src/services/directory/directory-cache.js'

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
      return res.body as {
        overall: { total: number; overdueOpen: number; acknowledgedInTimeShare: number | null; byStatus: Record<string, number> }
        groups: Array<{ key: string; name: string }>
      }
    }
    const noise = (await resident.post('/api/mp/cases', { text: '噪音扰民', deputyCode: 'DP0001', regionId: 'c010101' })).body.id as string
    const first = await stats()
    expect(first.overall).to.deep.include({ total: 1, overdueOpen: 0 })
    expect(await stats(), 'asked again, nothing changed').to.deep.equal(first)

    await resident.post('/api/mp/cases', { text: '油烟扰民', deputyCode: 'DP0001', regionId: 'c010101' })
    expect((await stats()).overall.total, 'a second message').to.equal(2)

    await zhang.post(`/api/mp/deputy/cases/${noise}/acknowledge`, {})
    expect((await stats()).overall.byStatus.acknowledged, 'acknowledged').to.equal(1)

    // Two days on, nothing written: the other message's acknowledgement (one working day) is now late (按时受理), its
    // answer not yet due (not 超期).
    app.clock.advance(2 * DAY)
    admin = await asAdmin(app) // (the console's session ended while nobody used it)
    expect((await stats()).overall, 'late now').to.deep.include({ acknowledgedInTimeShare: 0.5, overdueOpen: 0 })
    // Weeks on, nothing written: both answers are late now (超期).
    app.clock.advance(25 * DAY)
    admin = await asAdmin(app)
    expect((await stats()).overall.overdueOpen, 'past the reply deadline now').to.equal(2)

    expect((await admin.patch('/api/admin/stations/st001', { name: '轻工街道人大代表联络站' })).status).to.equal(200)
    expect((await stats()).groups.find((g) => g.key === 'st001')?.name, 'renamed').to.equal('轻工街道人大代表联络站')
  })

  it('shows the dashboard a new message, an acknowledgement, a deadline passed, a new name and a new day, each at the next look', async () => {
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // the Monday after, 10:00 in Shanghai
    let admin = await asAdmin(app)
    const resident = await asResident(app, 'o-dashboard')
    const zhang = await asDeputy(app, 'dp0001')
    type Board = {
      today: { date: string; new: { count: number }; open: { count: number }; overdue: { count: number }; ackLate: { count: number } }
      responsiveness: { station: Array<{ key: string; name: string }> }
    }
    const board = async () => {
      const res = await admin.get('/api/admin/dashboard/cases')
      expect(res.status).to.equal(200)
      return res.body as Board
    }
    const first = await board()
    expect(first.today.new.count, 'nothing new yet this Monday').to.equal(0)
    expect(await board(), 'asked again, nothing changed').to.deep.equal(first)

    const id = (await resident.post('/api/mp/cases', { text: '楼道灯坏了', deputyCode: 'DP0001', regionId: 'c010101' })).body.id as string
    await resident.post('/api/mp/cases', { text: '垃圾没人清', deputyCode: 'DP0001', regionId: 'c010101' })
    const two = await board()
    expect(two.today.new.count, 'two messages today').to.equal(2)
    const open = two.today.open.count

    await zhang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    expect((await board()).today.open.count, 'still open once acknowledged').to.equal(open)
    // Just past midnight, nothing written and no deadline passed yet: only the day is new.
    app.clock.set(new Date('2026-11-30T16:30:00Z')) // Tuesday 00:30 in Shanghai
    admin = await asAdmin(app)
    const tuesday = await board()
    expect(tuesday.today.date, 'the day moved on').to.equal('2026-12-01')
    expect(tuesday.today.new.count, 'none new on Tuesday yet').to.equal(0)
    // Two days on, nothing written: the other message's acknowledgement is late (未按时受理), its answer not yet due.
    app.clock.advance(2 * DAY)
    admin = await asAdmin(app)
    expect((await board()).today.ackLate.count, 'late now').to.be.greaterThan(first.today.ackLate.count)
    // Weeks on, nothing written: past the reply deadline (已经超期), no longer 未按时受理.
    const lateBefore = (await board()).today.overdue.count
    app.clock.advance(25 * DAY)
    admin = await asAdmin(app)
    expect((await board()).today.overdue.count, 'past the reply deadline now').to.be.greaterThan(lateBefore)

    expect((await admin.patch('/api/admin/stations/st001', { name: '轻工街道代表之家' })).status).to.equal(200)
    expect((await board()).responsiveness.station.find((s) => s.key === 'st001')?.name, 'renamed').to.equal('轻工街道代表之家')
  })

  it('lets a replaced directory go: the answers kept from before do not hold it (a province’s is ~175 MB)', async () => {
    setFlagsFromString('--expose_gc')
    const gc = runInNewContext('gc') as () => void
    const admin = await asAdmin(app)
    // The shared directory the reports name their groups from (not a service of its own).
    const cache = (app.liaison.services.caseDashboard as unknown as { directory: DirectoryCache }).directory
    const replaced = new WeakRef(await cache.prepared())
    expect((await admin.get('/api/admin/cases/stats?groupBy=station')).status).to.equal(200)
    expect((await admin.get('/api/admin/dashboard/cases')).status).to.equal(200)
    cache.invalidate() // as a directory or staff edit does
    expect((await admin.get('/api/admin/cases/stats?groupBy=district')).status).to.equal(200)
    await new Promise((resolve) => setImmediate(resolve))
    gc()
    expect(replaced.deref(), 'freed').to.equal(undefined)
  })
})
