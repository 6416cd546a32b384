import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { SLA_JOB } from '../../src/jobs/sla-job.js'

/**
 * caseCity plus a second station in 新华区 with one deputy (赵刚): the district has a
 * station with no deputy (新华街道, staff 王五) and one with a deputy to hand work to.
 */
function cityWithTwoXinhuaStations() {
  const city = caseCity()
  city.regions.push(
    { id: 's0202', name: '西苑街道', kind: 'street', parentId: 'd02' },
    { id: 'c020201', name: '西苑社区', kind: 'community', parentId: 's0202' },
  )
  city.stations.push({
    id: 'st005',
    code: 'ST005',
    name: '西苑街道代表联络站',
    kind: 'community',
    address: '西苑路5号',
    regionIds: ['s0202'],
    receptionDays: ['thu'],
  })
  city.deputies.push({ id: 'dp0006', code: 'DP0006', name: '赵刚', level: 'county', stationIds: ['st005'], topics: [], phone: null, dutyDates: [] })
  return city
}

describe("a case keeps the resident's place, whoever handles it", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: cityWithTwoXinhuaStations() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((x) => x.id)

  it("stays in its own district's view and figures after a transfer to another district's deputy", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    const moved = await (await asAdmin(app)).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' }) // 张伟 of 湛河区
    expect(moved.body).to.include({ stationId: 'st001', deputyId: 'dp0001', districtId: 'd02', handlingDistrictId: 'd01', regionId: 'c020101' })

    const qianqi = await staff('qianqi') // 新华区, the resident's district
    expect((await qianqi.get(`/api/admin/cases/${c.id}`)).status).to.equal(200)
    expect(ids(await qianqi.get('/api/admin/cases'))).to.deep.equal([c.id])
    const sunli = await staff('sunli') // 湛河区, whose deputy now handles it
    expect((await sunli.get(`/api/admin/cases/${c.id}`)).status).to.equal(200)

    const byDistrict = (await (await asAdmin(app)).get('/api/admin/cases/stats?groupBy=district')).body.groups
    expect(byDistrict.map((g: { key: string; name: string; stats: { total: number } }) => [g.key, g.name, g.stats.total])).to.deep.equal([['d02', '新华区', 1]])
    expect((await qianqi.get('/api/admin/cases/stats?regionId=d02')).body.overall.total, 'the place, not the handler').to.equal(1)

    // Even after it moves on again, to a deputy of another station, the place stays. (A deputy hands a
    // message only to his station's colleagues, test/http/cases-transfer-options.test.ts: the office moves it.)
    await (await asAdmin(app)).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0004', note: '赵敏代表更近' })
    expect((await qianqi.get(`/api/admin/cases/${c.id}`)).body).to.include({ districtId: 'd02', stationId: 'st002', deputyId: 'dp0004' })
  })

  it('escalates an overdue transferred case to the office supervising the deputy who holds it', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    await (await asAdmin(app)).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' }) // 张伟 of 湛河区
    const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
    app.clock.advance(25 * 3_600_000)
    await sla()
    app.clock.advance(72 * 3_600_000)
    await sla()
    const escalated = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.escalated' })).items
    expect(escalated.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.have.members(['station:st001', 'office:d01'])
  })

  it('lets staff of a station with no deputy hand a case up (上报), and the district office assign it to any deputy of the district', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    expect(c).to.include({ status: 'submitted' })
    const wangwu = await staff('wangwu') // 新华街道 station, no deputies
    expect((await wangwu.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0006' })).status, 'not a deputy of his station').to.equal(403)

    const handed = await wangwu.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '本站暂无代表' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    expect(handed.body).to.deep.include({
      status: 'submitted',
      stationId: null,
      officeRegionId: 'd02',
      handledBy: { station: null, deputy: null, office: '新华区人大常委会办公室' },
    })
    const queued = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.queued', recipientId: 'd02' })).items
    expect(
      queued.map((m) => m.payload.text),
      "read in the office's group chat: no word of the resident's",
    ).to.deep.equal([`留言 ${c.ticket}（交通出行）由新华街道代表联络站上报，请登录工作台查看原因并分派代表。`])
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.handledBy.office).to.equal('新华区人大常委会办公室')

    const qianqi = await staff('qianqi')
    expect(ids(await qianqi.get('/api/admin/cases?status=submitted'))).to.deep.equal([c.id])
    expect((await qianqi.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' })).status, "湛河区's deputy").to.equal(403)
    const assigned = await qianqi.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0006' })
    expect(assigned.status).to.equal(200)
    expect(assigned.body).to.include({ status: 'assigned', deputyId: 'dp0006', stationId: 'st005', districtId: 'd02', regionId: 'c020101' })
    const timeline = assigned.body.timeline.map((e: { label: string; from: unknown; to: unknown }) => [e.label, e.from, e.to])
    expect(timeline.slice(-2)).to.deep.equal([
      ['上报', { deputy: null, station: '新华街道代表联络站', office: null }, { deputy: null, station: null, office: '新华区人大常委会办公室' }],
      ['分派代表', { deputy: null, station: null, office: '新华区人大常委会办公室' }, { deputy: '赵刚', station: '西苑街道代表联络站', office: null }],
    ])
    expect((await (await asDeputy(app, 'dp0006')).get('/api/mp/deputy/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([c.id])
  })

  it("hands up only a case of the station's own, not once its deputy has answered", async () => {
    const resident = await asResident(app)
    const { body: held } = await resident.post('/api/mp/cases', { text: '垃圾没人清运', regionId: 'c010101' }) // 张伟 has it
    // Answered, it waits for the resident's rating: nothing is left to hand up (a deputy's unanswered one may go: review 37).
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${held.id}/reply`, { text: '已联系环卫所，明天清运' })).status).to.equal(200)
    const lina = await staff('lina')
    const refused = await lina.post(`/api/admin/cases/${held.id}/hand-up`, { reason: '转区里' })
    expect(refused.status).to.equal(409)
    expect((await lina.get(`/api/admin/cases/${held.id}`)).body).to.include({ stationId: 'st001', deputyId: 'dp0001' })
    const { body: other } = await resident.post('/api/mp/cases', { text: '公交站台太窄', regionId: 'c020101' })
    expect((await lina.post(`/api/admin/cases/${other.id}/hand-up`, { reason: 'x' })).status, "another station's").to.equal(404)
    expect((await (await staff('qianqi')).post(`/api/admin/cases/${other.id}/hand-up`, { reason: 'x' })).status, 'organizers assign instead').to.equal(403)
    expect((await lina.post(`/api/admin/cases/${held.id}/hand-up`, {})).status).to.equal(400)
  })
})
