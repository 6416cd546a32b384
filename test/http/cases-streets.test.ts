import { expect } from 'chai'
import { asResident, startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { streetCity, streetCityForEachTest } from '../helpers/street-organizers.js'
import { LIFT_MESSAGES as lift, STAFF_PASSWORD } from '../fixtures.js'

type Listed = { body: { items: Array<{ id: string }> } }
const ids = (answer: Listed) => answer.body.items.map((c) => c.id).sort()

/**
 * A 街道人大工委 sees the messages of the liaison stations in its street: 吴敏 of 轻工街道
 * (stations st001, st003) and 郑华 of 马庄街道 (st002), both in 湛河区, whose organizer 孙丽
 * sees both streets' as before; 钱七 of 新华区 neither.
 */
describe('street organizers and the messages of their stations', () => {
  const streets = streetCityForEachTest()

  /** Three families of 建设路社区 (轻工街道) and two of 马庄社区 (马庄街道) write about their lifts; one of 新华区 about parking. */
  async function residentsWrite() {
    const { app } = streets
    const written = { qinggong: [] as string[], mazhuang: [] as string[], xinhua: [] as string[] }
    const write = async (text: string, regionId: string) => {
      const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      app.clock.advance(5 * 60_000)
      return answer.body.id as string
    }
    for (const text of lift.slice(0, 3)) written.qinggong.push(await write(text, 'c010101'))
    for (const text of lift.slice(0, 2)) written.mazhuang.push(await write(text, 'c010201'))
    written.xinhua.push(await write('新华社区停车难，晚上车没地方停', 'c020101'))
    return written
  }

  it("lists a street's stations' messages to its organizer, not another street's of the same district; the district organizer sees both", async () => {
    const { app, wumin, zhenghua } = streets
    const { qinggong, mazhuang, xinhua } = await residentsWrite()
    expect(ids(await wumin.get('/api/admin/cases'))).to.deep.equal([...qinggong].sort())
    expect(ids(await zhenghua.get('/api/admin/cases'))).to.deep.equal([...mazhuang].sort())
    expect(ids(await wumin.get('/api/admin/cases?stationId=st002')), 'a filter narrows the scope, never widens it').to.deep.equal([])
    expect(ids(await wumin.get(`/api/admin/cases?q=${encodeURIComponent('电梯')}`))).to.deep.equal([...qinggong].sort())
    const sunli = await asStaff(app, 'sunli')
    expect(ids(await sunli.get('/api/admin/cases'))).to.deep.equal([...qinggong, ...mazhuang].sort())
    expect(ids(await (await asStaff(app, 'qianqi')).get('/api/admin/cases'))).to.deep.equal(xinhua)
    const opened = await wumin.get(`/api/admin/cases/${qinggong[0]}`)
    expect(opened.status).to.equal(200)
    expect(opened.body.handledBy.station).to.equal('轻工街道代表联络站')
  })

  it("cannot open or act on another street's message (404 as elsewhere), and acts on their own as a district organizer may", async () => {
    const { wumin } = streets
    const { qinggong, mazhuang } = await residentsWrite()
    const other = mazhuang[0]
    for (const answer of [
      await wumin.get(`/api/admin/cases/${other}`),
      await wumin.get(`/api/admin/cases/${other}/deputy-choices`),
      await wumin.post(`/api/admin/cases/${other}/assign`, { deputyId: 'dp0004' }),
      await wumin.post(`/api/admin/cases/${other}/reject`, { reason: '不属于受理范围' }),
      await wumin.post(`/api/admin/cases/${other}/merge`, { intoCaseId: mazhuang[1] }),
      await wumin.put(`/api/admin/cases/${other}/topic`, { topic: '社区治理' }),
    ]) {
      expect(answer.status, JSON.stringify(answer.body)).to.equal(404)
      expect(answer.body.error.message).to.equal('留言不存在')
    }
    expect((await streets.zhenghua.get(`/api/admin/cases/${other}`)).body.status, 'nothing happened to it').to.equal('assigned')

    const mine = (await wumin.get(`/api/admin/cases/${qinggong[0]}`)).body
    const choices = (await wumin.get(`/api/admin/cases/${mine.id}/deputy-choices`)).body.items.map((d: { id: string }) => d.id)
    expect(choices).to.include('dp0002').and.not.include('dp0004')
    const to = mine.deputyId === 'dp0002' ? 'dp0001' : 'dp0002'
    const assigned = await wumin.post(`/api/admin/cases/${mine.id}/assign`, { deputyId: to })
    expect(assigned.status, JSON.stringify(assigned.body)).to.equal(200)
    expect(assigned.body.deputyId).to.equal(to)
    const outside = await wumin.post(`/api/admin/cases/${mine.id}/assign`, { deputyId: 'dp0004' })
    expect(outside.status, '马庄街道 deputy').to.equal(403)
    expect(outside.body.error.code).to.equal('outside_scope')
    const merged = await wumin.post(`/api/admin/cases/${qinggong[1]}/merge`, { intoCaseId: qinggong[2] })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect(merged.body.status).to.equal('closed')
  })

  it('counts only their own messages in the figures, the dashboard, hot issues, the export and the weekly report', async () => {
    const { app, wumin, zhenghua } = streets
    await residentsWrite()
    const total = async (who: Client) => (await who.get('/api/admin/cases/stats?groupBy=station')).body
    const wuminStats = await total(wumin)
    expect(wuminStats.overall.total).to.equal(3)
    expect(wuminStats.groups.map((g: { key: string }) => g.key)).to.deep.equal(['st001'])
    expect((await total(zhenghua)).overall.total).to.equal(2)
    expect((await total(await asStaff(app, 'sunli'))).overall.total, 'the district organizer, as before').to.equal(5)
    expect((await wumin.get('/api/admin/cases/stats?groupBy=deputy')).body.overall.total).to.equal(3)

    const board = (await wumin.get('/api/admin/dashboard/cases')).body
    expect(board.today.new.count).to.equal(3)
    expect(board.responsiveness.station.map((b: { name: string }) => b.name)).to.deep.equal(['轻工街道代表联络站'])

    const hot = (await wumin.get('/api/admin/analysis/hot-issues')).body.issues
    expect(hot.map((i: { placeName: string; messages: number }) => [i.placeName, i.messages])).to.deep.equal([['建设路社区', 3]])
    const theirs = (await zhenghua.get('/api/admin/analysis/hot-issues')).body.issues
    expect(theirs.map((i: { placeName: string; messages: number }) => [i.placeName, i.messages])).to.deep.equal([['马庄社区', 2]])

    const sheet = (await wumin.get('/api/admin/cases.csv')).body.toString('utf8').trim().split('\r\n')
    expect(sheet, 'the header and their three messages').to.have.length(4)
    expect(sheet.slice(1).every((line: string) => line.includes('轻工街道代表联络站'))).to.equal(true)

    const report = await wumin.get('/api/admin/analysis/weekly-report?week=2026-11-23')
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body.scope).to.equal('s0101')
    expect(report.body.totals).to.include({ messages: 3, residents: 3 })
    expect((await wumin.get('/api/admin/analysis/weekly-report?scope=d01')).status, "the district's report holds other streets").to.equal(403)
    expect((await zhenghua.get('/api/admin/analysis/weekly-report?scope=s0101')).status, 'another street').to.equal(403)
  })
})

