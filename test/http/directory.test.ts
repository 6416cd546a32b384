import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

describe('the directory, as residents see it', () => {
  let app: TestApp
  let resident: Client
  before(async () => {
    app = await startApp({ directory: smallCity() })
    resident = new Client(app.baseUrl)
  })
  after(() => app.close())

  it('shows the region tree district → street → community → grid', async () => {
    const { body } = await resident.get('/api/mp/regions')
    expect(body.items.map((d: any) => d.name)).to.deep.equal(['湛河区', '新华区'])
    const street = body.items[0].children.find((s: any) => s.id === 's0101')
    expect(street.children.map((c: any) => c.name)).to.deep.equal(['建设路社区', '光明社区'])
    expect(street.children[0].children).to.deep.equal([{ id: 'g01010101', name: '建设路第一网格', kind: 'grid', parentId: 'c010101', children: [] }])
  })

  it('lists one level at a time for a picker', async () => {
    const { body } = await resident.get('/api/mp/regions?parentId=d01')
    expect(body.items.map((r: any) => r.id)).to.deep.equal(['s0101', 's0102'])
    expect((await resident.get('/api/mp/regions?parentId=nope')).status).to.equal(404)
  })

  it('finds the station for a place, the most specific coverage first', async () => {
    const grid = await resident.get('/api/mp/stations?regionId=g01010101')
    expect(grid.body.items.map((s: any) => [s.code, s.coverage])).to.deep.equal([['ST001', 'covering']])
    // 光明社区 has its own contact point, and its street's station covers it too.
    const guangming = await resident.get('/api/mp/stations?regionId=c010102')
    expect(guangming.body.items.map((s: any) => s.code)).to.deep.equal(['ST003', 'ST001'])
    const district = await resident.get('/api/mp/stations?regionId=d01')
    expect(district.body.items.map((s: any) => [s.code, s.coverage])).to.deep.equal([
      ['ST001', 'within'],
      ['ST002', 'within'],
      ['ST003', 'within'],
    ])
    expect((await resident.get('/api/mp/stations?regionId=d02')).body.items).to.deep.equal([])
    expect((await resident.get('/api/mp/stations')).status).to.equal(400)
  })

  it("shows a deputy's public card by code, never the phone", async () => {
    const { status, body } = await resident.get('/api/mp/deputies/dp0003')
    expect(status).to.equal(200)
    expect(body).to.deep.equal({
      code: 'DP0003',
      name: '李强',
      level: 'national',
      levelLabel: '全国人大代表',
      topics: [],
      stations: [
        {
          code: 'ST002',
          name: '马庄街道代表联络站',
          kind: 'community',
          address: '马庄路8号',
          receptionDays: ['tue'],
          receptionHours: null,
          receptionText: '每星期二接待',
        },
        {
          code: 'ST001',
          name: '轻工街道代表联络站',
          kind: 'community',
          address: '建设路1号',
          receptionDays: ['wed'],
          receptionHours: null,
          receptionText: '每星期三接待',
        },
      ],
      inOffice: true,
      notice: null,
      awayNotice: null,
    })
    expect(JSON.stringify(body)).not.to.match(/1380000|phone/)
  })

  it('shows a station with its deputies, again without phones', async () => {
    const { body } = await resident.get('/api/mp/stations/ST002')
    expect(body).to.include({ code: 'ST002', name: '马庄街道代表联络站' })
    expect(body.regions).to.deep.equal([{ id: 's0102', name: '马庄街道' }])
    expect(body.deputies.map((d: any) => d.name)).to.deep.equal(['李强', '赵敏'])
    expect(JSON.stringify(body)).not.to.match(/1380000|phone/)
  })
})

