import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * 张伟 sat reception duty at 轻工街道代表联络站 on 12月2日 and is rostered there on 12月16日. On 12月10日 the office
 * moves him to 马庄街道代表联络站. The day he sat stays in 轻工's roster history and in his 履职档案; the day ahead
 * goes with the move. 王芳 is moved by hand on the console (名册 → 代表), with the same outcome.
 */
describe('a deputy moved to another station keeps his past reception duty', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = smallCity()
    city.deputies[0]!.dutyByStation = { st001: ['2026-12-02', '2026-12-16'] }
    city.deputies[1]!.dutyByStation = { st001: ['2026-12-03', '2026-12-17'] }
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-12-10T02:00:00Z')) // Thursday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('as the old station’s roster history and his record, whether moved by an import or by hand', async () => {
    const admin = await asAdmin(app)
    const moved = smallCity()
    moved.deputies[0]!.stationIds = ['st002']
    moved.deputies[0]!.dutyByStation = {}
    moved.deputies[1]!.dutyByStation = { st001: ['2026-12-03', '2026-12-17'] }
    const imported = await admin.post('/api/admin/directory/import', moved)
    expect(imported.status, JSON.stringify(imported.body)).to.equal(200)
    // The same sheet again changes nothing: his history is not taken for a change.
    expect((await admin.post('/api/admin/directory/import', moved)).body.updated.deputies).to.equal(0)
    const byHand = await admin.patch('/api/admin/deputies/dp0002', { stationIds: ['st003'] })
    expect(byHand.status, JSON.stringify(byHand.body)).to.equal(200)

    // 李娜 (轻工's clerk) reads her station's past roster: who sat here, which days, and where they are now.
    const lina = await asStaff(app, 'lina')
    const history = await lina.get('/api/admin/stations/st001/past-duty')
    expect(history.status).to.equal(200)
    expect(history.body.items).to.deep.equal([
      { deputyId: 'dp0001', name: '张伟', dutyDates: ['2026-12-02'], active: true, nowText: '已调到马庄街道代表联络站' },
      { deputyId: 'dp0002', name: '王芳', dutyDates: ['2026-12-03'], active: true, nowText: '已调到光明社区代表联络点' },
    ])
    // 周杰 (马庄's clerk) has no part of 轻工's roster.
    expect((await (await asStaff(app, 'zhoujie')).get('/api/admin/stations/st001/past-duty')).status).to.equal(404)

    // His 履职档案 still counts the day he sat (12月2日), not the one he no longer has (12月16日).
    for (const id of ['dp0001', 'dp0002']) {
      const record = await admin.get(`/api/admin/records/${id}?year=2026`)
      expect(record.status, JSON.stringify(record.body)).to.equal(200)
      expect(record.body.duty, id).to.deep.equal({ scheduled: 1, served: 0 })
    }

    // Back at 轻工 his past day is on his roster there again, and no longer history of a station he left.
    const back = await admin.patch('/api/admin/deputies/dp0001', { stationIds: ['st001'] })
    expect(back.body.dutyByStation).to.deep.equal({ st001: ['2026-12-02'] })
    expect((await lina.get('/api/admin/stations/st001/past-duty')).body.items.map((d: { name: string }) => d.name)).to.deep.equal(['王芳'])
  })
})
