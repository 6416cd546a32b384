import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, candidate, openCycle, propose, proposal } from '../helpers/livelihood.js'

const staff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

/**
 * What two people of an office do at the same moment, or a resident while the office presses 提交代表票决, is checked
 * again in the write itself: a correction of a candidate lands only over the candidate its writer read (else 409, in
 * words, and nothing written), and a proposal lands only while the year still collects, while the ballot starts only
 * once no proposal is left to sort.
 */
describe('民生实事项目: what lands at the same moment is checked in the write', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  const repo = () => app.liaison.store.livelihood
  const year = async (office: Client, cycleId: string) => (await office.get(`/api/admin/livelihood/cycles/${cycleId}`)).body
  const lifts = async (office: Client, cycleId: string, id: string) => (await year(office, cycleId)).projects.find((p: { id: string }) => p.id === id)
  const stateTexts = async (person: Client) => (await person.get('/api/mp/livelihood/proposals')).body.items.map((p: { stateText: string }) => p.stateText)

  /** 湛河区's year: 老李's proposal made a candidate, 小王's (the same lift) still to be sorted, and a second candidate. */
  async function zhanheYear() {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const laoli = await asResident(app)
    const xiaowang = await asResident(app)
    const first = await propose(laoli, cycle.id)
    const second = await propose(xiaowang, cycle.id, { title: '光明社区老楼装电梯' })
    const made = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [first.id] })
    return { office, cycle, laoli, xiaowang, first, second, made }
  }

  it('refuses the correction of a candidate someone else corrected since she opened it, saying so, and keeps both people’s work', async () => {
    const { office, cycle, xiaowang, first, second, made } = await zhanheYear()
    const sunli = await staff(app, 'sunli')
    // 孙丽 opens 编辑 on the candidate (version 0); meanwhile the office takes 小王's proposal into it.
    const opened = await lifts(sunli, cycle.id, made.id)
    expect(opened.version).to.equal(0)
    const takenIn = await office.patch(`/api/admin/livelihood/candidates/${made.id}`, { proposalIds: [first.id, second.id], version: 0 })
    expect(takenIn.status, JSON.stringify(takenIn.body)).to.equal(200)

    const stale = await sunli.patch(`/api/admin/livelihood/candidates/${made.id}`, { costWan: 450, version: opened.version })
    expect(stale.status).to.equal(409)
    expect(stale.body.error).to.deep.include({ code: 'stale_candidate', message: '候选项目「老旧小区加装电梯」已被别人修改，请刷新后再改' })
    expect(await lifts(sunli, cycle.id, made.id)).to.deep.include({ costWan: 300, proposalIds: [first.id, second.id], version: 1 })
    expect(await stateTexts(xiaowang)).to.deep.equal(['已列为候选项目「老旧小区加装电梯」，等待人大代表票决'])

    // Read again, her correction lands over the office's.
    const again = await sunli.patch(`/api/admin/livelihood/candidates/${made.id}`, { costWan: 450, version: 1 })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(await lifts(sunli, cycle.id, made.id)).to.deep.include({ costWan: 450, proposalIds: [first.id, second.id], version: 2 })
  })

  it('refuses the second of two corrections whose reads came before either write, rather than put back the proposals it read', async () => {
    const { office, cycle, xiaowang, first, second, made } = await zhanheYear()
    const sunli = await staff(app, 'sunli')
    // The office's correction of the name has read the candidate (建议一 only); 孙丽's taking in 建议二 lands first.
    const saveCandidate = repo().saveCandidate
    let hers: { status: number } | null = null
    repo().saveCandidate = async (...args) => {
      repo().saveCandidate = saveCandidate
      hers = await sunli.patch(`/api/admin/livelihood/candidates/${made.id}`, { proposalIds: [first.id, second.id] })
      return saveCandidate.apply(repo(), args)
    }
    const late = await office.patch(`/api/admin/livelihood/candidates/${made.id}`, { title: '老旧小区加装电梯工程' })
    expect(hers!.status).to.equal(200)
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({ code: 'stale_candidate', message: '候选项目「老旧小区加装电梯」已被别人修改，请刷新后再改' })
    expect(await lifts(office, cycle.id, made.id), '建议二 stays taken in').to.deep.include({ title: '老旧小区加装电梯', proposalIds: [first.id, second.id] })
    expect(await stateTexts(xiaowang)).to.deep.equal(['已列为候选项目「老旧小区加装电梯」，等待人大代表票决'])
  })

  /** The city's year with two candidates and nothing left to sort: ready for 提交代表票决. */
  async function cityYearReady() {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app)
    await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [(await propose(laoli, cycle.id)).id] })
    await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120, proposalIds: [(await propose(laoli, cycle.id, { title: '老年食堂' })).id] })
    return { office, cycle }
  }

  it('does not start the ballot over a proposal sent after the office found nothing left to sort', async () => {
    const { office, cycle } = await cityYearReady()
    const xiaozhao = await asResident(app)
    // 小赵 sends hers while 提交代表票决 runs: after its check that nothing is left to sort, before the year moves.
    const startVoting = repo().startVoting
    repo().startVoting = async (...args) => {
      repo().startVoting = startVoting
      await propose(xiaozhao, cycle.id, { title: '河边口袋公园' })
      return startVoting.apply(repo(), args)
    }
    const pressed = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(pressed.status).to.equal(409)
    expect(pressed.body.error).to.deep.include({
      code: 'proposals_unsorted',
      message: '还有 1 条项目建议没有梳理：请列入候选项目或说明不列入的理由后，再提交代表票决',
    })
    expect((await year(office, cycle.id)).statusLabel).to.equal('征集项目')
    expect(await stateTexts(xiaozhao), 'hers is still to be sorted, and can be').to.deep.equal(['已收到，工作人员正在梳理'])
    const told = (await app.liaison.store.outbox.search({ kind: 'ballot.published', limit: 10 })).items
    expect(told, 'no deputy told of a ballot').to.deep.equal([])
  })

  it('refuses a proposal whose write comes after 提交代表票决, though it was sent while the year still collected', async () => {
    const { office, cycle } = await cityYearReady()
    const xiaozhao = await asResident(app)
    // Her proposal found the year collecting; 提交代表票决 lands before its write.
    const createProposal = repo().createProposal
    let pressed: { status: number } | null = null
    repo().createProposal = async (...args) => {
      repo().createProposal = createProposal
      pressed = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
      return createProposal.apply(repo(), args)
    }
    const late = await xiaozhao.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ title: '河边口袋公园' }))
    expect(pressed!.status).to.equal(200)
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.include({ code: 'collection_closed', message: '项目征集已经结束' })
    expect(await stateTexts(xiaozhao), 'nothing of hers stored').to.deep.equal([])
    const listed = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items
    expect(listed.map((p: { title: string }) => p.title)).not.to.include('河边口袋公园')
    expect((await year(office, cycle.id)).statusLabel).to.equal('代表票决')
  })
})