describe('the directory in the console', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    // Before the duty days it arranges: a day gone by may no longer be changed.
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('searches deputies by name, level, station and topic, page by page', async () => {
    const page1 = await admin.get('/api/admin/deputies?limit=2')
    expect(page1.body.items.map((d: any) => d.id)).to.deep.equal(['dp0001', 'dp0002'])
    const page2 = await admin.get(`/api/admin/deputies?limit=2&cursor=${page1.body.nextCursor}`)
    const page3 = await admin.get(`/api/admin/deputies?limit=2&cursor=${page2.body.nextCursor}`)
    expect([...page2.body.items, ...page3.body.items].map((d: any) => d.id)).to.deep.equal(['dp0003', 'dp0004', 'dp0005'])
    expect(page3.body.nextCursor).to.equal(null)
    expect((await admin.get('/api/admin/deputies?q=%E5%BC%A0')).body.items.map((d: any) => d.name)).to.deep.equal(['张伟'])
    expect((await admin.get('/api/admin/deputies?level=township')).body.items.map((d: any) => d.id)).to.deep.equal(['dp0004'])
    expect((await admin.get('/api/admin/deputies?stationId=st002')).body.items.map((d: any) => d.id)).to.deep.equal(['dp0003', 'dp0004'])
    expect((await admin.get(`/api/admin/deputies?topic=${encodeURIComponent('社会保障')}`)).body.items.map((d: any) => d.id)).to.deep.equal(['dp0005'])
    expect((await admin.get('/api/admin/deputies?limit=0')).status).to.equal(400)
    expect((await admin.get('/api/admin/deputies?cursor=forged')).status).to.equal(400)
  })

  it('shows phones masked in lists; the full number only on request, and that read is audited', async () => {
    const list = await admin.get('/api/admin/deputies?stationId=st001')
    expect(list.body.items.map((d: any) => d.phoneMasked)).to.deep.equal(['138****0001', '138****0002', '138****0003'])
    expect(JSON.stringify(list.body)).not.to.match(/13800000001|phoneEnc|phoneIndex/)
    const reveal = await admin.get('/api/admin/deputies/dp0002/phone')
    expect(reveal.body).to.deep.equal({ phone: '13800000002' })
    expect(reveal.headers.get('cache-control')).to.equal('no-store')
    const audit = await admin.get('/api/admin/audit?action=deputy.phone.read')
    expect(audit.body.items).to.have.length(1)
    expect(audit.body.items[0]).to.deep.include({ actorId: 'admin', targetKind: 'deputy', targetId: 'dp0002' })
  })

  it('keeps the phone encrypted in the store, readable only with the key', async () => {
    const stored = await app.liaison.store.deputies.get('dp0001')
    expect(stored!.phoneEnc).to.match(/^v1:k1:[\w-]+:[\w-]+:[\w-]+$/)
    expect(JSON.stringify(stored)).not.to.include('13800000001')
  })

  it("lets station staff see and schedule only their own station's deputies", async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const own = await lina.get('/api/admin/deputies')
    expect(own.body.items.map((d: any) => d.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
    expect((await lina.get('/api/admin/deputies?stationId=st002')).status).to.equal(403)
    expect((await lina.get('/api/admin/deputies/dp0004')).status, "another station's deputy").to.equal(404)
    expect((await lina.get('/api/admin/deputies/dp0004/phone')).status).to.equal(404)
    const scheduled = await lina.patch('/api/admin/deputies/dp0002', { dutyDates: ['2026-12-02', '2026-12-09'], seenDutyDates: [] })
    expect(scheduled.status).to.equal(200)
    expect(scheduled.body.dutyDates).to.deep.equal(['2026-12-02', '2026-12-09'])
    expect((await lina.patch('/api/admin/deputies/dp0002', { level: 'national' })).status).to.equal(403)
    expect((await admin.get('/api/admin/deputies/dp0002')).body.level).to.equal('county')
  })

  it("lets station staff change their station's address and reception days, not another station", async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const ok = await lina.patch('/api/admin/stations/st001', { address: '建设路2号', receptionDays: ['mon', 'wed'] })
    expect(ok.body).to.include({ address: '建设路2号' })
    expect((await lina.patch('/api/admin/stations/st002', { address: '别处' })).status).to.equal(404)
    expect((await lina.patch('/api/admin/stations/st001', { regionIds: ['s0102'] })).status).to.equal(403)
    expect((await admin.get('/api/admin/stations/st002')).body.address).to.equal('马庄路8号')
  })

  it('edits a deputy: stations and topics must exist, a phone must be a phone', async () => {
    const edited = await admin.patch('/api/admin/deputies/dp0004', { stationIds: ['st002', 'st003'], topics: ['农业农村'], phone: '13900001111' })
    expect(edited.body).to.deep.include({ stationIds: ['st002', 'st003'], topics: ['农业农村'], phoneMasked: '139****1111' })
    const bad = await admin.patch('/api/admin/deputies/dp0004', { stationIds: ['st404'] })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.details).to.deep.equal([{ path: 'body.stationIds[0]', message: '这个联络站已不存在或不在您的管理范围内' }])
    expect((await admin.patch('/api/admin/deputies/dp0004', { topics: ['星际旅行'] })).status).to.equal(400)
    expect((await admin.patch('/api/admin/deputies/dp0004', { phone: '110' })).status).to.equal(400)
    expect((await admin.patch('/api/admin/deputies/dp0004', {})).status).to.equal(400)
    expect((await admin.get('/api/admin/deputies/dp0004')).body.stationIds).to.deep.equal(['st002', 'st003'])
  })

  it('searches stations and staff', async () => {
    expect((await admin.get(`/api/admin/stations?q=${encodeURIComponent('马庄')}`)).body.items.map((s: any) => s.id)).to.deep.equal(['st002'])
    const staff = await admin.get('/api/admin/staff?role=station_staff')
    expect(staff.body.items.map((s: any) => s.username)).to.deep.equal(['lina', 'zhoujie'])
    expect(JSON.stringify(staff.body)).not.to.include('scrypt')
  })
})

