import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 何芳 keeps two stations, 轻工街道 (st001) and 马庄街道 (st002). Asked for deputies without naming a station (the
 * inbox's 代表 filter, the meeting form's picker), she is given those of both, by name too, and never 光明社区's
 * (st003); naming a station of hers gives that one's, another's is refused as before.
 */
describe('a clerk of several stations lists their deputies', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = smallCity()
    city.staff.push({ id: 'sf-two', name: '何芳', role: 'station_staff', stationIds: ['st001', 'st002'], username: 'hefang', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
  })
  afterEach(() => app.close())

  it('gives the deputies of all her stations, and of no other', async () => {
    const hefang = await asStaff(app, 'hefang')
    const names = async (query: string) => {
      const found = await hefang.get(`/api/admin/deputies${query}`)
      expect(found.status, JSON.stringify(found.body)).to.equal(200)
      return found.body.items.map((d: { name: string }) => d.name)
    }
    expect(await names('?limit=50')).to.deep.equal(['张伟', '王芳', '李强', '赵敏'])
    expect(await names(`?q=${encodeURIComponent('赵')}&limit=50`), 'by name, among hers').to.deep.equal(['赵敏'])
    expect(await names(`?q=${encodeURIComponent('刘洋')}&limit=50`), "光明社区's deputy is not hers").to.deep.equal([])
    expect(await names('?stationId=st002&limit=50')).to.deep.equal(['李强', '赵敏'])
    expect((await hefang.get('/api/admin/deputies?stationId=st003')).status, 'another station named: refused').to.equal(403)

    // Paged on, the second page holds the rest of hers, none of another's.
    const first = (await hefang.get('/api/admin/deputies?limit=3')).body
    const rest = (await hefang.get(`/api/admin/deputies?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).body
    expect([...first.items, ...rest.items].map((d: { name: string }) => d.name)).to.deep.equal(['张伟', '王芳', '李强', '赵敏'])
    expect(rest.nextCursor).to.equal(null)
  })
})
