import { expect } from 'chai'
import { asAdmin, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { at, openCycle, proposal, propose } from '../helpers/livelihood.js'

/**
 * 每人每年最多提出 3 个项目建议, held in the store's write: a submission judged on a count read before her
 * last place was taken (two instances, two quick taps) is refused in plain words (409 proposal_limit), nothing
 * stored. (Two writes at once, at the store itself: test/store/contract-livelihood-proposal-cap.ts.)
 */
describe('民生实事项目: the yearly cap holds against a stale count', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('refuses a submission judged on a count read before her third was stored', async () => {
    const cycle = await openCycle(await asAdmin(app))
    const resident = await asResident(app)
    for (const title of ['建设路修路', '建设路装路灯', '建设路加装电梯']) await propose(resident, cycle.id, { title })
    // The count the service reads first is out of date (another instance's write not yet seen): the write counts again.
    const repo = app.liaison.store.livelihood
    const counted = repo.countProposalsBy
    repo.countProposalsBy = async () => 0
    try {
      const late = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ title: '建设路建停车场' }))
      expect(late.status).to.equal(409)
      expect(late.body.error).to.include({ code: 'proposal_limit', message: '每人每年最多提出 3 个项目建议' })
    } finally {
      repo.countProposalsBy = counted
    }
    expect((await resident.get('/api/mp/livelihood/proposals')).body.items.map((i: { title: string }) => i.title)).to.not.include('建设路建停车场')
  })
})
