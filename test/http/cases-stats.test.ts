import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

describe('statistics and responsiveness (述职评议)', () => {
  let app: TestApp
  let ids: Record<string, string>
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const li = await asDeputy(app, 'dp0003')
    const write = async (text: string, deputyCode: string, regionId: string) =>
      (await resident.post('/api/mp/cases', { text, deputyCode, regionId })).body.id as string
    ids = {
      quick: await write('垃圾清运不及时', 'DP0001', 'c010101'),
      late: await write('噪音扰民', 'DP0001', 'c010101'),
      open: await write('油烟扰民', 'DP0001', 'c010101'),
      maZhuang: await write('学校门口拥堵', 'DP0003', 'c010201'),
    }
    app.clock.advance(2 * HOUR)
    await zhang.post(`/api/mp/deputy/cases/${ids.quick}/acknowledge`, {})
    await li.post(`/api/mp/deputy/cases/${ids.maZhuang}/acknowledge`, {})
    await li.post(`/api/mp/deputy/cases/${ids.maZhuang}/forward`, { department: '区教育局' })
    app.clock.advance(28 * HOUR) // 30 h after the messages
    await zhang.post(`/api/mp/deputy/cases/${ids.late}/acknowledge`, {})
    app.clock.advance(42 * HOUR) // 3 days after
    await zhang.post(`/api/mp/deputy/cases/${ids.quick}/reply`, { text: '已清运' })
    await li.post(`/api/mp/deputy/cases/${ids.maZhuang}/reply`, { text: '教育局已增派交警' })
    await resident.post(`/api/mp/cases/${ids.quick}/rate`, { rating: 5 })
    await resident.post(`/api/mp/cases/${ids.maZhuang}/rate`, { rating: 2 })
  })
  after(() => app.close())

  it('shows the same story on the dashboard: satisfaction, open and late cases, each station and deputy, the weeks', async () => {
    const { body } = await (await asAdmin(app)).get('/api/admin/dashboard/cases')
    expect(body.today).to.deep.include({ date: '2026-11-26', new: { count: 0, filters: { from: '2026-11-25T16:00:00.000Z', to: '2026-11-26T16:00:00.000Z' } } })
    // 油烟扰民 was never acknowledged (late); 噪音扰民 was, and its reply is not due yet.
    expect(body.today.open.count).to.equal(2)
    // No answer is due yet: none 已经超期. 油烟扰民, never acknowledged, is 未按时受理, a figure of its own; each list
    // opens with the longest overdue on top (最先到期在前).
    expect(body.today.overdue).to.deep.equal({ count: 0, filters: { overdue: 'true', order: 'due' } })
    expect(body.today.ackLate).to.deep.equal({ count: 1, filters: { ackLate: 'true', order: 'due' } })
    expect(body.satisfaction.map((s: { rating: number; count: number }) => [s.rating, s.count])).to.deep.equal([
      [5, 1],
      [4, 0],
      [3, 0],
      [2, 1],
      [1, 0],
    ])
    const bar = (b: { key: string; total: number; open: number; overdue: number; repliedInTimeShare: number | null }) => [
      b.key,
      b.total,
      b.open,
      b.overdue,
      b.repliedInTimeShare,
    ]
    // 超期 and 按时答复 judge the reply's deadline: 油烟扰民, never acknowledged, and 噪音扰民, acknowledged late, have not
    // reached theirs, so neither is 超期 and they count in neither part of 按时答复 yet (按时受理 counts their late
    // acknowledgement).
    expect(body.responsiveness.district.map(bar)).to.deep.equal([['d01', 4, 2, 0, 1]])
    expect(body.responsiveness.station.map(bar)).to.deep.equal([
      ['st001', 3, 2, 0, 1],
      ['st002', 1, 0, 0, 1],
    ])
    expect(body.responsiveness.deputy.map(bar)).to.deep.equal([
      ['dp0001', 3, 2, 0, 1],
      ['dp0003', 1, 0, 0, 1],
    ])
    expect(body.weeks.map((w: { label: string; count: number }) => `${w.label} ${w.count}`)).to.deep.equal([
      '10月5日 0',
      '10月12日 0',
      '10月19日 0',
      '10月26日 0',
      '11月2日 0',
      '11月9日 0',
      '11月16日 0',
      '11月23日 4',
    ])
    expect(body.weeks[7].filters).to.deep.equal({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-29T16:00:00.000Z' })
  })

  it('gives organizers the figures per station', async () => {
    const { body } = await (await asAdmin(app)).get('/api/admin/cases/stats?groupBy=station')
    expect(body.overall).to.deep.include({
      total: 4,
      rated: 2,
      averageSatisfaction: 3.5,
      // No answer is due yet: 油烟扰民's late acknowledgement is 按时受理's, not 超期在办.
      overdueOpen: 0,
      forwarded: 1,
      acknowledgedInTimeShare: 0.5, // quick and 马庄 in 2 h; late at 30 h; open never
      medianDaysToReply: 3,
    })
    expect(body.overall.byStatus).to.include({ closed: 2, acknowledged: 1, assigned: 1 })
    expect(body.overall.byTopic).to.include({ 环境保护: 3 })
    expect(body.overall.medianHoursToAcknowledge).to.equal(2)
    const st001 = body.groups.find((g: { key: string }) => g.key === 'st001')
    expect(st001).to.deep.include({ name: '轻工街道代表联络站' })
    expect(st001.stats).to.include({ total: 3, averageSatisfaction: 5, acknowledgedInTimeShare: 0.333 })
    // The station's row has its own middle times (一般几天答复): acknowledged in 2 h and in 30 h make 16 h.
    expect(st001.stats).to.include({ medianHoursToAcknowledge: 16, medianDaysToReply: 3 })
  })

  it('measures each deputy and each department for review', async () => {
    const admin = await asAdmin(app)
    const byDeputy = (await admin.get('/api/admin/cases/stats?groupBy=deputy')).body.groups
    expect(byDeputy.map((g: { name: string; stats: { total: number } }) => [g.name, g.stats.total])).to.deep.equal([
      ['张伟', 3],
      ['李强', 1],
    ])
    const byDepartment = (await admin.get('/api/admin/cases/stats?groupBy=department')).body.groups
    expect(byDepartment).to.have.length(1)
    expect(byDepartment[0]).to.deep.include({ key: '区教育局' })
    expect(byDepartment[0].stats).to.include({ averageSatisfaction: 2, repliedInTimeShare: 1 })
  })

  it('limits the figures to what the caller may see, and to a period', async () => {
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD) // 马庄 station staff
    expect((await zhoujie.get('/api/admin/cases/stats')).body.overall.total).to.equal(1)
    const admin = await asAdmin(app)
    const empty = await admin.get(`/api/admin/cases/stats?from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}`)
    expect(empty.body.overall).to.include({ total: 0, averageSatisfaction: null, acknowledgedInTimeShare: null })
    expect((await admin.get('/api/admin/cases/stats?groupBy=weather')).status).to.equal(400)
  })
})