describe('a district organizer in the console', () => {
  let app: TestApp
  before(async () => {
    const { caseCity } = await import('../fixtures.js')
    app = await startApp({ directory: caseCity() })
  })
  after(() => app.close())

  it('sees, calls and binds only the deputies of their district', async () => {
    const qianqi = await new Client(app.baseUrl).login('qianqi', STAFF_PASSWORD) // organizer of 新华区, which has no deputy
    expect((await qianqi.get('/api/admin/deputies')).body.items).to.deep.equal([])
    expect((await qianqi.get('/api/admin/deputies/dp0001')).status).to.equal(404)
    expect((await qianqi.get('/api/admin/deputies/dp0001/phone')).status).to.equal(404)
    expect((await qianqi.post('/api/admin/deputies/dp0001/binding-code')).status).to.equal(404)
    expect((await qianqi.patch('/api/admin/stations/st001', { address: '别处' })).status).to.equal(404)
    expect((await qianqi.patch('/api/admin/stations/st004', { address: '新华路2号' })).status).to.equal(200)
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // organizer of 湛河区
    expect((await sunli.get('/api/admin/deputies/dp0001/phone')).body.phone).to.equal('13800000001')
    expect((await sunli.get('/api/admin/outbox')).status, 'the outbox is for admins').to.equal(403)
  })

  it('judges a page of deputies or stations on the shared directory: no station or region list read per row or per request', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // organizer of 湛河区
    const { stations, regions } = app.liaison.store
    const [get, list] = [stations.get, regions.list]
    const reads = { station: 0, regions: 0 }
    stations.get = (id) => (reads.station++, get.call(stations, id))
    regions.list = () => (reads.regions++, list.call(regions))
    try {
      const deputies = await sunli.get('/api/admin/deputies?limit=50')
      expect(deputies.body.items.map((d: { id: string }) => d.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0003', 'dp0004', 'dp0005'])
      const page = await sunli.get('/api/admin/stations?limit=50')
      expect(page.body.items.map((st: { id: string }) => st.id).sort()).to.deep.equal(['st001', 'st002', 'st003'])
      expect((await sunli.get('/api/admin/deputies/dp0004')).status).to.equal(200)
      expect(reads, 'stations and regions read one by one').to.deep.equal({ station: 0, regions: 0 })
    } finally {
      ;[stations.get, regions.list] = [get, list]
    }
  })

  it('refuses to write outside their district, whatever ids the body carries, and changes nothing', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // organizer of 湛河区
    const admin = await asAdmin(app)
    const moved = await sunli.patch('/api/admin/deputies/dp0004', { stationIds: ['st002', 'st004'] }) // st004 is in 新华区
    expect(moved.status).to.equal(403)
    expect(moved.body.error).to.deep.include({ code: 'outside_scope', details: [{ path: 'body.stationIds[1]', message: '新华街道代表联络站不在您的辖区' }] })
    expect((await admin.get('/api/admin/deputies/dp0004')).body.stationIds).to.deep.equal(['st002'])
    expect((await sunli.patch('/api/admin/deputies/dp0004', { stationIds: ['st002', 'st003'] })).status, 'a station of their own district').to.equal(200)

    const grabbed = await sunli.patch('/api/admin/stations/st001', { regionIds: ['s0101', 'c020101'] }) // 新华社区 of 新华区
    expect(grabbed.status).to.equal(403)
    expect(grabbed.body.error.details).to.deep.equal([{ path: 'body.regionIds[1]', message: '新华社区不在您的辖区' }])
    expect((await admin.get('/api/admin/stations/st001')).body.regionIds).to.deep.equal(['s0101'])
    const routed = await admin.post('/api/admin/routing/preview', { text: '公交站台太窄', regionId: 'c020101' })
    expect(routed.body.stationId, 'residents of 新华社区 still reach their own station').to.equal('st004')
    expect((await sunli.patch('/api/admin/stations/st001', { regionIds: ['s0101', 's0102'] })).status, 'a street of their own district').to.equal(200)
  })
})
