import { expect } from 'chai'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLeased } from '../../src/jobs/index.js'
import { UNATTACHED_UPLOADS_JOB } from '../../src/jobs/unattached-uploads-job.js'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { at, openCycle, proposal, propose, uploadPhoto } from '../helpers/livelihood.js'

/**
 * 每人每年最多提出 3 个项目建议, held in the store's write: a submission judged on a count read before her
 * last place was taken (two instances, two quick taps) is refused in plain words (409 proposal_limit), nothing
 * stored, and its photo let go like any photo never sent. (Two writes at once, at the store itself:
 * test/store/contract-livelihood-proposal-cap.ts.)
 */
describe('民生实事项目: the yearly cap holds against a stale count', () => {
  let app: TestApp
  let dir: string
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-cap-uploads-'))
    app = await startApp({ directory: caseCity(), overrides: { uploads: { dir } } })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** A submission judged on a count the service read before her third proposal was stored (another instance's write not yet seen). */
  async function staleCount<T>(send: () => Promise<T>): Promise<T> {
    const repo = app.liaison.store.livelihood
    const counted = repo.countProposalsBy
    repo.countProposalsBy = async () => 0
    try {
      return await send()
    } finally {
      repo.countProposalsBy = counted
    }
  }
  const photoKept = (url: string) => existsSync(join(dir, url.split('?')[0].split('/').pop()!))

  it('refuses a submission judged on a count read before her third was stored', async () => {
    const cycle = await openCycle(await asAdmin(app))
    const resident = await asResident(app)
    for (const title of ['建设路修路', '建设路装路灯', '建设路加装电梯']) await propose(resident, cycle.id, { title })
    // The count the service reads first is out of date (another instance's write not yet seen): the write counts again.
    const late = await staleCount(() => resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ title: '建设路建停车场' })))
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'proposal_limit', message: '每人每年最多提出 3 个项目建议' })
    expect((await resident.get('/api/mp/livelihood/proposals')).body.items.map((i: { title: string }) => i.title)).to.not.include('建设路建停车场')
  })

  it('lets go of the photo of a submission refused in the write: deleted a day later, while her stored proposal keeps its own', async () => {
    const cycle = await openCycle(await asAdmin(app))
    const resident = await asResident(app)
    const road = await uploadPhoto(app, resident, 'road.jpg')
    await propose(resident, cycle.id, { title: '建设路修路', photos: [road] })
    for (const title of ['建设路装路灯', '建设路加装电梯']) await propose(resident, cycle.id, { title })
    const parking = await uploadPhoto(app, resident, 'parking.jpg')
    const late = await staleCount(() =>
      resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ title: '建设路建停车场', photos: [parking] })),
    )
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'proposal_limit', message: '每人每年最多提出 3 个项目建议' })

    // What the scheduler does every hour, a day and a minute later.
    app.clock.advance(24 * 3_600_000 + 60_000)
    const job = app.liaison.jobs.find((j) => j.name === UNATTACHED_UPLOADS_JOB)!
    await runLeased(job, app.liaison.store, app.clock, 'test', app.liaison.logger)
    expect(photoKept(parking), 'the refused proposal’s photo').to.equal(false)
    expect(photoKept(road), 'her first proposal’s photo').to.equal(true)
    const mine = (await resident.get('/api/mp/livelihood/proposals')).body.items.map((i: { title: string }) => i.title)
    expect(mine).to.have.members(['建设路修路', '建设路装路灯', '建设路加装电梯'])
  })
})
