import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, LIFT_MESSAGES as lift, STAFF_PASSWORD } from '../fixtures.js'

interface Overdue {
  ticket: string
  daysOverdue: number
}

/**
 * Which messages a weekly report counts: 孙丽 of 湛河区 reads her district's residents (not
 * another district's whose message a 湛河区 deputy took on), and a past week as it stood when it
 * ended (not today's backlog, written weeks later).
 */
describe("analysis: the weekly report's messages are its district's and its week's", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const sunli = () => new Client(app.baseUrl).login('sunli', STAFF_PASSWORD) // organizer of 湛河区 (d01)
  const write = async (text: string, regionId: string) => {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it("a district's report counts its own residents' messages, not another district's handled by one of its deputies", async () => {
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const ours: string[] = []
    for (const text of lift) {
      ours.push((await write(text, 'c010101')).ticket) // 建设路社区, 湛河区
      app.clock.advance(3_600_000)
    }
    // A 新华区 resident's message, given to 张伟, a deputy of 湛河区: still 新华区's.
    const theirs = await write('新华社区的公交站台太窄，下雨天没处躲', 'c020101')
    const moved = await (await asAdmin(app)).post(`/api/admin/cases/${theirs.id}/assign`, { deputyId: 'dp0001' })
    expect(moved.body).to.include({ districtId: 'd02', handlingDistrictId: 'd01' })

    app.clock.set(new Date('2026-11-30T01:00:00Z')) // the next Monday, 09:00
    const report = await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-23')
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body.totals).to.include({ messages: 5, residents: 5, overdueOpen: 5 })
    expect(report.body.overdue.map((o: Overdue) => o.ticket)).to.deep.equal(ours)
    expect(JSON.stringify(report.body)).not.to.include('公交站台')

    const csv = ((await (await sunli()).get('/api/admin/analysis/weekly-report.csv?scope=d01&week=2026-11-23')).body as Buffer).toString('utf8')
    expect(csv).not.to.include(theirs.ticket)
  })

  it("a past week's report lists what was overdue when that week ended, not messages written weeks later", async () => {
    app.clock.set(new Date('2026-11-10T02:00:00Z')) // Tuesday 10:00, in the week of 11月9日
    const old = await write('建设路社区路灯坏了好几天，晚上很黑', 'c010101')
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // two weeks later
    for (const text of lift) await write(text, 'c010101')
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // all of them long overdue by now

    const past = await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-09')
    expect(past.status, JSON.stringify(past.body)).to.equal(200)
    expect(past.body.totals).to.include({ messages: 1, overdueOpen: 1 })
    // To be acknowledged by Wednesday 10:00; at the week's end (Monday 00:00) four days and some hours late.
    expect(past.body.overdue.map((o: Overdue) => [o.ticket, o.daysOverdue])).to.deep.equal([[old.ticket, 4]])

    // A week with no messages at all has no backlog to show either.
    const quiet = await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-02')
    expect(quiet.body.totals).to.include({ messages: 0, overdueOpen: 0 })
    expect(quiet.body.overdue).to.deep.equal([])
  })
})
