import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * A message that changes hands on a Friday evening: whoever has it now gets their own time to act,
 * counted in working hours as a new message's is, so the weekend never makes them late.
 */
describe('a message handed on on a Friday evening is not late on Saturday', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-12-03T02:00:00Z')) // Thursday 3 December, 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const escalations = async (caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.escalated' })).items.filter((m) => m.payload.caseId === caseId)

  async function handedBackOnFridayEvening() {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text: '孩子上学的学位问题', regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/acknowledge`, {})).status).to.equal(200)
    app.clock.set(new Date('2026-12-04T10:00:00Z')) // Friday 18:00
    expect((await zhang.post(`/api/mp/deputy/cases/${sent.body.id}/transfer`, { reason: '需要工作人员协调' })).status).to.equal(200)
    return sent.body as { id: string; ticket: string }
  }

  it('handed back to the station by its deputy: the station has until Monday evening, and nobody is reported over the weekend', async () => {
    const c = await handedBackOnFridayEvening()
    const lina = await asStaff(app, 'lina')
    const seen = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(seen.sla, 'the deadline tag of the station that has it now').to.include({ step: 'acknowledge', dueText: '12月7日 18:00前' })

    app.clock.set(new Date('2026-12-06T12:00:00Z')) // Sunday 20:00
    await sla()
    expect(await escalations(c.id), 'not reported late on the weekend').to.deep.equal([])
  })

  it('handed up to the district office by the station: the office has until Monday evening too', async () => {
    const c = await handedBackOnFridayEvening()
    const lina = await asStaff(app, 'lina')
    const up = await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '涉及学区划分，需要区里协调' })
    expect(up.status, JSON.stringify(up.body)).to.equal(200)
    const seen = (await (await asStaff(app, 'sunli')).get(`/api/admin/cases/${c.id}`)).body
    expect(seen.handledBy.office).to.be.a('string')
    expect(seen.sla).to.include({ step: 'acknowledge', dueText: '12月7日 18:00前' })
  })
})
