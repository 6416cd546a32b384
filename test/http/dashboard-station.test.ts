import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** Monday 7 December 2026, 10:00 in Shanghai: the clerk opens her 工作概览. */
const MONDAY = new Date('2026-12-07T02:00:00Z')

/**
 * A station clerk starts her day on 工作概览: today's new messages, those waiting for her to give
 * to a deputy, the overdue, those a resident asked to be handled again, and who receives residents
 * next. Every figure counts her station only: never a neighbouring station's, never another district's.
 */
describe("a station clerk's 工作概览", () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const submit = async (text: string, regionId: string, deputyCode?: string) => {
    const sent = await resident.post('/api/mp/cases', { text, regionId, ...(deputyCode ? { deputyCode } : {}) })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body.id as string
  }

  beforeEach(async () => {
    const city = caseCity()
    const duty = (id: string, dutyByStation: Record<string, string[]>) => (city.deputies.find((d) => d.id === id)!.dutyByStation = dutyByStation)
    duty('dp0001', { st001: ['2026-12-07', '2026-12-09'] }) // 张伟: today and Wednesday at 轻工
    duty('dp0003', { st001: ['2026-12-09'], st002: ['2026-12-08'] }) // 李强: Wednesday at 轻工, Tuesday at 马庄
    duty('dp0002', { st001: ['2027-02-01'] }) // 王芳: too far ahead to read as "next"
    app = await startApp({ directory: city })
    app.clock.set(MONDAY)
    resident = await asResident(app)
  })
  afterEach(() => app.close())

  it("counts only her station's messages, each figure a link to exactly those, with who is on duty next", async () => {
    // 轻工街道 (李娜's station, 湛河区): one in hand, one handed back to the station, one the resident asked to be redone.
    await submit('建设路社区门口的路灯坏了，晚上很黑', 'c010101')
    const handedBack = await submit('小区楼道里堆满杂物，担心着火', 'c010101', 'DP0001')
    const redo = await submit('建设路社区垃圾桶满了没人清运', 'c010101', 'DP0001')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${handedBack}/transfer`, { reason: '请站里另找熟悉消防的代表' })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${redo}/reply`, { text: '已联系环卫所，垃圾桶今天上午清空了，以后每天早晚各清一次。' })).status).to.equal(
      200,
    )
    expect((await resident.post(`/api/mp/cases/${redo}/rate`, { rating: 1 })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${redo}/reopen`, { reason: '第二天又满了' })).body.status).to.equal('reopened')
    // 马庄街道 (same district, 周杰's station): answered and rated low.
    const mazhuang = await submit('马庄社区菜市场门口垃圾堆放没人清运', 'c010201', 'DP0004')
    expect(
      (await (await asDeputy(app, 'dp0004')).post(`/api/mp/deputy/cases/${mazhuang}/reply`, { text: '已请街道环卫站把垃圾清走，并在门口加放了两个大桶。' }))
        .status,
    ).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${mazhuang}/rate`, { rating: 2 })).status).to.equal(200)
    // 新华区: its station has no deputy yet, so both wait for 王五; 卫东区 has no station (its office takes it).
    await submit('新华社区停车难，晚上车停不下', 'c020101')
    await submit('新华社区健身器材坏了', 'c020101')
    await submit('东安社区路面塌陷', 'c030101')

    const lina = await login('lina')
    const board = await lina.get('/api/admin/dashboard/cases')
    expect(board.status, JSON.stringify(board.body)).to.equal(200)
    const { today } = board.body
    expect(today.new.count).to.equal(3)
    expect(today.open.count).to.equal(3)
    expect(today.unplaced).to.deep.equal({ count: 1, filters: { status: 'submitted', order: 'due' } })
    expect(today.reopened).to.deep.equal({ count: 1, filters: { status: 'reopened' } })
    const rated = (b: { body: { satisfaction: Array<{ rating: number; count: number }> } }) =>
      Object.fromEntries(b.body.satisfaction.filter((s) => s.count).map((s) => [s.rating, s.count]))
    // Her one low rating is being handled again (counted there); 马庄's 2 is not hers.
    expect(rated(board)).to.deep.equal({})
    expect(board.body.responsiveness.station.map((b: { name: string }) => b.name)).to.deep.equal(['轻工街道代表联络站'])
    expect(board.body.responsiveness.district.map((b: { key: string }) => b.key)).to.deep.equal(['d01'])
    // Who receives residents next at 轻工: 李强's Tuesday is at 马庄, 王芳's February too far ahead.
    expect(board.body.duty).to.deep.equal([
      { date: '2026-12-07', label: '今天', stationName: '轻工街道代表联络站', deputies: ['张伟'] },
      { date: '2026-12-09', label: '12月9日（星期三）', stationName: '轻工街道代表联络站', deputies: ['张伟', '李强'] },
    ])
    // A click on a figure lists exactly the messages it counts.
    const listed = async (client: Client, filters: Record<string, string>) =>
      (await client.get(`/api/admin/cases?${new URLSearchParams(filters)}`)).body.items.map((c: { id: string }) => c.id)
    expect(await listed(lina, today.unplaced.filters)).to.deep.equal([handedBack])
    expect(await listed(lina, today.reopened.filters)).to.deep.equal([redo])
    expect(await listed(lina, today.new.filters)).to.have.length(3)

    // 周杰 at 马庄 (same district) sees his one message and 李强's Tuesday; 王五 in 新华区 his two waiting.
    const zhoujie = await (await login('zhoujie')).get('/api/admin/dashboard/cases')
    expect(zhoujie.body.today.new.count).to.equal(1)
    expect(zhoujie.body.today.unplaced.count).to.equal(0)
    expect(zhoujie.body.today.reopened.count).to.equal(0)
    expect(rated(zhoujie)).to.deep.equal({ 2: 1 })
    expect(zhoujie.body.duty).to.deep.equal([{ date: '2026-12-08', label: '明天', stationName: '马庄街道代表联络站', deputies: ['李强'] }])
    const wangwu = await login('wangwu')
    const theirs = (await wangwu.get('/api/admin/dashboard/cases')).body
    expect(theirs.today.new.count).to.equal(2)
    expect(theirs.today.unplaced.count).to.equal(2)
    expect(theirs.responsiveness.district.map((b: { key: string }) => b.key)).to.deep.equal(['d02'])
    expect(theirs.duty, 'nobody on duty: an empty list, not a made-up day').to.deep.equal([])
    expect(await listed(wangwu, theirs.today.unplaced.filters)).to.have.length(2)

    // The office sees the whole city and no clerk's duty list; a handling unit's staff have no dashboard.
    const office = (await (await asAdmin(app)).get('/api/admin/dashboard/cases')).body
    expect(office.today.new.count).to.equal(7)
    expect(office.today.unplaced.count, "王五's two, 卫东区 office's one, 李娜's one").to.equal(4)
    expect(office).not.to.have.property('duty')
    expect((await login('chengang').then((c) => c.get('/api/admin/dashboard/cases'))).status).to.equal(403)
  })
})
