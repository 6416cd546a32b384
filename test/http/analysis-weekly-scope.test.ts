import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildDeputy } from '../factories.js'
import { caseCity, LIFT_MESSAGES as lift, STAFF_PASSWORD } from '../fixtures.js'

interface Overdue {
  ticket: string
  daysOverdue: number
}

/**
 * Which messages a weekly report counts: 孙丽 of 湛河区 reads the messages her office handles (another
 * district's whose message a 湛河区 deputy took on too, not her resident's sent on to 新华区), the
 * number her 工作概览 shows for the week, and a past week as it stood when it ended (not today's
 * backlog, written weeks later).
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

  it("a district's report counts the messages its office handles, as its 工作概览 counts them: one transferred in, not its resident's sent on", async () => {
    // 周敏, a deputy of 新华区's station, to whom a 湛河区 message is sent on.
    const zhoumin = await buildDeputy(app, { name: '周敏', stationIds: ['st004'] })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    const ours: string[] = []
    for (const text of lift) {
      ours.push((await write(text, 'c010101')).ticket) // 建设路社区, 湛河区
      app.clock.advance(3_600_000)
    }
    const admin = await asAdmin(app)
    // A 新华区 resident's message, given to 张伟, a deputy of 湛河区, to be answered by Tuesday: 湛河区 handles it.
    const theirs = await write('新华社区的公交站台太窄，下雨天没处躲', 'c020101')
    const taken = await admin.post(`/api/admin/cases/${theirs.id}/assign`, { deputyId: 'dp0001', replyBy: '2026-11-24' })
    expect(taken.body).to.include({ districtId: 'd02', handlingDistrictId: 'd01' })
    // A 湛河区 resident's message, sent on to 周敏 of 新华区: 新华区 handles it.
    const sentOn = await write('光明社区门口的下水道堵了，污水流到马路上', 'c010102')
    const moved = await admin.post(`/api/admin/cases/${sentOn.id}/assign`, { deputyId: zhoumin.id })
    expect(moved.body).to.include({ districtId: 'd01', handlingDistrictId: 'd02' })

    app.clock.set(new Date('2026-11-30T01:00:00Z')) // the next Monday, 09:00
    // Past its reply deadline when the week ended: only the one asked for by Tuesday (a late acknowledgement is not 超期).
    for (const [username, scope, tickets, late] of [
      ['sunli', 'd01', [...ours, theirs.ticket], [theirs.ticket]],
      ['qianqi', 'd02', [sentOn.ticket], []],
    ] as const) {
      const office = await new Client(app.baseUrl).login(username, STAFF_PASSWORD)
      const report = await office.get(`/api/admin/analysis/weekly-report?scope=${scope}&week=2026-11-23`)
      expect(report.status, JSON.stringify(report.body)).to.equal(200)
      expect(report.body.totals, scope).to.include({ received: tickets.length, messages: tickets.length, overdueOpen: late.length })
      expect(report.body.receivedCount, scope).to.equal(tickets.length)
      expect(
        report.body.overdue.map((o: Overdue) => o.ticket),
        scope,
      ).to.deep.equal([...late])
      // The office's 工作概览: the week's bar says the same number, and opens the very messages the report counted.
      const board = (await office.get('/api/admin/dashboard/cases')).body
      const bar = board.weeks.find((w: { label: string }) => w.label === '11月23日')
      expect(bar.count, `${scope}: 工作概览's bar of the week`).to.equal(report.body.receivedCount)
      const listed = await office.get(`/api/admin/cases?${new URLSearchParams(bar.filters)}`)
      expect(listed.status, JSON.stringify(listed.body)).to.equal(200)
      expect(
        listed.body.items.map((c: { ticket: string }) => c.ticket),
        scope,
      ).to.have.members([...tickets])
    }
    const csv = ((await (await sunli()).get('/api/admin/analysis/weekly-report.csv?scope=d01&week=2026-11-23')).body as Buffer).toString('utf8')
    expect(csv).to.include(theirs.ticket)
    expect(csv).not.to.include(sentOn.ticket)
  })

  it("a past week's report lists what was overdue when that week ended, not messages written weeks later", async () => {
    app.clock.set(new Date('2026-11-10T02:00:00Z')) // Tuesday 10:00, in the week of 11月9日
    const old = await write('建设路社区路灯坏了好几天，晚上很黑', 'c010101')
    app.clock.set(new Date('2026-12-08T02:00:00Z')) // four weeks later, after the week of 11月30日
    for (const text of lift) await write(text, 'c010101')
    app.clock.set(new Date('2027-01-11T02:00:00Z')) // all of them long overdue by now

    const past = await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-30')
    expect(past.status, JSON.stringify(past.body)).to.equal(200)
    expect(past.body.totals).to.include({ messages: 0, overdueOpen: 1 })
    // To be answered by 12月1日 (15 working days); at the week's end (Monday 12月7日 00:00) five days late.
    expect(past.body.overdue.map((o: Overdue) => [o.ticket, o.daysOverdue])).to.deep.equal([[old.ticket, 5]])

    // A week with no messages at all has no backlog to show either.
    const quiet = await (await sunli()).get('/api/admin/analysis/weekly-report?scope=d01&week=2026-11-02')
    expect(quiet.body.totals).to.include({ messages: 0, overdueOpen: 0 })
    expect(quiet.body.overdue).to.deep.equal([])
  })
})
