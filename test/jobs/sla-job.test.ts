import { expect } from 'chai'
import { runLeased } from '../../src/jobs/index.js'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

const HOUR = 3_600_000

describe('the SLA job: reminders, escalation and closing', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const messages = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 50, kind })).items
  const submit = async (text = '垃圾没人清运') => {
    const resident = await asResident(app)
    const { body } = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    return { resident, id: body.id as string, ticket: body.ticket as string }
  }

  it('reminds the deputy once, shortly before the acknowledgement is due', async () => {
    const { id, ticket } = await submit()
    app.clock.advance(19 * HOUR)
    await sla()
    expect(await messages('case.reminder')).to.deep.equal([])
    app.clock.advance(2 * HOUR) // 21 h: within the 4 h lead
    await sla()
    await sla()
    const reminders = await messages('case.reminder')
    expect(reminders.map((m) => [m.recipientKind, m.recipientId])).to.deep.equal([['deputy', 'dp0001']])
    expect(reminders[0].payload.text, 'addressed to him, as every notice to a deputy is').to.equal(
      `张伟代表，提醒您：留言 ${ticket} 请在11月24日（星期二）上午10:00前受理，请及时处理。`,
    )
    expect(reminders[0].payload.cardText, "the subscribe card's 20 characters: what to do by when").to.equal('请在11月24日上午10:00前受理')
    const timeline = await app.liaison.store.cases.events(id)
    expect(
      timeline.filter((e) => e.type === 'reminded').map((e) => e.note),
      'the timeline keeps the reminder, not the greeting',
    ).to.deep.equal([`提醒：留言 ${ticket} 请在11月24日（星期二）上午10:00前受理，请及时处理。`])
  })

  it("escalates an unacknowledged case to the station's staff, then to the district office", async () => {
    const { id } = await submit()
    app.clock.advance(25 * HOUR)
    await sla()
    await sla()
    expect((await messages('case.escalated')).map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect((await messages('case.overdue')).map((m) => m.recipientId)).to.deep.equal(['dp0001'])
    expect((await app.liaison.store.cases.get(id))!.ackEscalation).to.equal(1)
    app.clock.advance(72 * HOUR)
    await sla()
    expect((await messages('case.escalated')).map((m) => `${m.recipientKind}:${m.recipientId}`)).to.have.members(['station:st001', 'office:d01'])
    expect((await app.liaison.store.cases.events(id)).filter((e) => e.type === 'escalated').map((e) => e.data.level)).to.deep.equal([1, 2])
    const ticket = (await app.liaison.store.cases.get(id))!.ticket
    expect((await messages('case.escalated')).find((m) => m.recipientKind === 'office')!.payload.text, 'said in days, as people do').to.equal(
      `督办：留言 ${ticket} 超期未受理已超过 3 天，请督促办理。`,
    )
  })

  it("shows an overdue case to staff and flags it in the deputy's inbox", async () => {
    const { id, ticket } = await submit()
    const deputy = await asDeputy(app, 'dp0001')
    app.clock.advance(25 * HOUR)
    await sla()
    const staff = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    // Late to be acknowledged, its answer not yet due: 只看未按时受理 lists it, 只看已超期 (the reply deadline's) does not.
    const late = (await staff.get('/api/admin/cases?ackLate=true')).body.items
    expect(late.map((c: { ticket: string }) => c.ticket)).to.deep.equal([ticket])
    expect((await staff.get('/api/admin/cases?overdue=true')).body.items).to.deep.equal([])
    const timeline = (await staff.get(`/api/admin/cases/${id}`)).body.timeline as Array<{ type: string; note: string }>
    expect(
      timeline.filter((e) => e.type === 'escalated').map((e) => e.note),
      "the job reported it to the station's staff",
    ).to.deep.equal([`督办：留言 ${ticket} 已过受理期限，请督促办理。`])
    // His inbox flags it as late to be acknowledged, not as 超期 (the reply deadline's), as the office's lists do.
    expect((await deputy.get('/api/mp/deputy/cases')).body.items[0]).to.include({ ticket, overdue: false, ackLate: true })
    // The station has no WeChat group to receive the report (未能送达): he is not told it was reported.
    expect((await messages('case.overdue')).map((m) => [m.recipientId, m.payload.text])).to.deep.equal([
      ['dp0001', `张伟代表，留言 ${ticket} 已过受理期限，群众还在等您受理。请尽快受理；办不了请发"交回 ${ticket} 再写上原因"，联络站会帮忙另行安排。`],
    ])
    expect((await messages('case.overdue'))[0].payload.cardText).to.equal('已过受理期限，请尽快受理或交回')
  })

  it('runs the reply clock once acknowledged, on working days', async () => {
    const { id } = await submit()
    const deputy = await asDeputy(app, 'dp0001')
    await deputy.post(`/api/mp/deputy/cases/${id}/acknowledge`, {})
    app.clock.set(new Date('2026-12-14T12:00:00Z')) // Monday 20:00, the day the reply is due
    await sla()
    expect((await messages('case.reminder')).map((m) => m.payload.text)).to.deep.equal([
      `张伟代表，提醒您：留言 ${(await app.liaison.store.cases.get(id))!.ticket} 请在12月14日（星期一）前（含当日）答复，请及时处理。`,
    ])
    // As his page says it (never "24:00"), on the card's 20 characters too.
    expect((await messages('case.reminder'))[0].payload.cardText).to.equal('请在12月14日前（含当日）答复')
    app.clock.set(new Date('2026-12-15T01:00:00Z'))
    await sla()
    expect((await app.liaison.store.cases.get(id))!.replyEscalation).to.equal(1)
    // How late, as his workbench says it this morning: the answer was due by the end of yesterday.
    const late = (await deputy.get('/api/mp/tasks')).body.cases[0].due.words
    expect(late).to.equal('答复已超期 1 天')
    expect((await messages('case.overdue')).map((m) => m.payload.text).at(-1)).to.include(
      `留言 ${(await app.liaison.store.cases.get(id))!.ticket} ${late}，群众还在等您答复`,
    )
  })

  it('closes a reply left unrated for seven days and tells the resident', async () => {
    const { id, resident } = await submit()
    const deputy = await asDeputy(app, 'dp0001')
    await deputy.post(`/api/mp/deputy/cases/${id}/reply`, { text: '已安排清运' })
    app.clock.advance(6 * 24 * HOUR)
    await sla()
    expect((await resident.get(`/api/mp/cases/${id}`)).body.status).to.equal('replied')
    app.clock.advance(24 * HOUR + 1)
    await sla()
    const closed = (await resident.get(`/api/mp/cases/${id}`)).body
    expect(closed.status).to.equal('closed')
    expect(closed.timeline.at(-1).note).to.equal('答复后 7 天未评价，自动办结')
    expect((await messages('case.closed')).map((m) => m.recipientKind)).to.deep.equal(['mp_user'])
  })

  it('runs on one instance at a time: the lease', async () => {
    await submit()
    app.clock.advance(25 * HOUR)
    const job = app.liaison.jobs.find((j) => j.name === SLA_JOB)!
    const { store, logger } = app.liaison
    const [a, b] = await Promise.all([runLeased(job, store, app.clock, 'instance-a', logger), runLeased(job, store, app.clock, 'instance-b', logger)])
    expect([a.ran, b.ran].filter(Boolean)).to.have.length(1)
    expect(await messages('case.escalated')).to.have.length(1)
  })
})
