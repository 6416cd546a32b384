import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

/**
 * Moves that change several messages are a write per message. When the process stops half way (or another
 * instance routed a message to a deputy in the minute before it heard they had left), the next SLA round
 * finishes the move, so no message is left waiting on something that will never happen.
 */
describe('the SLA round finishes moves over several messages left half done', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const about = async (caseId: string, kind: string) =>
    (await app.liaison.store.outbox.search({ limit: 200, kind })).items.filter((m) => m.payload.caseId === caseId)
  async function toZhangWei(text: string, resident?: Awaited<ReturnType<typeof asResident>>) {
    const sent = await (resident ?? (await asResident(app))).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('frees a message still merged into one that was withdrawn when the process stopped before freeing it', async () => {
    const carrier = await toZhangWei('东门路灯坏了')
    const second = await asResident(app)
    const merged = await toZhangWei('东门路灯坏了好久', second)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
    // The withdrawal's own write, and then nothing: the process stopped.
    const c = (await app.liaison.store.cases.get(carrier.id))!
    await app.liaison.store.cases.update({ ...c, status: 'withdrawn', closedAt: app.clock.now(), updatedAt: app.clock.now() }, [], [])
    expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status, 'still closed, promised an answer that will not come').to.equal('closed')

    expect(await sla()).to.include({ freed: 1 })
    expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status, 'open again, waiting to be assigned').to.equal('submitted')
    const told = (await about(merged.id, 'case.unmerged')).map((m) => m.payload.text)
    expect(told).to.deep.equal([`您的留言 ${merged.ticket} 原与留言 ${carrier.ticket} 合并办理，因该留言已撤回，您的留言将单独办理，办理结果会告知您。`])
    expect((await lina.get('/api/admin/cases?status=submitted')).body.items.map((x: { id: string }) => x.id)).to.include(merged.id)

    expect(await sla(), 'done once').to.include({ freed: 0 })
    expect(await about(merged.id, 'case.unmerged')).to.have.length(1)
  })

  it('leaves a message merged into one still open where it is', async () => {
    const carrier = await toZhangWei('东门路灯坏了')
    const second = await asResident(app)
    const merged = await toZhangWei('东门路灯坏了好久', second)
    expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
    expect(await sla()).to.include({ freed: 0, handedBack: 0 })
    expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status).to.equal('closed')
  })

  it('gives back to the station a message that reached a deputy after they left office, and tells its resident', async () => {
    const resident = await asResident(app)
    const sent = await toZhangWei('小区门口下水道堵了', resident)
    expect((await app.liaison.store.cases.get(sent.id))!.deputyId).to.equal('dp0001')
    // Taken out of service elsewhere: this message came after their messages were handed back.
    await app.liaison.store.deputies.update('dp0001', { active: false })

    expect(await sla()).to.include({ handedBack: 1 })
    const mine = (await resident.get(`/api/mp/cases/${sent.id}`)).body
    expect(mine.status).to.equal('submitted')
    expect((await about(sent.id, 'case.handed_on')).map((m) => m.payload.text)[0]).to.include('原办理代表已离任')
    expect((await about(sent.id, 'case.queued')).map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect(await sla(), 'done once').to.include({ handedBack: 0 })
  })
})
