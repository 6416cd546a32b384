import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const DAY = 24 * 3_600_000
/** 10:00 in Shanghai on a day of 2026 (month 1–12). */
const at = (month: number, day: number, hour = 10) => new Date(Date.UTC(2026, month - 1, day, hour - 8))

/**
 * 周主任 reads 张伟's 履职档案 and the 述职报告 read out at his 述职评议. Of his five messages of the year, two were answered on
 * time, one was answered on time and then sent back by the resident (rated 1, 重新办理) and is late again in its new
 * round, one has waited since October past its reply deadline and one came in this week. Every figure must add up to 共, and the answer sent back
 * be said as such, once (review 38 § 3: "共 24 件，已答复 19 件（按时 18 件），办理中 6 件").
 */
describe('履职档案 and 述职报告 say an answer sent back for 重新办理 once, and their figures add up', () => {
  let app: TestApp
  let surveyId = ''
  before(async () => {
    const city = caseCity()
    // 张伟 also sits at 新华区's station: one of his messages is 新华区's (review 38 § 13).
    city.deputies[0]!.stationIds = ['st001', 'st004']
    app = await startApp({ directory: city })
    const zhang = await asDeputy(app, 'dp0001')
    const write = async (text: string, regionId = 'c010101') => {
      const resident = await asResident(app)
      const sent = await resident.post('/api/mp/cases', { text, regionId, deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return { id: sent.body.id as string, resident }
    }
    const reply = async (id: string) =>
      expect((await zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已联系有关部门，本周内处理。' })).status).to.equal(200)

    app.clock.set(at(10, 12))
    await write('建设路社区门口的下水道堵了，一下雨就积水')
    app.clock.set(at(11, 2))
    const lamp = await write('建设路社区路灯坏了，晚上看不清路')
    await reply(lamp.id)
    const bench = await write('新华社区公园的长椅坏了', 'c020101')
    await reply(bench.id)
    const crossing = await write('学校门口没有斑马线，孩子过马路危险')
    await reply(crossing.id)
    app.clock.set(new Date(at(11, 2).getTime() + DAY))
    expect((await crossing.resident.post(`/api/mp/cases/${crossing.id}/rate`, { rating: 1 })).status).to.equal(200)
    expect((await crossing.resident.post(`/api/mp/cases/${crossing.id}/reopen`, { reason: '还没有画斑马线' })).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${crossing.id}/acknowledge`, {})).status).to.equal(200)
    app.clock.set(at(12, 7, 9))
    await write('建设路社区菜市场门口乱停车')

    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const opened = await sunli.post('/api/admin/records/dp0001/appraisals', {
      year: 2026,
      opensAt: '2026-12-07T09:00:00+08:00',
      closesAt: '2026-12-20T18:00:00+08:00',
    })
    expect(opened.status, JSON.stringify(opened.body)).to.equal(201)
    surveyId = opened.body.surveyId
    app.clock.set(at(12, 8))
  })
  after(() => app.close())

  it('says to the office: 已答复 3 (2 on time, 1 sent back, handled again and late) and 还没答复 2 (1 overdue), 5 in all, 1 of them 新华区’s', async () => {
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const record = (await sunli.get('/api/admin/records/dp0001?year=2026')).body
    expect(record.cases).to.include({ handled: 5, answered: 3, answeredOnTime: 2, answeredLate: 0, sentBack: 1, open: 3, overdueOpen: 2 })
    expect(record.casesText).to.equal(
      '共 5 条（其中新华区 1 条）：已答复 3 条（按时 2 条，另 1 条群众要求重新办理、正在重办，已超期）；还没答复 2 条（其中超期 1 条）；群众满意度 1 分',
    )
    // The record names its districts in words only: no region ids leave with the figures.
    expect(record.cases).not.to.have.property('byDistrict')
  })

  it('says the same figures to 张伟 in the mini-program', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get('/api/mp/records/me?year=2026')).body.casesText).to.equal(
      '共 5 条（其中新华区 1 条）：已答复 3 条（按时 2 条，另 1 条群众要求重新办理、正在重办，已超期）；还没答复 2 条（其中超期 1 条）；群众满意度 1 分',
    )
  })

  it('says them to residents reading his 述职报告 before they rate him, in their words', async () => {
    const report = await (await asResident(app)).get(`/api/mp/appraisals/${surveyId}/report`)
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body.casesText).to.equal('共 5 条，已答复 3 条（其中 1 条群众要求重新办理，正在重办），还没答复 2 条，群众满意度 1 分（满分 5 分）')
  })
})
