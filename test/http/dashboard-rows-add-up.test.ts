import { expect } from 'chai'
import { asDeputy, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildResident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** Monday 7 December 2026, 10:00 in Shanghai: residents of 湛河区 write. */
const MONDAY = new Date('2026-12-07T02:00:00Z')
const DAY = 86_400_000

interface Bar {
  key: string
  name: string
  total: number
  open: number
  overdue: number
  repliedInTimeShare: number | null
  filters: Record<string, string>
  kind?: string
}
interface Rest {
  total: number
  open: number
  overdueOpen: number
}

/**
 * 孙丽 directs 湛河区's office. A message 轻工街道's clerk hands up (上报) is her office's to place now: her first screen
 * says so in a figure that lists exactly it, and the rows of her breakdowns (by station, by deputy) add up to the
 * figures above them, with a row for her office and one for the messages no deputy holds. 按时答复 counts a message
 * past its reply deadline nobody answered as not answered in time; one only late in being acknowledged is 按时受理's.
 */
describe('工作概览 and 统计分析: a handed-up message is the office’s to place, and the rows add up', () => {
  let app: TestApp
  const login = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  const ids: Record<string, string> = {}

  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(MONDAY)
    const write = async (key: string, text: string, regionId: string, deputyCode: string) => {
      const resident = await buildResident(app)
      const sent = await resident.post('/api/mp/cases', { text, regionId, deputyCode })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      ids[key] = sent.body.id
    }
    await write('answered', '建设路社区门口的路灯坏了，晚上很黑', 'c010101', 'DP0001')
    await write('waiting', '建设路社区楼道里堆满杂物，担心着火', 'c010101', 'DP0001')
    await write('handedUp', '建设路社区的医保报销政策看不懂，想请人解释', 'c010101', 'DP0001')
    await write('queued', '建设路社区垃圾桶满了没人清运', 'c010101', 'DP0001')
    await write('mazhuang', '马庄社区菜市场门口占道经营', 'c010201', 'DP0004')

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${ids.answered}/reply`, { text: '已请街道今天把路灯修好了。' })).status).to.equal(200)
    for (const id of [ids.handedUp, ids.queued])
      expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '不是我熟悉的事，请站里另找代表' })).status).to.equal(200)
    expect((await (await asDeputy(app, 'dp0004')).post(`/api/mp/deputy/cases/${ids.mazhuang}/acknowledge`, {})).status).to.equal(200)
    const lina = await login('lina')
    const up = await lina.post(`/api/admin/cases/${ids.handedUp}/hand-up`, { reason: '涉及全区医保政策，本站无法答复' })
    expect(up.status, JSON.stringify(up.body)).to.equal(200)
    // Thursday: nobody acknowledged the waiting one, placed the queued one or the handed-up one.
    app.clock.set(new Date(MONDAY.getTime() + 3 * DAY))
  })
  after(() => app.close())

  const listed = async (client: Client, filters: Record<string, string>) =>
    ((await client.get(`/api/admin/cases?${new URLSearchParams(filters)}`)).body.items as Array<{ id: string }>).map((c) => c.id)
  const sum = (bars: Bar[], pick: (b: Bar) => number) => bars.reduce((n, b) => n + pick(b), 0)
  /** A month on, every reply deadline has passed: what waits is 超期. Back to Thursday after. */
  const aMonthOn = async (look: () => Promise<void>) => {
    app.clock.set(new Date(MONDAY.getTime() + 30 * DAY))
    try {
      await look()
    } finally {
      app.clock.set(new Date(MONDAY.getTime() + 3 * DAY))
    }
  }

  it("gives the district's office a figure for what waits for it to place, listing exactly that message", async () => {
    const sunli = await login('sunli')
    const { today } = (await sunli.get('/api/admin/dashboard/cases')).body
    expect(today.atOffice.count).to.equal(1)
    expect(await listed(sunli, today.atOffice.filters)).to.deep.equal([ids.handedUp])
    // The station clerk's queue is hers, not the office's: she has no such figure.
    const lina = (await (await login('lina')).get('/api/admin/dashboard/cases')).body
    expect(lina.today).not.to.have.property('atOffice')
    expect(await listed(await login('lina'), { atOffice: 'true' }), 'a clerk asking for the office’s messages gets none').to.deep.equal([])
  })

  it('adds the office’s row to the stations’ and the unassigned row to the deputies’, so both add up to the figures above', async () => {
    // Thursday: three were not acknowledged in time, none is past its reply deadline: 未按时受理 3, 已经超期 0.
    const thursday = (await (await login('sunli')).get('/api/admin/dashboard/cases')).body
    expect([thursday.today.overdue.count, thursday.today.ackLate.count]).to.deep.equal([0, 3])
    await aMonthOn(() => rowsAddUp())
  })

  async function rowsAddUp() {
    const sunli = await login('sunli')
    const board = (await sunli.get('/api/admin/dashboard/cases')).body
    const stations: Bar[] = board.responsiveness.station
    const deputies: Bar[] = board.responsiveness.deputy
    expect(stations.map((b) => [b.name, b.total, b.open, b.overdue])).to.deep.equal([
      ['轻工街道代表联络站', 3, 3, 2],
      ['马庄街道代表联络站', 1, 1, 1],
      ['湛河区人大常委会办公室', 1, 1, 1],
    ])
    expect(await listed(sunli, stations[2].filters), 'the office’s row lists its message').to.deep.equal([ids.handedUp])
    expect(deputies.map((b) => [b.name, b.total, b.open, b.overdue])).to.deep.equal([
      ['张伟', 2, 2, 1],
      ['赵敏', 1, 1, 1],
      ['还没交给代表', 2, 2, 2],
    ])
    expect((await listed(sunli, deputies[2].filters)).sort(), '未分派 lists the two no deputy holds').to.deep.equal([ids.handedUp, ids.queued].sort())
    for (const rows of [stations, deputies]) {
      expect(
        sum(rows, (b) => b.open),
        '在办 adds up to 正在办理',
      ).to.equal(board.today.open.count)
      expect(
        sum(rows, (b) => b.overdue),
        '超期 adds up to 已经超期',
      ).to.equal(board.today.overdue.count)
      expect(sum(rows, (b) => b.total)).to.equal(5)
    }

    // The clerk's deputies and her own queue: 未分派 is the one still with her.
    const lina = await login('lina')
    const hers: Bar[] = (await lina.get('/api/admin/dashboard/cases')).body.responsiveness.deputy
    expect(hers.map((b) => [b.name, b.total, b.overdue])).to.deep.equal([
      ['张伟', 2, 1],
      ['还没交给代表', 1, 1],
    ])
    expect(await listed(lina, hers[1].filters)).to.deep.equal([ids.queued])
  }

  it('counts a message past its reply deadline nobody answered as not answered in time, on the dashboard and in the statistics', async () => {
    const figures = async () => {
      const sunli = await login('sunli')
      const board = (await sunli.get('/api/admin/dashboard/cases')).body
      const stats = (await sunli.get('/api/admin/cases/stats?groupBy=station')).body
      return {
        district: board.responsiveness.district.map((b: Bar) => [b.name, b.repliedInTimeShare]),
        轻工: board.responsiveness.station[0].repliedInTimeShare,
        stats: stats.overall,
      }
    }
    // Thursday: one answered in time; three waiting past the day they had to be acknowledged (按时受理's), none past its
    // reply deadline yet: 按时答复 is one of one.
    const thursday = await figures()
    expect(thursday.district).to.deep.equal([['湛河区', 1]])
    expect(thursday.stats).to.include({ repliedInTimeShare: 1, acknowledgedInTimeShare: 0.4, overdueOpen: 0 })
    // A month on, every reply deadline has passed: the four unanswered count as not answered in time. One in five.
    app.clock.set(new Date(MONDAY.getTime() + 30 * DAY))
    try {
      const later = await figures()
      expect(later.district).to.deep.equal([['湛河区', 0.2]])
      expect(later.轻工, '轻工: one in time, two past their reply deadline').to.equal(0.333)
      expect(later.stats).to.include({ repliedInTimeShare: 0.2, overdueOpen: 4 })
    } finally {
      app.clock.set(new Date(MONDAY.getTime() + 3 * DAY))
    }
  })

  it('says in the statistics how many messages no station or deputy row holds', () => aMonthOn(restSaid))

  async function restSaid() {
    const sunli = await login('sunli')
    const byStation = (await sunli.get('/api/admin/cases/stats?groupBy=station')).body
    expect(byStation.groups.map((g: { name: string; stats: { total: number } }) => [g.name, g.stats.total])).to.deep.equal([
      ['轻工街道代表联络站', 3],
      ['马庄街道代表联络站', 1],
    ])
    expect(byStation.rest as Rest).to.deep.equal({ total: 1, open: 1, overdueOpen: 1 })
    const byDeputy = (await sunli.get('/api/admin/cases/stats?groupBy=deputy')).body
    expect(byDeputy.groups.map((g: { name: string; stats: { total: number } }) => [g.name, g.stats.total])).to.deep.equal([
      ['张伟', 2],
      ['赵敏', 1],
    ])
    expect(byDeputy.rest as Rest).to.deep.equal({ total: 2, open: 2, overdueOpen: 2 })
    for (const answer of [byStation, byDeputy])
      expect(answer.groups.reduce((n: number, g: { stats: { total: number } }) => n + g.stats.total, 0) + answer.rest.total).to.equal(answer.overall.total)
  }
})
