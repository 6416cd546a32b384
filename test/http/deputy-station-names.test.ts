import { expect } from 'chai'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * 李强 serves at 马庄街道 and at 李娜's 轻工街道. Her station list holds only 轻工街道 now, so the console cannot name his
 * other station from it: the deputy comes with the names of all his stations, in the order of his stations.
 */
describe('a deputy comes with the names of his stations', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('names a deputy’s other station to a clerk who cannot list it', async () => {
    const lina = await asStaff(app, 'lina')
    expect((await lina.get('/api/admin/stations')).body.items.map((s: { name: string }) => s.name)).to.deep.equal(['轻工街道代表联络站'])

    const list = await lina.get('/api/admin/deputies')
    expect(list.status, JSON.stringify(list.body)).to.equal(200)
    const liqiang = list.body.items.find((d: { name: string }) => d.name === '李强')
    expect(liqiang.stationNames).to.deep.equal(['马庄街道代表联络站', '轻工街道代表联络站'])
    const zhangwei = list.body.items.find((d: { name: string }) => d.name === '张伟')
    expect(zhangwei.stationNames).to.deep.equal(['轻工街道代表联络站'])

    const one = await lina.get(`/api/admin/deputies/${liqiang.id}`)
    expect(one.body.stationNames).to.deep.equal(['马庄街道代表联络站', '轻工街道代表联络站'])
    // Names only: nothing else of 马庄街道's station (its address) comes with him.
    expect(JSON.stringify(one.body)).not.to.include('马庄路8号')
  })
})
