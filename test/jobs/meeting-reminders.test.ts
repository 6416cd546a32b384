import { expect } from 'chai'
import { runLeased } from '../../src/jobs/index.js'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

const START = Date.parse('2026-11-26T01:30:00Z') // Thursday 09:30 in Asia/Shanghai
const HOUR = 3_600_000

describe('the meeting reminders job: 24 h and 2 h before, never twice, never to those on leave', () => {
  let app: TestApp
  let office: Client
  let meetingId: string
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody())
    meetingId = body.id
    await office.post(`/api/admin/meetings/${meetingId}/publish`)
    await (await asDeputy(app, 'dp0002')).post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'leave', reason: '外出学习' })
  })
  afterEach(() => app.close())

  const job = () => app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!
  const run = () => job().run()
  const at = (ms: number) => app.clock.set(new Date(ms))
  const reminders = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.reminder' })).items
  const sent = async () => (await reminders()).map((m) => `${m.recipientKind}:${m.recipientId}`).sort()
  const NOT_ON_LEAVE = ['deputy:dp0001', 'deputy:dp0006', 'staff:sf01']

  it('reminds everyone who has not declined 24 h before, once however often it runs', async () => {
    at(START - 24 * HOUR - 5 * 60_000)
    await run()
    expect(await reminders()).to.deep.equal([])
    at(START - 24 * HOUR)
    expect(await run()).to.deep.equal({ reminded: 3 })
    expect(await run()).to.deep.equal({ reminded: 0 })
    expect(await sent()).to.deep.equal(NOT_ON_LEAVE)
    expect((await reminders())[0].payload.text).to.equal(
      '会议提醒：市人大常委会第十次会议（常委会会议）明天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。您还没有回复，请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )
  })

  it('reminds again 2 h before, and never after the start', async () => {
    at(START - 24 * HOUR)
    await run()
    at(START - 2 * HOUR - 60_000)
    await run()
    expect(await reminders()).to.have.length(3)
    at(START - 2 * HOUR)
    await run()
    await run()
    const texts = (await reminders()).map((m) => m.payload.text as string)
    expect(texts.filter((t) => t.includes('今天上午9:30召开'))).to.have.length(3)
    at(START + 60_000)
    await run()
    expect(await reminders()).to.have.length(6)
  })

  it('sends one reminder, not two, when it first runs after both leads, saying the day as a person says it', async () => {
    at(START - 90 * 60_000)
    await run()
    expect(
      (await reminders()).map((m) => m.payload.text as string).every((t) => t.includes('今天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30')),
    ).to.equal(true)
    expect(await sent()).to.deep.equal(NOT_ON_LEAVE)
  })

  it('counts from the new start when the meeting moves', async () => {
    at(START - 24 * HOUR)
    await run()
    office = await asAdmin(app)
    await office.patch(`/api/admin/meetings/${meetingId}`, { startAt: '2026-11-27T09:30:00+08:00', endAt: '2026-11-27T11:30:00+08:00' })
    await run()
    expect(await reminders(), 'the new start is 48 h away').to.have.length(3)
    at(START)
    await run()
    expect(await reminders()).to.have.length(6)
    expect((await reminders()).filter((m) => (m.payload.text as string).includes('11月27日'))).to.have.length(3)
  })

  it('says when it starts as a person says it, not a count of hours, when the run comes a few minutes after the lead', async () => {
    at(START - 2 * HOUR + 4 * 60_000)
    await run()
    expect((await reminders())[0].payload.text).to.equal(
      '会议提醒：市人大常委会第十次会议（常委会会议）今天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。您还没有回复，请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )
  })

  it('sends no 24 h reminder for a meeting published less than 24 h ahead, but the 2 h one', async () => {
    at(START - 20 * HOUR)
    office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody({ title: '临时会议', selector: { deputyIds: ['dp0001'] } }))
    expect((await office.post(`/api/admin/meetings/${body.id}/publish`)).status).to.equal(200)
    await run()
    const late = async () => (await reminders()).filter((m) => (m.payload.text as string).includes('临时会议'))
    expect(await late(), 'the notice just told the time').to.deep.equal([])
    at(START - 2 * HOUR)
    await run()
    expect((await late()).map((m) => m.payload.text as string)).to.deep.equal([
      '会议提醒：临时会议（常委会会议）今天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。您还没有回复，请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    ])
  })

  it('sends no 24 h reminder after a move that brings the meeting within 24 h', async () => {
    at(Date.parse('2026-11-25T06:00:00Z'))
    office = await asAdmin(app)
    const moved = await office.patch(`/api/admin/meetings/${meetingId}`, { startAt: '2026-11-26T08:00:00+08:00', endAt: '2026-11-26T10:00:00+08:00' })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    await run()
    expect(await reminders(), 'the change notice just told the new time').to.deep.equal([])
  })

  it("never sends a reminder within ten minutes of the last one, not even after an organizer's round", async () => {
    await noticesSentAndRead(app) // the notices went out on Monday: the organizer may ask for answers
    at(START - 24 * HOUR - 5 * 60_000)
    office = await asAdmin(app)
    expect((await office.post(`/api/admin/meetings/${meetingId}/remind`)).status).to.equal(200)
    at(START - 24 * HOUR)
    expect(await run()).to.deep.equal({ reminded: 0 })
    at(START - 24 * HOUR + 5 * 60_000)
    expect(await run(), 'ten minutes after the round').to.deep.equal({ reminded: 3 })
    expect((await reminders())[0].payload.text).to.include('明天上午9:30召开')
  })

  it('reminds nobody of a cancelled meeting', async () => {
    await office.post(`/api/admin/meetings/${meetingId}/cancel`, { reason: '延期' })
    at(START - 2 * HOUR)
    await run()
    expect(await reminders()).to.deep.equal([])
  })

  it('runs on one instance at a time: the lease', async () => {
    at(START - 24 * HOUR)
    const { store, logger } = app.liaison
    const [a, b] = await Promise.all([runLeased(job(), store, app.clock, 'instance-a', logger), runLeased(job(), store, app.clock, 'instance-b', logger)])
    expect([a.ran, b.ran].filter(Boolean)).to.have.length(1)
    expect(await reminders()).to.have.length(3)
  })
})

describe('meeting reminders and quiet hours (21:00–08:00)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: [] } } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('writes the 2 h reminder of a 09:30 meeting at 08:00, not held overnight from 07:30', async () => {
    const office = await asAdmin(app)
    const { body } = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] } }))
    expect((await office.post(`/api/admin/meetings/${body.id}/publish`)).status).to.equal(200)
    const run = () => app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()
    const texts = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.reminder' })).items.map((m) => m.payload.text as string)
    app.clock.set(new Date(START - 2 * HOUR)) // Thursday 07:30
    await run()
    expect(await texts(), 'nothing written in quiet hours').to.deep.equal([])
    app.clock.set(new Date(START - 90 * 60_000)) // 08:00
    await run()
    expect(await texts()).to.deep.equal([
      '会议提醒：市人大常委会第十次会议（常委会会议）今天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。您还没有回复，请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    ])
  })
})
