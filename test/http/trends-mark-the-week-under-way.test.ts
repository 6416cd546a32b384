import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** A local time in Shanghai on a day of 2026 (month 1–12). */
const at = (month: number, day: number, hour = 10) => new Date(Date.UTC(2026, month - 1, day, hour - 8))

/**
 * 周主任 opens 趋势 on Monday 12月7日 at 09:00 (review 38 §§ 8, 9): the week that began nine hours ago was drawn as a week
 * of almost nothing, and the totals left out the messages merged into another, which 工作概览 counts.
 */
describe('趋势: the week under way is marked, and every message received is counted', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    const write = async (when: Date, text: string) => {
      app.clock.set(when)
      const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body.id as string
    }
    // Monday 9月14日 at 07:00, the first morning of the twelve weeks back: it counts in that week, which starts whole.
    await write(at(9, 14, 7), '建设路社区菜市场门口乱停车')
    const lamp = await write(at(11, 30), '建设路社区路灯坏了，晚上看不清路')
    const again = await write(at(11, 30, 11), '建设路社区的路灯又坏了，晚上走路看不见')
    await write(at(12, 7, 8), '建设路社区门口的下水道堵了')
    app.clock.set(at(12, 7, 8.5))
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${again}/merge`, { intoCaseId: lamp })).status).to.equal(200)
    app.clock.set(at(12, 7, 9))
  })
  after(() => app.close())

  it('says the last week is under way, up to when, and counts the merged message in its week', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const series = (await sunli.get('/api/admin/analysis/series?interval=week&groupBy=all')).body
    expect(series.periods[0]).to.equal('2026-09-14')
    expect(series.periods.at(-1)).to.equal('2026-12-07')
    expect(series.open).to.equal('2026-12-07')
    expect(series.openText).to.equal('本周还没过完，只算到12月7日 9:00，数字还会增加。')
    const [all] = series.lines
    expect(all.counts[0], 'the first week whole: Monday 07:00 counted').to.equal(1)
    expect(all.counts.at(-2), 'the week of 11月30日, the merged message too').to.equal(2)
    expect(all.total).to.equal(4)
    // 工作概览 counts the same messages received.
    const board = (await sunli.get('/api/admin/dashboard/cases')).body
    expect(board.weeks.at(-2).count).to.equal(2)
  })

  it('says nothing is under way for a range that ended', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const series = (
      await sunli.get(
        `/api/admin/analysis/series?interval=week&from=${encodeURIComponent('2026-11-30T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-07T00:00:00+08:00')}`,
      )
    ).body
    expect(series.periods).to.deep.equal(['2026-11-30'])
    expect(series).to.include({ open: null, openText: null })
    expect(series.lines[0].counts).to.deep.equal([2])
  })
})
