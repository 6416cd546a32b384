import { expect } from 'chai'
import { Writable } from 'node:stream'
import { build } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { createLogger } from '../../src/logger.js'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** The State Council's 2027 schedule as holiday-cn would publish it (the 元旦 days at least). */
const year2027 = {
  $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
  year: 2027,
  papers: [],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '元旦', date: '2027-01-02', isOffDay: true },
    { name: '元旦', date: '2027-01-03', isOffDay: true },
    { name: '春节', date: '2027-02-05', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: true },
    { name: '春节', date: '2027-02-07', isOffDay: true },
    { name: '春节', date: '2027-02-08', isOffDay: true },
    { name: '春节', date: '2027-02-09', isOffDay: true },
    { name: '春节', date: '2027-02-10', isOffDay: true },
    { name: '春节', date: '2027-02-11', isOffDay: true },
    { name: '春节', date: '2027-02-20', isOffDay: false },
  ],
}

describe('the business calendar: import, coverage and deadlines', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-12-01T02:00:00Z')) // Tuesday 1 December 2026, 10:00 in Beijing
  })
  afterEach(() => app.close())

  const submit = async () => {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return { resident, c: answer.body }
  }

  it('tells the console and /readyz that 2027 is not imported when the next 60 days reach into it', async () => {
    const admin = await asAdmin(app)
    const { body } = await admin.get('/api/admin/calendar')
    expect(body.years.map((y: { year: number; importedBy: string }) => [y.year, y.importedBy])).to.deep.equal([
      [2025, 'bundled'],
      [2026, 'bundled'],
    ])
    expect(body.years[1]).to.include({ daysOff: 33, workdays: 6 })
    expect(body.coverage).to.deep.include({ coveredYears: [2025, 2026], uncovered: { from: '2027-01-01', to: '2027-01-30', years: [2027] } })
    const fact = '尚未导入2027年的放假安排：从2027年1月1日起的期限只按周末和元旦、劳动节、国庆节的法定日期计算，标为“暂定”。'
    // The administrator reads it on the page where he imports: the step is his, there, not 系统管理员's.
    expect(body.coverage.warning).to.equal(`${fact}2027年的放假安排公布后，请在下面导入，这些期限会自动改正。`)
    // An organizer reads it on the same page: nothing for her to do, and who does it.
    const sunli = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await sunli.get('/api/admin/calendar')).body.coverage.warning).to.equal(
      `${fact}放假安排由系统管理员在这个页面导入，导入后这些期限会自动改正，不用您处理。`,
    )
    const ready = await new Client(app.baseUrl).get('/readyz')
    expect(ready.status, 'not a reason to take the service out of rotation').to.equal(200)
    expect(ready.body.calendar.uncovered).to.deep.equal({ from: '2027-01-01', to: '2027-01-30', years: [2027] })
    expect(ready.body.calendar.warning, 'whoever runs the server: who imports, where').to.equal(
      `${fact}请在国务院公布放假安排后，由系统管理员在“工作日历”页导入。`,
    )
    for (const said of [body.coverage.warning, ready.body.calendar.warning]) expect(said).not.to.match(/npm|import|holiday-cn/)
  })

  it('a case submitted on 24 December 2026 does not count 1 January 2027 as a working day, and staff see its deadline as provisional', async () => {
    app.clock.set(new Date('2026-12-24T02:00:00Z')) // Thursday 10:00
    const { c } = await submit()
    expect(c.replyBy).to.equal('2027-01-15T15:59:59.999Z', '15 working days, 1 January not among them')
    expect(c.replyByText, 'as the resident reads it').to.equal('2027年1月15日前（含当日）')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const seen = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(seen.deadlinesProvisional).to.equal(true)
    // The clerk is told it may move, why, by which year, and that it is not hers to fix.
    expect(seen.deadlinesNote).to.equal('这个期限可能还会差几天：2027年的放假安排还没录入，录入后会自动改正，不用您处理。')
    const deputy = await asDeputy(app, 'dp0001')
    expect((await deputy.get('/api/mp/deputy/cases')).body.items[0]).to.include({
      deadlinesProvisional: true,
      replyByText: '2027年1月15日（星期五）前（含当日）',
      deadlinesNote: '这个期限可能还会差几天：2027年的放假安排还没录入，录入后会自动改正，不用您处理。',
    })
  })

  it('imports 2027 from a holiday-cn file: coverage is complete and new deadlines are no longer provisional', async () => {
    const admin = await asAdmin(app)
    const imported = await admin.post('/api/admin/calendar/years', year2027)
    expect(imported.status, JSON.stringify(imported.body)).to.equal(201)
    expect(imported.body).to.deep.include({ replaced: false })
    expect(imported.body.year).to.include({ year: 2027, daysOff: 10, workdays: 1 })
    expect(imported.body.coverage.warning).to.equal(null)
    expect((await new Client(app.baseUrl).get('/readyz')).body.calendar.uncovered).to.equal(null)

    app.clock.set(new Date('2026-12-24T02:00:00Z'))
    const { c } = await submit()
    expect(c.replyBy, '1–3 January are off in the imported schedule too').to.equal('2027-01-15T15:59:59.999Z')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body).to.include({ deadlinesProvisional: false, deadlinesNote: null })

    const retried = await (await asAdmin(app)).post('/api/admin/calendar/years', year2027, { 'Idempotency-Key': 'import-2027' })
    expect(retried.status, 'a first import under a key').to.equal(200)
    const replayed = await (await asAdmin(app)).post('/api/admin/calendar/years', year2027, { 'Idempotency-Key': 'import-2027' })
    expect(replayed.body, 'the same answer again').to.deep.equal(retried.body)
    const again = await (await asAdmin(app)).post('/api/admin/calendar/years', { ...year2027, days: year2027.days.slice(0, 3) })
    expect(again.status).to.equal(200)
    expect(again.body).to.deep.include({ replaced: true })
    expect(again.body.year).to.include({ daysOff: 3, workdays: 0 })
    const audit = await (await asAdmin(app)).get('/api/admin/audit?targetId=2027')
    expect(audit.body.items.map((e: { action: string }) => e.action).sort(), 'the replayed import wrote nothing').to.deep.equal([
      'calendar.imported',
      'calendar.replaced',
      'calendar.replaced',
    ])
  })

  it('counts provisional deadlines of open cases again when their year is imported', async () => {
    app.clock.set(new Date('2026-12-24T02:00:00Z'))
    const { c } = await submit()
    expect(c.replyBy).to.equal('2027-01-15T15:59:59.999Z')
    // Suppose the notice gives 1–4 January off: one working day fewer than the fallback assumed.
    const withMonday = { ...year2027, days: [...year2027.days.slice(0, 3), { name: '元旦', date: '2027-01-04', isOffDay: true }, ...year2027.days.slice(3)] }
    app.clock.set(new Date('2026-12-28T02:00:00Z'))
    const imported = await (await asAdmin(app)).post('/api/admin/calendar/years', withMonday)
    expect(imported.body.settledCases).to.equal(1)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body).to.include({
      replyBy: '2027-01-18T15:59:59.999Z',
      deadlinesProvisional: false,
      deadlinesNote: null,
    })
  })

  it('refuses a bad file with every problem named, and changes nothing', async () => {
    const admin = await asAdmin(app)
    const bad = {
      year: 2027,
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2026-12-31', isOffDay: true },
        { name: '春节', date: '2027-02-30', isOffDay: true },
      ],
    }
    const answer = await admin.post('/api/admin/calendar/years', bad)
    expect(answer.status).to.equal(422)
    expect(answer.body.error).to.include({ code: 'calendar_invalid', message: '节假日文件有问题，未导入' })
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['days[1].date', 'days[2].date', 'days[3].date'])
    expect((await admin.get('/api/admin/calendar')).body.years.map((y: { year: number }) => y.year)).to.deep.equal([2025, 2026])
    expect((await admin.get('/api/admin/audit?targetId=2027')).body.items).to.deep.equal([])
  })

  it('lets only administrators import; other staff may look', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post('/api/admin/calendar/years', year2027)).status).to.equal(403)
    expect((await lina.get('/api/admin/calendar')).status).to.equal(200)
    expect((await new Client(app.baseUrl).get('/api/admin/calendar')).status).to.equal(401)
  })
})