describe('an organizer of a district and of a street in another district', () => {
  let app: TestApp
  beforeEach(async () => {
    const city = streetCity()
    city.staff.push({ id: 'sf09', name: '冯涛', role: 'organizer', stationIds: [], regionIds: ['d02', 's0102'], username: 'fengtao', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it("sees both: the district's messages and the street's stations', and nothing else", async () => {
    const write = async (text: string, regionId: string) => (await (await asResident(app)).post('/api/mp/cases', { text, regionId })).body.id as string
    const qinggong = await write('建设路路灯坏了', 'c010101')
    const mazhuang = await write('马庄路口积水', 'c010201')
    const xinhua = await write('新华社区停车难', 'c020101')
    const fengtao = await asStaff(app, 'fengtao')
    expect(ids(await fengtao.get('/api/admin/cases'))).to.deep.equal([mazhuang, xinhua].sort())
    expect(ids(await fengtao.get('/api/admin/cases?order=due'))).to.deep.equal([mazhuang, xinhua].sort())
    expect((await fengtao.get(`/api/admin/cases/${qinggong}`)).status).to.equal(404)
    expect((await fengtao.get(`/api/admin/cases/${mazhuang}`)).status).to.equal(200)
    expect((await fengtao.get('/api/admin/cases/stats?groupBy=station')).body.overall.total).to.equal(2)
    expect((await fengtao.get('/api/admin/dashboard/cases')).body.today.new.count).to.equal(2)
    expect((await fengtao.get('/api/admin/cases.csv')).body.toString('utf8').trim().split('\r\n')).to.have.length(3)
  })
})
