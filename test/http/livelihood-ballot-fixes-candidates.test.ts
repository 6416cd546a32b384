import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { at, candidate, openCycle } from '../helpers/livelihood.js'

const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

/**
 * 提交代表票决 and a correction or withdrawal of a candidate, pressed by two people at the same moment: the deputies
 * are asked about exactly the candidates the year is left with. A correction that comes first stops the press (the
 * office looks again and presses again); one that comes after is refused. A correction never brings back a candidate
 * withdrawn meanwhile.
 */
describe('民生实事: 提交代表票决 and a correction at the same moment', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  const repo = () => app.liaison.store.livelihood
  const year = async (office: Client, cycleId: string) => (await office.get(`/api/admin/livelihood/cycles/${cycleId}`)).body
  const ballots = async (office: Client) => (await office.get('/api/admin/surveys?kind=ballot')).body.items as Array<{ id: string }>
  const options = async (ballotId: string) =>
    ((await (await asDeputy(app, 'dp0001')).get(`/api/mp/surveys/${ballotId}`)).body.questions[0].options as Array<{ label: string }>).map((o) => o.label)
  const press = (office: Client, cycleId: string) => office.post(`/api/admin/livelihood/cycles/${cycleId}/ballot`, { roll: EVERY_LEVEL })

  /** Three candidates entered minutes apart, as an office does. */
  async function threeCandidates(office: Client) {
    const cycle = await openCycle(office)
    const lift = await candidate(office, cycle.id, { title: '老旧小区加装电梯' })
    app.clock.advance(60_000)
    await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120 })
    app.clock.advance(60_000)
    const park = await candidate(office, cycle.id, { title: '口袋公园', costWan: 80, unitId: 'u02' })
    return { cycle, lift, park }
  }

  it('stops the press when a correction and a withdrawal land while it runs; pressed again, the ballot lists the year as left', async () => {
    const office = await asAdmin(app)
    const { cycle, lift, park } = await threeCandidates(office)
    // Another organizer's correction and withdrawal land after this press read the candidates, before it moves the year.
    const startVoting = repo().startVoting
    repo().startVoting = async (...args) => {
      repo().startVoting = startVoting
      expect((await office.patch(`/api/admin/livelihood/candidates/${lift.id}`, { costWan: 280 })).status).to.equal(200)
      expect((await office.post(`/api/admin/livelihood/candidates/${park.id}/withdraw`, { note: '已列入园林部门计划' })).status).to.equal(200)
      return startVoting.apply(repo(), args)
    }
    const stopped = await press(office, cycle.id)
    expect(stopped.status, JSON.stringify(stopped.body)).to.equal(409)
    expect(stopped.body.error).to.deep.equal({
      code: 'candidates_changed',
      message: '候选项目刚刚有了调整，请刷新页面核对候选项目后，再提交代表票决',
      details: [],
    })
    expect((await year(office, cycle.id)).statusLabel).to.equal('征集项目')
    expect(await ballots(office), 'no ballot sent').to.deep.equal([])
    const told = (await app.liaison.store.outbox.search({ recipientId: 'dp0001', limit: 50 })).items.filter((m) => m.kind === 'ballot.published')
    expect(told, 'no deputy told of a ballot').to.deep.equal([])

    const again = await press(office, cycle.id)
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(await options(again.body.ballotSurveyId)).to.deep.equal(['老旧小区加装电梯（约 280 万元）', '社区老年食堂（约 120 万元）'])
  })

  it('refuses a correction read before the press and written after it: the candidate stays as the deputies read it', async () => {
    const office = await asAdmin(app)
    const { cycle, lift } = await threeCandidates(office)
    let started: { status: number; body: { ballotSurveyId: string } } | null = null
    // The correction read the year while it still collected; the press lands before the correction's write.
    const saveCandidate = repo().saveCandidate
    repo().saveCandidate = async (...args) => {
      repo().saveCandidate = saveCandidate
      started = await press(office, cycle.id)
      return saveCandidate.apply(repo(), args)
    }
    const late = await office.patch(`/api/admin/livelihood/candidates/${lift.id}`, { title: '老旧小区加装电梯（改）', costWan: 280 })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.equal({ code: 'curation_closed', message: '已经提交代表票决，不能再调整候选项目', details: [] })
    expect(started!.status).to.equal(200)
    expect(await options(started!.body.ballotSurveyId)).to.deep.equal([
      '老旧小区加装电梯（约 300 万元）',
      '社区老年食堂（约 120 万元）',
      '口袋公园（约 80 万元）',
    ])
    const lifts = (await year(office, cycle.id)).projects.find((p: { id: string }) => p.id === lift.id)
    expect(lifts).to.include({ title: '老旧小区加装电梯', costWan: 300, statusLabel: '候选项目' })
  })

  it('never brings back a candidate withdrawn while a correction of it was on its way', async () => {
    const office = await asAdmin(app)
    const { cycle, park } = await threeCandidates(office)
    const saveCandidate = repo().saveCandidate
    repo().saveCandidate = async (...args) => {
      repo().saveCandidate = saveCandidate
      expect((await office.post(`/api/admin/livelihood/candidates/${park.id}/withdraw`, { note: '已列入园林部门计划' })).status).to.equal(200)
      return saveCandidate.apply(repo(), args)
    }
    const late = await office.patch(`/api/admin/livelihood/candidates/${park.id}`, { costWan: 90 })
    expect(late.status).to.equal(404)
    expect(late.body.error).to.include({ message: '候选项目已经撤回了，请刷新后查看' })
    expect((await year(office, cycle.id)).projects.map((p: { title: string }) => p.title)).to.deep.equal(['老旧小区加装电梯', '社区老年食堂'])
    const started = await press(office, cycle.id)
    expect(started.status, JSON.stringify(started.body)).to.equal(200)
    expect(await options(started.body.ballotSurveyId)).to.deep.equal(['老旧小区加装电梯（约 300 万元）', '社区老年食堂（约 120 万元）'])
  })
})
