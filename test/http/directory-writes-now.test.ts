import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { streetCity } from '../helpers/street-organizers.js'

/**
 * Two instances on one store: the city office changes the directory on one while a street's
 * organizer works on the other, whose shared directory was read a moment before. His writes
 * are judged on the stations as they are now, not as that copy remembers them.
 */
describe("a street organizer's directory writes, right after the city office changed the stations elsewhere", function () {
  this.timeout(60_000)
  const file = storeFileForEachTest()

  it('refuses at once a station moved to the next street, and its deputy; lets him edit at once a station new in his street', async () => {
    const here = await file.start({ directory: streetCity() })
    const elsewhere = await file.start()
    const wumin = await asStaff(here, 'wumin') // organizer of 轻工街道 (s0101)
    const ids = (await wumin.get('/api/admin/stations?limit=50')).body.items.map((s: { id: string }) => s.id).sort()
    expect(ids, 'his stations, as the shared directory now holds them').to.deep.equal(['st001', 'st003'])

    const office = await asAdmin(elsewhere)
    const moved = await office.patch('/api/admin/stations/st003', { regionIds: ['c010201'] }) // 光明社区代表联络点 now serves 马庄社区
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    const station = {
      id: 'st005',
      code: 'ST005',
      name: '建设路社区代表联络点',
      kind: 'community',
      address: '建设路9号',
      regionIds: ['c010101'],
      receptionDays: ['thu'],
    }
    const imported = await office.post('/api/admin/directory/import', { regions: [], stations: [station], units: [], deputies: [], staff: [] })
    expect(imported.status, JSON.stringify(imported.body)).to.equal(200)

    const edit = await wumin.patch('/api/admin/stations/st003', { address: '光明路5号' })
    expect(edit.status, 'no longer his street’s station').to.equal(404)
    const deputy = await wumin.patch('/api/admin/deputies/dp0005', { topics: ['教育'] }) // 刘洋, of st003 only
    expect(deputy.status, 'nor its deputy').to.equal(404)
    const joined = await wumin.patch('/api/admin/deputies/dp0001', { stationIds: ['st001', 'st003'] })
    expect(joined.status, 'nor may he put his deputy there').to.equal(403)
    expect(joined.body.error.details).to.deep.equal([{ path: 'body.stationIds[1]', message: '光明社区代表联络点不在您的辖区' }])
    const { stations, deputies } = here.liaison.store
    expect((await stations.get('st003'))!.address, 'nothing changed').to.equal('光明路3号')
    expect((await deputies.get('dp0005'))!.topics).to.deep.equal(['医疗卫生', '社会保障'])
    expect((await deputies.get('dp0001'))!.stationIds).to.deep.equal(['st001'])

    const fresh = await wumin.patch('/api/admin/stations/st005', { receptionDays: ['thu', 'sat'] })
    expect(fresh.status, 'the new station of his street is his at once').to.equal(200)
    expect((await stations.get('st005'))!.receptionDays).to.deep.equal(['thu', 'sat'])
  })
})
