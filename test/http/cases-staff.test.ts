import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

describe('station staff and organizers working the queue', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const staff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

  it("puts a message for a station with no deputy in its staff's queue, and they assign it", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    expect(c).to.include({ status: 'submitted', statusLabel: '联络站正在安排代表' })
    expect(c.routing.summary).to.equal('已交给新华街道代表联络站，联络站工作人员会尽快请一位代表办理')
    const wangwu = await staff('wangwu')
    const queue = await wangwu.get('/api/admin/cases?status=submitted')
    expect(queue.body.items.map((x: { id: string }) => x.id)).to.deep.equal([c.id])
    expect((await wangwu.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' })).status, 'not a deputy of their station').to.equal(403)

    const admin = await asAdmin(app)
    const assigned = await admin.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note: '王芳代表住在附近' })
    expect(assigned.body).to.include({ status: 'assigned', deputyId: 'dp0002' })
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get('/api/mp/deputy/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([c.id])
  })

  it('sends a message from a place no station covers to its district office, and an unknown place to the city office', async () => {
    const resident = await asResident(app)
    const district = await resident.post('/api/mp/cases', { text: '东安社区的垃圾问题', regionId: 'c030101' })
    expect(district.body.handledBy).to.deep.equal({ station: null, deputy: null, office: '卫东区人大常委会办公室' })
    expect(district.body.routing.summary).to.include('卫东区人大常委会办公室')
    const city = await resident.post('/api/mp/cases', { text: '我想反映一个问题' })
    expect(city.body.handledBy.office).to.equal('市人大常委会办公室')
    const nowhere = await resident.post('/api/mp/cases', { text: '我还想反映一个问题', regionId: 'x-no-such-place' })
    expect(nowhere.status, 'an unknown place is routed, never refused').to.equal(201)
    expect(nowhere.body.handledBy.office).to.equal('市人大常委会办公室')

    const admin = await asAdmin(app)
    const staffView = await admin.get(`/api/admin/cases/${nowhere.body.id}`)
    expect(staffView.body.routingReasons.map((r: { code: string }) => r.code)).to.include('city_office')
  })

  it('shows each console user only their part: station staff their station, organizers their district', async () => {
    const resident = await asResident(app)
    const qinggong = (await resident.post('/api/mp/cases', { text: '路灯', regionId: 'c010101' })).body
    const xinhua = (await resident.post('/api/mp/cases', { text: '公交', regionId: 'c020101' })).body
    const lina = await staff('lina')
    expect((await lina.get('/api/admin/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([qinggong.id])
    expect((await lina.get(`/api/admin/cases/${xinhua.id}`)).status).to.equal(404)
    expect((await lina.post(`/api/admin/cases/${xinhua.id}/reject`, { reason: '不属于本站' })).status).to.equal(404)
    expect((await lina.get('/api/admin/cases?stationId=st004')).body.items, 'a filter never widens the scope').to.deep.equal([])
    // Another station's figures are refused outright: a total of 0 read as "none there" (403, as its deputies).
    expect((await lina.get('/api/admin/cases/stats?stationId=st004')).status).to.equal(403)
    const qianqi = await staff('qianqi')
    expect((await qianqi.get('/api/admin/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([xinhua.id])
    expect((await qianqi.get('/api/admin/cases?stationId=st001')).body.items).to.deep.equal([])
    const sunli = await staff('sunli') // organizer of 湛河区
    expect((await sunli.get('/api/admin/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([qinggong.id])
    expect((await (await asAdmin(app)).get('/api/admin/cases')).body.items).to.have.length(2)
  })

  it('filters by status, topic, place, station, deputy, overdue and dates', async () => {
    const resident = await asResident(app)
    const litter = (await resident.post('/api/mp/cases', { text: '垃圾没人清运', regionId: 'g01010101' })).body
    app.clock.advance(2 * 86_400_000)
    const school = (await resident.post('/api/mp/cases', { text: '学校门口拥堵', regionId: 'c010201' })).body
    const admin = await asAdmin(app)
    const ids = async (query: string) => (await admin.get(`/api/admin/cases?${query}`)).body.items.map((x: { id: string }) => x.id)
    expect(await ids(`topic=${encodeURIComponent('环境保护')}`)).to.deep.equal([litter.id])
    expect(await ids('regionId=s0101')).to.deep.equal([litter.id])
    expect(await ids('stationId=st002')).to.deep.equal([school.id])
    // The first is past its 24 h to be acknowledged, its answer not yet due: 未按时受理, not 已超期.
    expect(await ids('ackLate=true'), 'the first is past its 24 h').to.deep.equal([litter.id])
    expect(await ids('overdue=true'), 'neither is past its reply deadline').to.deep.equal([])
    expect(await ids(`from=${encodeURIComponent('2026-11-24T00:00:00+08:00')}`)).to.deep.equal([school.id])
    expect(await ids('status=assigned')).to.have.members([litter.id, school.id])
    expect((await admin.get('/api/admin/cases?from=yesterday')).status).to.equal(400)
    expect((await admin.get('/api/admin/cases?status=lost')).status).to.equal(400)
  })

  it('rejects with a reason the resident reads, and merges a duplicate into the case that carries the work', async () => {
    const resident = await asResident(app)
    const neighbour = await asResident(app)
    const first = (await resident.post('/api/mp/cases', { text: '建设路社区东门的路灯坏了，晚上很黑', regionId: 'c010101' })).body
    const second = (await neighbour.post('/api/mp/cases', { text: '建设路社区东门路灯坏了，晚上很黑看不见', regionId: 'c010101' })).body
    const spam = (await neighbour.post('/api/mp/cases', { text: '出售二手家具，价格优惠', regionId: 'c010101' })).body
    const lina = await staff('lina')

    // The page's 相似留言 are what the 合并 dialog offers (merge-choices), each saying why.
    const alike = await lina.get(`/api/admin/cases/${second.id}/merge-choices`)
    expect(alike.body.items.map((s: { id: string; why: string }) => [s.id, s.why])).to.deep.equal([[first.id, '内容相近']])
    expect((await lina.get(`/api/admin/cases/${second.id}`)).body, 'the detail no longer reads them itself').to.not.have.property('similar')

    const merged = await lina.post(`/api/admin/cases/${second.id}/merge`, { intoCaseId: first.id })
    expect(merged.body).to.include({ status: 'closed', mergedInto: first.id })
    const rejected = await lina.post(`/api/admin/cases/${spam.id}/reject`, { reason: '广告信息，不属于意见建议' })
    expect(rejected.body.status).to.equal('rejected')
    const told = (await neighbour.get(`/api/mp/cases/${spam.id}`)).body.timeline.at(-1)
    expect(told).to.include({ label: '这条留言没有接办', note: '广告信息，不属于意见建议' })
    expect((await lina.post(`/api/admin/cases/${spam.id}/reject`, { reason: '再次' })).status).to.equal(409)
  })

  it('merges only into a case still being worked on', async () => {
    const resident = await asResident(app)
    const done = (await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' })).body
    // She sent it twice, asked and answering that it goes all the same: the duplicate a clerk merges.
    const later = (await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101', sendAgain: true })).body
    await resident.post(`/api/mp/cases/${done.id}/withdraw`, {})
    const refused = await (await staff('lina')).post(`/api/admin/cases/${later.id}/merge`, { intoCaseId: done.id })
    expect(refused.status).to.equal(409)
    expect(refused.body.error.code).to.equal('merge_target_closed')
    expect(refused.body.error.message, 'what became of it, and what to do instead').to.equal(
      `留言 ${done.ticket} 已经撤回了，不能再把别的留言并入它。请选一条还在办理中的留言，或把这条单独交给代表办理`,
    )
    const rated = (await resident.post('/api/mp/cases', { text: '路灯又坏了', regionId: 'c010101' })).body
    await (await asDeputy(app, (await app.liaison.store.cases.get(rated.id))!.deputyId!)).post(`/api/mp/deputy/cases/${rated.id}/reply`, { text: '已修好' })
    await resident.post(`/api/mp/cases/${rated.id}/rate`, { rating: 5 })
    const intoClosed = await (await staff('lina')).post(`/api/admin/cases/${later.id}/merge`, { intoCaseId: rated.id })
    expect(intoClosed.body.error.message).to.include(`留言 ${rated.ticket} 已经办结了，不能再把别的留言并入它`)

    // Into one that is itself folded into another: staff are told which one carries the work.
    const third = (await resident.post('/api/mp/cases', { text: '路灯还是坏的', regionId: 'c010101' })).body
    const fourth = (await resident.post('/api/mp/cases', { text: '这条路的路灯不亮', regionId: 'c010101' })).body
    expect((await (await staff('lina')).post(`/api/admin/cases/${third.id}/merge`, { intoCaseId: later.id })).status).to.equal(200)
    const intoMerged = await (await staff('lina')).post(`/api/admin/cases/${fourth.id}/merge`, { intoCaseId: third.id })
    expect(intoMerged.body.error.message).to.equal(`留言 ${third.ticket} 本身已并入留言 ${later.ticket} 合并办理，请改为并入留言 ${later.ticket}`)
  })

  it("gives a reassigned case a fresh day to acknowledge; the new station's district handles it, the place stays", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '公交站台太窄', regionId: 'c020101' }) // 新华 queue, no deputy
    app.clock.advance(30 * 3600_000)
    const admin = await asAdmin(app)
    const assigned = await admin.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' })
    expect(assigned.body.acknowledgeBy).to.equal(new Date(app.clock.now().getTime() + 24 * 3600_000).toISOString())
    expect(assigned.body).to.include({ stationId: 'st001', districtId: 'd02', handlingDistrictId: 'd01' })
    expect((await (await staff('sunli')).get(`/api/admin/cases/${c.id}`)).status, "now also the 湛河区 organizer's").to.equal(200)
    expect((await (await staff('qianqi')).get(`/api/admin/cases/${c.id}`)).status, "still the 新华区 organizer's").to.equal(200)
  })

  it("refuses a district organizer assigning to another district's deputy, changing nothing and telling nobody", async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '新华社区的公交站台太窄', regionId: 'c020101' })
    const qianqi = await staff('qianqi') // organizer of 新华区
    const refused = await qianqi.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' }) // 张伟, 湛河区
    expect(refused.status).to.equal(403)
    expect(refused.body.error).to.deep.include({ code: 'outside_scope', details: [{ path: 'body.deputyId', message: '张伟代表不在您的辖区' }] })
    const after = await qianqi.get(`/api/admin/cases/${c.id}`)
    expect(after.body).to.include({ status: 'submitted', deputyId: null, stationId: 'st004' })
    expect((await app.liaison.store.outbox.search({ recipientId: 'dp0001', limit: 10 })).items, 'no notice to 张伟').to.deep.equal([])
  })

  it('previews a routing decision without creating a case', async () => {
    const lina = await staff('lina')
    const preview = await lina.post('/api/admin/routing/preview', { text: '孩子入学学位紧张', regionId: 'c010101', at: '2026-11-25T09:00:00+08:00' })
    expect(preview.status).to.equal(200)
    expect(preview.body).to.include({ stationId: 'st001', topic: '教育' })
    expect(preview.body.reasons.map((r: { rule: string }) => r.rule)).to.include.members(['place', 'topic'])
    expect(preview.body.summary).to.match(/^已交给轻工街道代表联络站/)
    expect((await app.liaison.store.cases.search({ limit: 5 })).items).to.deep.equal([])
    expect((await new Client(app.baseUrl).post('/api/admin/routing/preview', { text: 'x' })).status).to.equal(401)
  })
})
