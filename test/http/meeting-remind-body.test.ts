import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

/**
 * 提醒未回复 reminds everyone who has not answered; it takes no list of whom. A request that names
 * deputies is refused with why, not pressed for everybody as if it had been obeyed.
 */
describe('提醒未回复 takes no body', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T01:00:00Z')) // Monday 09:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const nudges = async () => (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.rsvp_nudge' })).items

  it('refuses a body it would not use (chosen deputies), queueing nothing; none, or {}, is a press', async () => {
    const created = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const id = created.body.id as string
    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
    await noticesSentAndRead(app)
    office = await asAdmin(app)

    const chosen = await office.post(`/api/admin/meetings/${id}/remind`, { deputyIds: ['dp0001'] })
    expect([chosen.status, chosen.body]).to.deep.equal([
      400,
      { error: { code: 'validation_failed', message: '输入有误', details: [{ path: 'body.deputyIds', message: '不允许的字段' }] } },
    ])
    const notAnObject = await office.post(`/api/admin/meetings/${id}/remind`, ['dp0001'])
    expect([notAnObject.status, notAnObject.body.error.code]).to.deep.equal([400, 'validation_failed'])
    expect(await nudges(), 'nothing queued').to.deep.equal([])

    expect((await office.post(`/api/admin/meetings/${id}/remind`, {})).body).to.deep.equal({ reminded: 2, round: 1, held: null })
    expect(await nudges()).to.have.length(2)
    // Past the hour between presses, one without a body reminds them again.
    app.clock.advance(2 * 60 * 60_000)
    office = await asAdmin(app)
    expect((await office.post(`/api/admin/meetings/${id}/remind`)).body).to.deep.equal({ reminded: 2, round: 2, held: null })
  })
})
