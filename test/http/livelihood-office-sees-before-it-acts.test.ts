import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { at, candidate, openCycle, propose, uploadPhoto } from '../helpers/livelihood.js'

// smallCity's five deputies are of every level: the roll names them all, so a turnout can fall short of half.
const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

/**
 * 民生实事 as the office's console reads it before each step it cannot undo: a proposal's photos, how many
 * deputies the ballot will ask, and, once the ballot has closed, the count it is about to confirm.
 */
describe('民生实事项目: what the office sees before it acts', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('gives the office a proposal’s photos as links that open, and says how many deputies the ballot will ask', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const resident = await asResident(app)
    const photo = await uploadPhoto(app, resident)
    const market = await propose(resident, cycle.id, { title: '建设路菜市场改造', place: '建设路社区', photos: [photo] })
    await propose(await asResident(app), cycle.id, { title: '社区食堂' })

    const listed = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items
    const shown = listed.find((p: { id: string }) => p.id === market.id)
    expect(shown.photos).to.have.length(1)
    expect(shown.photos[0]).to.match(/\?expires=\d+&sig=/)
    const opened = await fetch(app.baseUrl + shown.photos[0])
    expect(opened.status).to.equal(200)
    expect(opened.headers.get('content-type')).to.equal('image/jpeg')
    expect(listed.find((p: { title: string }) => p.title === '社区食堂').photos).to.deep.equal([])
    // The bare address still opens for nobody but the resident who sent it.
    expect((await fetch(app.baseUrl + photo)).status).to.equal(403)

    // Declined: the answer shows the proposal as the list does, its photo a link that opens.
    const declined = await office.post(`/api/admin/livelihood/proposals/${market.id}/decline`, { note: '菜市场改造已列入商务部门明年计划' })
    expect(declined.status, JSON.stringify(declined.body)).to.equal(200)
    expect(declined.body).to.include({ status: 'not_adopted', note: '菜市场改造已列入商务部门明年计划' })
    expect((await fetch(app.baseUrl + declined.body.photos[0])).status).to.equal(200)

    // The year's ballot asks the city's own deputies (本级): smallCity has one serving, 张伟.
    expect((await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.rollToAsk).to.equal(1)
  })

  it('shows the closed ballot’s count before it is confirmed: turnout, what it took to pass, each project’s votes and fate', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { projectCount: 1 })
    const lift = await propose(await asResident(app), cycle.id)
    const canteen = await propose(await asResident(app), cycle.id, { title: '马庄社区老年食堂', place: '马庄社区' })
    const lifts = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [lift.id] })
    const canteens = await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120, proposalIds: [canteen.id] })
    const started = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })
    expect(started.status, JSON.stringify(started.body)).to.equal(200)
    const ballotId = started.body.ballotSurveyId
    for (const [deputy, choice] of [
      ['dp0001', [lifts.id]],
      ['dp0002', [lifts.id]],
    ] as const) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: choice } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    const open = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(open.ballot).to.include({ closed: false, roll: 5, cast: 2, notVoted: 3, result: null })
    expect(open.rollToAsk, 'asked only while collecting').to.equal(null)

    expect((await office.post(`/api/admin/surveys/${ballotId}/close`)).status).to.equal(200)
    const closed = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(closed.status).to.equal('voting')
    expect(closed.ballot.result).to.deep.include({
      roll: 5,
      cast: 2,
      minVotes: 2,
      turnoutText: '应投票代表 5 人，实际投票 2 人；得票超过实际投票人数的一半（至少 2 票）才能通过。',
      passedText: '计划选出 1 个项目，票决通过 1 个：「老旧小区加装电梯」。',
    })
    expect(closed.ballot.result.projects.map((p: { id: string; votes: number; stateText: string }) => [p.id, p.votes, p.stateText])).to.deep.equal([
      [lifts.id, 2, '当选'],
      [canteens.id, 0, '未通过'],
    ])
    // Only read: nothing is settled and nobody is told until the office confirms.
    expect((await app.liaison.store.outbox.search({ kind: 'ballot.result', limit: 10 })).items).to.deep.equal([])
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)).body).to.include({ status: 'running' })
    expect(
      (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.projects.map((p: { title: string; votes: number }) => [p.title, p.votes]),
    ).to.have.deep.members([
      ['老旧小区加装电梯', 2],
      ['社区老年食堂', 0],
    ])
  })

  it('names the proposal by its title when it is already in another candidate', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const lift = await propose(await asResident(app), cycle.id)
    await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [lift.id] })
    const again = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/candidates`, {
      title: '电梯二期',
      description: '再装一批电梯',
      place: '建设路社区',
      costWan: 100,
      unitId: 'u01',
      proposalIds: [lift.id],
    })
    expect(again.status).to.equal(409)
    expect(again.body.error.code).to.equal('proposal_in_candidate')
    expect(again.body.error.details.map((d: { message: string }) => d.message).join(''))
      .to.include('建设路社区加装电梯')
      .and.not.include(lift.id)
  })
})
