import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * "A clerk of station A sees nothing of station B", held where the go-live week found it was not: another
 * station's poster code and record, and the routing preview, which named B's deputies and their open loads
 * ("…代表待办最少（1 件）"). Each is 404 or 403 and shows nothing of B; her own station works as before.
 */
describe("a station clerk sees nothing of another station: posters, the station's record, the routing preview", () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
  })
  after(() => app.close())

  const as = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  /** A message from 马庄社区, which 马庄街道代表联络站 (st002) covers: 赵敏 and 李强 are its deputies. */
  const maZhuang = { text: '马庄社区路灯坏了很久', regionId: 'c010201', at: '2026-11-25T09:00:00+08:00' }

  it("refuses 李娜 (轻工街道) 马庄街道's poster code and record, 404 as for a station that does not exist", async () => {
    const lina = await as('lina')
    const own = await lina.get('/api/admin/stations/st001/qrcode.png')
    expect(own.status).to.equal(200)
    expect(own.headers.get('content-type')).to.equal('image/png')

    for (const path of ['/api/admin/stations/st002/qrcode.png', '/api/admin/stations/st002']) {
      const other = await lina.get(path)
      expect(other.status, path).to.equal(404)
      expect(other.body, path).to.deep.equal({ error: { code: 'not_found', message: '联络站不存在', details: [] } })
    }
    // An organizer of another district likewise; the district's own organizer and the admin see it.
    expect((await (await as('qianqi')).get('/api/admin/stations/st001/qrcode.png')).status).to.equal(404)
    expect((await (await as('sunli')).get('/api/admin/stations/st002/qrcode.png')).status).to.equal(200)
    expect((await (await asAdmin(app)).get('/api/admin/stations/st002')).body).to.include({ name: '马庄街道代表联络站' })
  })

  it('refuses 李娜 a routing preview that lands at 马庄街道, naming none of its deputies or loads', async () => {
    const lina = await as('lina')
    for (const input of [maZhuang, { text: '想找赵敏代表反映情况', deputyCode: 'DP0004' }]) {
      const refused = await lina.post('/api/admin/routing/preview', input)
      expect(refused.status).to.equal(403)
      expect(refused.body).to.deep.equal({
        error: { code: 'outside_scope', message: '这条留言不会分到您负责的联络站或辖区，不能预览分派结果', details: [] },
      })
    }
    const own = await lina.post('/api/admin/routing/preview', { ...maZhuang, regionId: 'c010101' })
    expect(own.status).to.equal(200)
    expect(own.body.stationId).to.equal('st001')

    // 钱七 (新华区) may not look into 湛河区 either; 孙丽 (湛河区) and the admin may.
    expect((await (await as('qianqi')).post('/api/admin/routing/preview', maZhuang)).status).to.equal(403)
    const sunli = await (await as('sunli')).post('/api/admin/routing/preview', maZhuang)
    expect(sunli.status).to.equal(200)
    expect(sunli.body.stationId).to.equal('st002')
    expect((await (await asAdmin(app)).post('/api/admin/routing/preview', maZhuang)).body.stationId).to.equal('st002')
  })
})
