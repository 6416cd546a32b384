import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * A district office going live: a station's clerk opens the station list and sees her own station, not the
 * whole district's; the office sees every station. What she cannot read she cannot change either.
 */
describe('the station list as a clerk and as the office see it', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  const names = (body: { items: Array<{ name: string }> }) => body.items.map((s) => s.name)

  it('shows a clerk only her own station, and the office every station', async () => {
    const lina = await asStaff(app, 'lina')
    const hers = await lina.get('/api/admin/stations')
    expect(hers.status, JSON.stringify(hers.body)).to.equal(200)
    expect(names(hers.body)).to.deep.equal(['轻工街道代表联络站'])
    expect(hers.body.nextCursor).to.equal(null)
    // Searching does not reach past her station either.
    expect(names((await lina.get('/api/admin/stations?q=马庄')).body)).to.deep.equal([])
    expect(names((await lina.get('/api/admin/stations?q=ST0')).body)).to.deep.equal(['轻工街道代表联络站'])

    const admin = await asAdmin(app)
    expect(names((await admin.get('/api/admin/stations')).body)).to.deep.equal(['轻工街道代表联络站', '马庄街道代表联络站', '光明社区代表联络点'])
    const organizer = await asStaff(app, 'sunli')
    expect(names((await organizer.get('/api/admin/stations')).body)).to.have.length(3)
  })

  it('holds her writes to her own station: another station is not hers to read or change', async () => {
    const lina = await asStaff(app, 'lina')
    expect((await lina.get('/api/admin/stations/st002')).status).to.equal(404)
    const change = await lina.patch('/api/admin/stations/st002', { address: '马庄路9号' })
    // Answered as the read is: not found, so the refusal does not tell her it is there.
    expect([change.status, change.body.error.code, change.body.error.message]).to.deep.equal([404, 'not_found', '联络站不存在'])
    const admin = await asAdmin(app)
    expect((await admin.get('/api/admin/stations/st002')).body.address, 'nothing changed').to.equal('马庄路8号')
    const own = await lina.patch('/api/admin/stations/st001', { address: '建设路2号' })
    expect(own.status).to.equal(200)
    expect(own.body.address).to.equal('建设路2号')
  })
})