describe('the acknowledgement clock counts working time', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-27T12:00:00Z')) // Friday 27 November 2026, 20:00 in Beijing
  })
  afterEach(() => app.close())

  it('a case submitted on Friday evening is not overdue on Saturday; the SLA job escalates only after Monday 20:00', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(c.acknowledgeBy).to.equal('2026-11-30T12:00:00.000Z', 'Monday 20:00 Beijing')
    const deputy = await asDeputy(app, 'dp0001')
    const sla = () => app.liaison.jobs.find((j) => j.name === 'sla')!.run()
    const escalations = async () => (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.escalated' })).items

    app.clock.set(new Date('2026-11-28T13:00:00Z')) // Saturday 21:00
    await sla()
    expect((await deputy.get('/api/mp/deputy/cases')).body.items[0].overdue).to.equal(false)
    expect(await escalations()).to.deep.equal([])

    app.clock.set(new Date('2026-11-30T12:01:00Z')) // Monday 20:01
    await sla()
    // Late to acknowledge (已过受理期限), not 超期: that is the reply deadline's alone, as the office counts it.
    const [mine] = (await deputy.get('/api/mp/deputy/cases')).body.items
    expect([mine.ackLate, mine.overdue]).to.deep.equal([true, false])
    expect((await escalations()).map((m) => m.payload.text)).to.deep.equal([`督办：留言 ${c.ticket} 已过受理期限，请督促办理。`])
  })

  it('tells the resident the day of the reply as people say it when the deputy acknowledges', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    const deputy = await asDeputy(app, 'dp0001')
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const [told] = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.acknowledged' })).items
    // 15 working days after Friday 27 November: 30 Nov–4 Dec, 7–11, 14–18 December.
    expect(told.payload.text).to.equal(`张伟代表已看到您11月27日反映的“小区路灯坏了”（编号 ${c.ticket}），正在办，将在12月18日前（含当日）答复您。`)
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.replyByText).to.equal('12月18日前（含当日）')
  })

  it('tells the deputy, by name, the day and time to acknowledge by, not a number of hours', async () => {
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    const [assigned] = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.assigned' })).items
    expect(assigned.payload.text).to.equal(`张伟代表，您有一条新留言 ${c.ticket}（${c.topic}）：小区路灯坏了，请在11月30日（星期一）晚上8:00前受理。`)
  })

  it('words the deadlines of a message written on the weekend one way, in the notice as on his page: the whole day counting, no "24:00"', async () => {
    app.clock.set(new Date('2026-11-28T01:30:00Z')) // Saturday 09:30: the clock waits for Monday and runs all of it
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })
    const [assigned] = (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.assigned' })).items
    expect(assigned.payload.text).to.equal(`张伟代表，您有一条新留言 ${c.ticket}（${c.topic}）：小区路灯坏了，请在11月30日（星期一）前（含当日）受理。`)
    expect(assigned.payload.cardText, 'the card’s 20 characters').to.equal('请在11月30日前（含当日）受理')
    const deputy = await asDeputy(app, 'dp0001')
    // His page reads a whole day as his notice does, with its weekday: no "24:00".
    expect((await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body).to.include({
      acknowledgeByText: '11月30日（星期一）前（含当日）',
      replyByText: '12月18日（星期五）前（含当日）',
    })
  })
})

describe('start-up with a calendar that ends within 60 days', () => {
  it('logs a warning naming the missing year', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk))
        done()
      },
    })
    const config = loadConfig({ overrides: { log: { level: 'warn' } } })
    const liaison = await build(config, { clock: new ManualClock(new Date('2026-12-01T02:00:00Z')), logger: createLogger(config, sink) })
    await liaison.close()
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.calendar)
    expect(warning.msg).to.match(/^尚未导入2027年的放假安排/)
    expect(warning.calendar).to.deep.equal({ from: '2027-01-01', to: '2027-01-30', years: [2027] })
  })

  it('logs nothing about the calendar when the coming weeks are covered', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(String(chunk))
        done()
      },
    })
    const config = loadConfig({ overrides: { log: { level: 'warn' } } })
    const liaison = await build(config, { clock: new ManualClock(new Date('2026-06-01T02:00:00Z')), logger: createLogger(config, sink) })
    await liaison.close()
    expect(lines.filter((l) => l.includes('节假日'))).to.deep.equal([])
  })
})
