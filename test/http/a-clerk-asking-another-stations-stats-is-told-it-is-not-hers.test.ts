import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 李娜 keeps 轻工街道代表联络站. Asked for 马庄街道's figures, the statistics answered 200 with a total of 0, narrowed to
 * her station: it read as "马庄 has no messages" while it has one. Its deputies' list already says 只能查看本站的代表;
 * the figures now say so too, in the same way.
 */
describe("a clerk asking another station's statistics is told it is not hers", () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    const resident = await asResident(app)
    await resident.post('/api/mp/cases', { text: '建设路路灯坏了', deputyCode: 'DP0001', regionId: 'c010101' })
    await resident.post('/api/mp/cases', { text: '马庄路口积水严重', deputyCode: 'DP0004', regionId: 'c010201' })
  })
  after(() => app.close())

  it('refuses 马庄 as the deputies list does, and still counts her own station', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const deputies = await lina.get('/api/admin/deputies?stationId=st002')
    expect(deputies.status).to.equal(403)

    const other = await lina.get('/api/admin/cases/stats?stationId=st002')
    expect(other.status).to.equal(403)
    expect(other.body.error).to.deep.equal({
      code: 'forbidden',
      message: '只能查看本站的留言统计',
      details: [{ path: 'query.stationId', message: '不是您所在的联络站' }],
    })

    const own = await lina.get('/api/admin/cases/stats?stationId=st001')
    expect(own.status).to.equal(200)
    expect(own.body.overall.total).to.equal(1)
    expect((await lina.get('/api/admin/cases/stats')).body.overall.total, 'no station named: hers').to.equal(1)
  })
})
