import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 李强 (dp0003) serves two stations: 马庄 (st002, 周杰's) and 轻工 (st001, 李娜's). Each station's
 * staff keep his reception duty at their own station; routing and the rosters follow each station's days.
 */
describe('reception duty days, per station', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: smallCity() })
    // Before the duty days it arranges: a day gone by may no longer be changed.
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  after(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const preview = async (regionId: string, day: string) => {
    const admin = await asAdmin(app)
    const { status, body } = await admin.post('/api/admin/routing/preview', { text: '小区停车难', regionId, at: `${day}T10:00:00+08:00` })
    expect(status).to.equal(200)
    return {
      deputyId: body.deputyId as string | null,
      reasons: (body.reasons as Array<{ message: string }>).map((r) => r.message),
      summary: body.summary as string,
    }
  }

  it("keeps each station's days: neither station's staff overwrite the other's, and each sees only their own", async () => {
    const zhoujie = await staff('zhoujie')
    const lina = await staff('lina')
    const maZhuang = await zhoujie.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-01'], seenDutyDates: [] })
    expect(maZhuang.status).to.equal(200)
    expect(maZhuang.body).to.deep.include({ dutyDates: ['2026-12-01'], dutyByStation: { st002: ['2026-12-01'] } })

    const qingGong = await lina.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-02'], seenDutyDates: [] })
    expect(qingGong.status).to.equal(200)
    expect(qingGong.body).to.deep.include({ dutyDates: ['2026-12-02'], dutyByStation: { st001: ['2026-12-02'] } })

    // 马庄's day is still there, and each station's list (its 接待值班表) holds only its own day.
    expect((await zhoujie.get('/api/admin/deputies/dp0003')).body).to.deep.include({ dutyDates: ['2026-12-01'], dutyByStation: { st002: ['2026-12-01'] } })
    const ownList = async (client: Client, stationId: string) =>
      (await client.get(`/api/admin/deputies?stationId=${stationId}`)).body.items.find((d: { id: string }) => d.id === 'dp0003').dutyDates
    expect(await ownList(lina, 'st001')).to.deep.equal(['2026-12-02'])
    expect(await ownList(zhoujie, 'st002')).to.deep.equal(['2026-12-01'])
    // The city office sees both, each under its station.
    const admin = await asAdmin(app)
    expect((await admin.get('/api/admin/deputies/dp0003')).body.dutyByStation).to.deep.equal({ st002: ['2026-12-01'], st001: ['2026-12-02'] })
    // Residents at each station's page see that station's days.
    const posted = async (code: string) =>
      (await new Client(app.baseUrl).get(`/api/mp/stations/${code}`)).body.deputies.find((d: { name: string }) => d.name === '李强').dutyDates
    expect(await posted('ST002')).to.deep.equal(['2026-12-01'])
    expect(await posted('ST001')).to.deep.equal(['2026-12-02'])
  })

  it('routes to a deputy as on duty only at the station where they are on duty that day, and tells the resident so', async () => {
    const maZhuangOnHisDay = await preview('c010201', '2026-12-01')
    expect(maZhuangOnHisDay.deputyId).to.equal('dp0003')
    expect(maZhuangOnHisDay.reasons).to.include('李强代表12月1日接待值班')
    expect(maZhuangOnHisDay.summary).to.include('李强代表今日接待值班')

    // On 2 December he sits at 轻工: a message from 马庄 says nothing of duty.
    const maZhuangElsewhere = await preview('c010201', '2026-12-02')
    expect(maZhuangElsewhere.reasons.join('\n')).to.not.include('接待值班')
    expect(maZhuangElsewhere.summary).to.not.include('接待值班')

    const qingGong = await preview('c010101', '2026-12-02')
    expect(qingGong.deputyId).to.equal('dp0003')
    expect(qingGong.reasons).to.include('李强代表12月2日接待值班')
    expect(qingGong.summary).to.include('李强代表今日接待值班')
    expect((await preview('c010101', '2026-12-01')).reasons.join('\n')).to.not.include('李强代表12月1日接待值班')
  })

  it('asks the city office which station plain dates are for when the deputy has several, and refuses a station not theirs to staff', async () => {
    const admin = await asAdmin(app)
    const unclear = await admin.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-08'], seenDutyDates: [] })
    expect(unclear.status).to.equal(422)
    expect(unclear.body.error.code).to.equal('duty_station_required')
    expect(unclear.body.error.message).to.equal('该代表在 2 个联络站值班，请说明是哪个联络站的值班日期')
    expect(unclear.body.error.details).to.deep.equal([{ path: 'body.stationId', message: '请选择联络站：马庄街道代表联络站、轻工街道代表联络站' }])

    const named = await admin.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-08'], stationId: 'st002', seenDutyDates: ['2026-12-01'] })
    expect(named.status).to.equal(200)
    expect(named.body.dutyByStation).to.deep.equal({ st002: ['2026-12-08'], st001: ['2026-12-02'] })

    const lina = await staff('lina')
    const notHers = await lina.patch('/api/admin/deputies/dp0003', { dutyDates: [], stationId: 'st002', seenDutyDates: ['2026-12-08'] })
    expect(notHers.status).to.equal(403)
    expect((await admin.get('/api/admin/deputies/dp0003')).body.dutyByStation.st002).to.deep.equal(['2026-12-08'])
    // A deputy of one station needs no station named, whoever edits.
    expect((await admin.patch('/api/admin/deputies/dp0004', { dutyDates: ['2026-12-15'], seenDutyDates: [] })).body.dutyByStation).to.deep.equal({
      st002: ['2026-12-15'],
    })
  })

  it("keeps both stations' days when their staff save at the same moment", async () => {
    const zhoujie = await staff('zhoujie')
    const lina = await staff('lina')
    // Each save reads the deputy first; slowed as a network store would be, the two reads come before either write.
    const deputies = app.liaison.store.deputies
    const get = deputies.get.bind(deputies)
    deputies.get = async (id) => {
      const d = await get(id)
      await new Promise((resolve) => setTimeout(resolve, 50))
      return d
    }
    try {
      const saves = await Promise.all([
        zhoujie.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-15'], seenDutyDates: ['2026-12-08'] }),
        lina.patch('/api/admin/deputies/dp0003', { dutyDates: ['2026-12-16'], seenDutyDates: ['2026-12-02'] }),
      ])
      expect(saves.map((r) => r.status)).to.deep.equal([200, 200])
    } finally {
      deputies.get = get
    }
    const admin = await asAdmin(app)
    expect((await admin.get('/api/admin/deputies/dp0003')).body.dutyByStation).to.deep.equal({ st002: ['2026-12-15'], st001: ['2026-12-16'] })
  })
})
