import { expect } from 'chai'
import { runLivelihoodProgressJob } from '../../src/jobs/livelihood-progress-job.js'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, candidate, openCycle, propose } from '../helpers/livelihood.js'

/**
 * A quarter not reported by its end + 15 days reminds the responsible unit's staff, once per
 * quarter; the job body runs with the test's clock.
 */
describe('livelihood progress reminders (job)', () => {
  let app: TestApp
  let liftsId: string
  const run = () => runLivelihoodProgressJob({ progress: app.liaison.services.livelihoodProgress, logger: app.liaison.logger })
  const reminders = async () =>
    (await app.liaison.store.outbox.search({ kind: 'livelihood.progress_overdue', limit: 50 })).items.map((m) => `${m.recipientId} ${m.payload.text}`).sort()

  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const [a, b] = [await propose(await asResident(app), cycle.id), await propose(await asResident(app), cycle.id, { title: '食堂' })]
    liftsId = (await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [a.id] })).id
    app.clock.advance(1000)
    await candidate(office, cycle.id, { title: '老年食堂', unitId: 'u02', proposalIds: [b.id] })
    const ballot = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {
      opensAt: '2027-01-05T09:00:00+08:00',
      closesAt: '2027-01-10T18:00:00+08:00',
      roll: { deputyIds: ['dp0001'] },
    })
    at(app, '2027-01-06T02:00:00Z')
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballot.body.ballotSurveyId}/responses`, { answers: { projects: [liftsId] } })
    at(app, '2027-01-11T02:00:00Z')
    await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
  })
  afterEach(() => app.close())

  it('reminds the unit of a quarter left unreported 15 days after it ended, once, and not of one reported', async () => {
    at(app, '2027-04-15T23:59:00+08:00')
    expect(await run()).to.deep.equal({ reminded: 0 })
    at(app, '2027-04-16T00:00:00+08:00')
    expect(await run()).to.deep.equal({ reminded: 1 })
    app.clock.advance(86_400_000)
    expect(await run(), 'the same quarter the next day').to.deep.equal({ reminded: 0 })
    expect(await reminders()).to.deep.equal(['sf21 民生实事项目「老旧小区加装电梯」2027年第1季度的进展还没有填报，请登录管理后台尽快填报。'])

    const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    expect((await bureau.post(`/api/admin/unit/livelihood-projects/${liftsId}/progress`, { quarter: 1, percent: 10, text: '选址完成' })).status).to.equal(201)
    await bureau.post(`/api/admin/unit/livelihood-projects/${liftsId}/progress`, { quarter: 2, percent: 30, text: '提前填报' })
    at(app, '2027-10-20T00:00:00+08:00')
    expect(await run()).to.deep.equal({ reminded: 1 })
    expect((await reminders()).filter((t) => t.includes('第3季度'))).to.have.length(1)
    expect(
      (await reminders()).filter((t) => t.includes('第2季度')),
      'a quarter reported early',
    ).to.deep.equal([])
  })
})
