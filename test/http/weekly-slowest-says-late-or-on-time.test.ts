import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** 10:00 in Shanghai on a day of November 2026. */
const nov = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour - 8))

/**
 * 周主任 reads 答复最慢的留言 in 分析周报 for 11月23日至29日 (review 38 § 10): days alone do not tell a late answer from a
 * hard question answered in time (deadlines run in working days). Each answer says 按时 or how far past its 答复期限.
 */
describe('分析周报 答复最慢的留言: each answer says whether it was in time', () => {
  let app: TestApp
  before(async () => {
    app = await startApp({ directory: caseCity() })
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (at: Date, text: string) => {
      app.clock.set(at)
      const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body.id as string
    }
    const reply = async (at: Date, id: string) => {
      app.clock.set(at)
      expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系有关部门处理。' })).status).to.equal(200)
    }
    const old = await write(nov(2), '建设路社区健身器材坏了好久')
    const hard = await write(nov(16), '建设路社区老楼想加装电梯，邻居意见不一')
    await reply(nov(26), old) // its 答复期限 (15 working days) was 11月23日
    await reply(nov(27), hard) // 11 days, well within its deadline
    const quick = await write(nov(25), '建设路社区路灯不亮了')
    await reply(new Date(nov(25).getTime() + 30 * 60_000), quick) // half an hour: 0 days, said 当天
    app.clock.set(nov(30, 9))
  })
  after(() => app.close())

  it('says 超过答复期限 of the late answer and 按时 of the long one in time, on the page and in the download, days in words', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const report = (await sunli.get('/api/admin/analysis/weekly-report?week=2026-11-23')).body
    const said = report.slowest.map((s: { daysToReply: number; timelinessText: string }) => [s.daysToReply, s.timelinessText])
    expect(said).to.deep.equal([
      [24, '超过答复期限 3 天'],
      [11, '按时'],
      [0, '按时'],
    ])
    const csv = ((await sunli.get('/api/admin/analysis/weekly-report.csv?week=2026-11-23')).body as Buffer).toString('utf8').split('\r\n')
    // Days in words, as 一般几天答复 says them: a bare 0 beside 当天 read as two answers (review 44).
    const head = csv.indexOf('编号,主题,办理单位,代表,答复用了几天,是否按时')
    expect(head, csv.join('\n')).to.be.greaterThan(-1)
    expect(csv[head + 1]).to.match(/,24 天,超过答复期限 3 天$/)
    expect(csv[head + 2]).to.match(/,11 天,按时$/)
    expect(csv[head + 3]).to.match(/,当天,按时$/)
  })
})
