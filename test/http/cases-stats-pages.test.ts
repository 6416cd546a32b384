import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { statsFromCounts } from '../../src/domain/case-stats.js'
import { rankGroups } from '../../src/domain/stats-ranking.js'

const DAY = 86_400_000

interface Group {
  key: string
  name: string
  stats: { total: number; overdueOpen: number; repliedInTimeShare: number | null }
}
interface Answer {
  overall: { total: number }
  sort: string
  groupCount: number
  groups: Group[]
  nextOffset: number | null
}

/**
 * A province has thousands of stations and a hundred thousand deputies: the statistics come a page at a time,
 * worst or biggest first as the person chose, with how many there are in all.
 */
describe('statistics a page at a time, worst first', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-10-05T02:00:00Z')) // a Monday, 10:00 in Shanghai
    const write = async (openid: string, texts: string[], deputyCode: string | null, regionId: string) => {
      const resident = await asResident(app, openid)
      const ids: string[] = []
      for (const text of texts) ids.push((await resident.post('/api/mp/cases', { text, deputyCode, regionId })).body.id)
      return { resident, ids }
    }
    // 轻工 (st001): three messages, one answered at once; 光明 (st003): two, never answered; 马庄 (st002): one, answered at once.
    const qinggong = await write('o-qinggong', ['垃圾清运不及时', '噪音扰民', '油烟扰民'], 'DP0001', 'c010101')
    await write('o-guangming', ['路灯坏了', '井盖松动'], 'DP0005', 'c010102')
    const mazhuang = await write('o-mazhuang', ['学校门口拥堵'], 'DP0003', 'c010201')
    // 新华 (st004, another district): the busiest and most overdue of all, which 孙丽 of 湛河区 must never see.
    await write('o-xinhua', ['公交站台太窄', '公园没有厕所', '菜市场太脏', '小区停车难'], null, 'c020101')
    const zhang = await asDeputy(app, 'dp0001')
    await zhang.post(`/api/mp/deputy/cases/${qinggong.ids[0]}/acknowledge`, {})
    await zhang.post(`/api/mp/deputy/cases/${qinggong.ids[0]}/reply`, { text: '已清运' })
    const li = await asDeputy(app, 'dp0003')
    await li.post(`/api/mp/deputy/cases/${mazhuang.ids[0]}/acknowledge`, {})
    await li.post(`/api/mp/deputy/cases/${mazhuang.ids[0]}/reply`, { text: '已增派交警' })
    // A month on: every reply is due, the unanswered ones late.
    app.clock.advance(30 * DAY)
  })
  after(() => app.close())

  const organizer = () => new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // 孙丽, organizer of 湛河区
  const rows = (answer: Answer) => answer.groups.map((g) => [g.name, g.stats.total, g.stats.overdueOpen, g.stats.repliedInTimeShare])

  it("shows an organizer their district's stations most overdue first, page two going on where page one ended", async () => {
    const sunli = await organizer()
    const first = await sunli.get('/api/admin/cases/stats?groupBy=station&sort=overdue&limit=2')
    expect(first.status).to.equal(200)
    // Two stations with two late messages each: by name (光 before 轻), so the order never changes between pages.
    expect(rows(first.body)).to.deep.equal([
      ['光明社区代表联络点', 2, 2, 0],
      ['轻工街道代表联络站', 3, 2, 0.333],
    ])
    expect(first.body).to.include({ sort: 'overdue', groupCount: 3, nextOffset: 2 })
    expect(first.body.overall.total, 'the whole district, whatever the page').to.equal(6)

    const second = await sunli.get(`/api/admin/cases/stats?groupBy=station&sort=overdue&limit=2&offset=${first.body.nextOffset}`)
    expect(rows(second.body)).to.deep.equal([['马庄街道代表联络站', 1, 0, 1]])
    expect(second.body).to.include({ groupCount: 3, nextOffset: null })
    expect(second.body.overall).to.deep.equal(first.body.overall)
  })

  it('ranks by messages received by default, and by the on-time reply share lowest first', async () => {
    const sunli = await organizer()
    const byTotal = (await sunli.get('/api/admin/cases/stats?groupBy=station')).body as Answer
    expect(byTotal.sort).to.equal('total')
    expect(byTotal.groups.map((g) => g.name)).to.deep.equal(['轻工街道代表联络站', '光明社区代表联络点', '马庄街道代表联络站'])
    const byReplied = (await sunli.get('/api/admin/cases/stats?groupBy=station&sort=replied')).body as Answer
    expect(rows(byReplied)).to.deep.equal([
      ['光明社区代表联络点', 2, 2, 0],
      ['轻工街道代表联络站', 3, 2, 0.333],
      ['马庄街道代表联络站', 1, 0, 1],
    ])
    // The admin sees the other district's station too, first by every measure but the share (none of its replies was in time either).
    const admin = await asAdmin(app)
    const all = (await admin.get('/api/admin/cases/stats?groupBy=station&sort=overdue&limit=1')).body as Answer
    expect(rows(all)).to.deep.equal([['新华街道代表联络站', 4, 4, 0]])
    expect(all).to.include({ groupCount: 4, nextOffset: 1 })
  })

  it('pages deputies with the same figures and order as when every deputy was worked out', async () => {
    const admin = await asAdmin(app)
    // What the statistics answered before they were paged: every deputy's whole figures, from the store's counts.
    const now = app.clock.now()
    const [tallies, middles] = await Promise.all([
      app.liaison.store.cases.tally({}, { now, groupBy: 'deputy', topics: true }),
      app.liaison.store.cases.middleTimes({}, 'deputy'),
    ])
    const names = Object.fromEntries(caseCity().deputies.map((d) => [d.id, d.name]))
    const whole = tallies.map((t) => {
      const stats = statsFromCounts(t, middles.find((m) => m.key === t.key) ?? { ack: null, reply: null })
      return { key: t.key!, name: names[t.key!], ...stats, stats }
    })
    expect(whole).to.have.length(3)
    for (const sort of ['total', 'overdue', 'replied'] as const) {
      const seen: Array<{ key: string; name: string; stats: unknown }> = []
      let offset: number | null = 0
      while (offset !== null) {
        const page: { status: number; body: Answer } = await admin.get(`/api/admin/cases/stats?groupBy=deputy&sort=${sort}&limit=1&offset=${offset}`)
        expect(page.status).to.equal(200)
        expect(page.body.groupCount).to.equal(3)
        seen.push(...page.body.groups)
        offset = page.body.nextOffset
      }
      expect(seen, sort).to.deep.equal(rankGroups(whole, sort).map((g) => ({ key: g.key, name: g.name, stats: g.stats })))
    }
  })

  it('refuses an unknown order, a page size out of bounds or a negative start with 400 in the one error format', async () => {
    const sunli = await organizer()
    for (const query of ['sort=weather', 'limit=0', 'limit=101', 'limit=ten', 'offset=-1']) {
      const answer = await sunli.get(`/api/admin/cases/stats?groupBy=station&${query}`)
      expect(answer.status, query).to.equal(400)
      expect(answer.body.error, query).to.include({ code: 'validation_failed' })
      expect(answer.body.error.message, query).to.be.a('string').and.not.empty
      expect(answer.body.error.details, query).to.be.an('array').and.not.empty
    }
    const wrongSort = await sunli.get('/api/admin/cases/stats?sort=weather')
    expect(JSON.stringify(wrongSort.body.error.details)).to.include('排序方式无效')
  })
})
