import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'

/**
 * 休息日不发送 (muteWeekends) follows the business calendar the SLA clock counts on
 * (config/holidays/2026.json): no digest on 国庆 Monday 10月5日, one on the 调休 Saturday
 * 10月10日, when messages fall due as on any working day.
 */
describe('the daily digest on days off, by the official calendar', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-09-30T02:00:00Z')) // Wednesday 10:00, before the 国庆 holiday
    // A neighbour writes to each (one resident sending the same words twice would be asked first).
    for (const deputyCode of ['DP0001', 'DP0002'])
      expect((await (await asResident(app)).post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', deputyCode })).status).to.equal(201)
    // 张伟 asks for quiet days off; 王芳 does not, to show there is something to send.
    const zhang = await asDeputy(app, 'dp0001')
    const saved = await zhang.put('/api/mp/deputy/digest-preferences', { channels: [], sendAt: null, muteWeekends: true })
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200)
  })
  afterEach(() => app.close())

  const job = () => app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run() as Promise<{ made: number }>
  const madeFor = async (day: string) =>
    (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest' })).items
      .filter((m) => (m.payload as { day: string }).day === day)
      .map((m) => m.recipientId)
      .sort()

  it('sends none on a holiday weekday to a deputy who chose quiet days off', async () => {
    app.clock.set(new Date('2026-10-05T00:30:00Z')) // Monday 08:30, 国庆节
    await job()
    expect(await madeFor('2026-10-05'), '王芳 did not choose quiet days').to.deep.equal(['dp0002'])
  })

  it('sends one on a 调休 Saturday, a working day', async () => {
    app.clock.set(new Date('2026-10-10T00:30:00Z')) // Saturday 08:30, worked for 国庆节
    await job()
    expect(await madeFor('2026-10-10')).to.deep.equal(['dp0001', 'dp0002'])
  })
})
