import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import type { StaffPrincipal } from '../../src/services/accounts/principal.js'

/**
 * 陈刚 of 市住房和城乡建设局 (a handling unit, 承办单位) answers the suggestions and projects handed to his unit. No
 * station is his to act on: he is refused the station list and every station's page, as he is the residents'
 * messages, and the directory itself lists him no station and no deputy, so a route opened to every console user
 * later still shows him none.
 */
describe('a handling unit’s staff and the stations', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('refuses him the stations, reading or changing, and keeps his own work open', async () => {
    const chengang = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    for (const path of ['/api/admin/stations', '/api/admin/stations?q=轻工', '/api/admin/stations/st001', '/api/admin/stations/st001/past-duty']) {
      const answer = await chengang.get(path)
      expect(answer.status, path).to.equal(403)
      expect(answer.body.error.code, path).to.equal('forbidden')
      expect(JSON.stringify(answer.body), path).not.to.include('联络站代表')
    }
    const change = await chengang.patch('/api/admin/stations/st001', { address: '建设路99号' })
    expect(change.status).to.equal(403)
    expect((await (await asAdmin(app)).get('/api/admin/stations/st001')).body.address, 'nothing changed').to.not.equal('建设路99号')
    // What is his: his unit and the suggestions handed to it.
    expect((await chengang.get('/api/admin/units')).body.items.map((u: { name: string }) => u.name)).to.deep.equal(['市住房和城乡建设局'])
    expect((await chengang.get('/api/unit/suggestions')).status).to.equal(200)
  })

  it('lists him no station and no deputy in the directory itself', async () => {
    const record = (await app.liaison.store.staff.getByUsername('chengang'))!
    const him: StaffPrincipal = {
      kind: 'staff',
      id: record.id,
      name: record.name,
      username: record.username,
      role: record.role,
      stationIds: record.stationIds,
      regionIds: record.regionIds,
      unitIds: record.unitIds ?? [],
    }
    const { directory } = app.liaison.services
    expect((await directory.searchStations(him, { limit: 50 })).items.map((s) => s.name)).to.deep.equal([])
    expect((await directory.searchDeputies(him, { limit: 50 })).items.map((d) => d.name)).to.deep.equal([])
    // An admin, for contrast, lists the city's three stations.
    expect((await directory.searchStations({ ...him, role: 'admin', unitIds: [] }, { limit: 50 })).items).to.have.length(3)
  })
})
