import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 张伟 (dp0001) of 轻工街道代表联络站 (st001) is on its roster tomorrow and next Tuesday when the office sets him
 * 已离任. The 设为离任 dialog promised the days ahead would be marked: 李娜's 近期接待值班 lists him on them marked
 * 已离任 (not silently dropped, not promised), and no message of those days is handed to him, his topic or not.
 */
describe('a deputy set as left office on the duty days he was arranged for', () => {
  let app: TestApp
  let lina: Client

  beforeEach(async () => {
    const city = caseCity()
    const duty = (id: string, dutyByStation: Record<string, string[]>) => (city.deputies.find((d) => d.id === id)!.dutyByStation = dutyByStation)
    duty('dp0001', { st001: ['2026-11-20', '2026-11-24', '2026-12-01'] }) // 张伟: last Friday, tomorrow, next Tuesday
    duty('dp0002', { st001: ['2026-11-24'] }) // 王芳: tomorrow too
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Shanghai
    const office = await asAdmin(app)
    const left = await office.patch('/api/admin/deputies/dp0001', { active: false })
    expect(left.status, JSON.stringify(left.body)).to.equal(200)
    lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
  })
  afterEach(() => app.close())

  it('lists him on 近期接待值班 marked 已离任, beside those who come', async () => {
    const duty = (await lina.get('/api/admin/dashboard/cases')).body.duty
    expect(duty[0]).to.deep.equal({
      date: '2026-11-24',
      label: '明天',
      stationName: '轻工街道代表联络站',
      deputies: ['王芳', '张伟'],
      away: [null, '已离任'],
    })
    expect(duty[1], 'a day only he was arranged for: there, marked, for her to arrange another').to.deep.equal({
      date: '2026-12-01',
      label: '12月1日（星期二）',
      stationName: '轻工街道代表联络站',
      deputies: ['张伟'],
      away: ['已离任'],
    })
    // The station's list still reads his days as recorded: the past one and those ahead (the console marks them).
    const listed = (await lina.get('/api/admin/deputies?stationId=st001&limit=100')).body.items.find((d: { id: string }) => d.id === 'dp0001')
    expect(listed.active).to.equal(false)
    expect(listed.dutyDates).to.deep.equal(['2026-11-20', '2026-11-24', '2026-12-01'])
  })

  it('never hands him a message on his duty day, even one on his own topic', async () => {
    app.clock.set(new Date('2026-11-24T02:00:00Z')) // Tuesday 10:00: his day on the roster
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text: '楼下垃圾站臭味很大，夏天更严重', regionId: 'c010101' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const stored = (await app.liaison.store.cases.get(sent.body.id))!
    expect(stored.deputyId, 'not the deputy who left office').to.not.equal('dp0001')
    expect(sent.body.routing.summary).not.to.include('张伟')
  })
})
