import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { at, candidate, openCycle } from '../helpers/livelihood.js'

/**
 * 提交代表票决 stopped half way. It moves the year on to 代表票决 first (from then on no candidate changes), then
 * makes the ballot: stopped between the two (the server went down), the year waits at 代表票决 with no ballot, and
 * pressing again makes it, listing the candidates as they were fixed. An earlier version made the ballot first and
 * could stop before moving the year on, while the office kept adding and correcting candidates: pressing again puts
 * the candidates as they are now to the deputies while nobody has voted; once a deputy has, it is refused in words
 * saying what changed.
 */
describe('民生实事: 提交代表票决 again after it stopped half way', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  /** The year with two candidates, entered minutes apart as an office does: the ballot lists them in that order. */
  async function twoCandidates(office: Client) {
    const cycle = await openCycle(office, { projectCount: 2 })
    const lift = await candidate(office, cycle.id, { title: '老旧小区加装电梯' })
    app.clock.advance(60_000)
    const park = await candidate(office, cycle.id, { title: '口袋公园', description: '河边空地改成口袋公园', place: '湛河边', costWan: 80, unitId: 'u02' })
    return { cycle, lift, park }
  }

  /** As an earlier version left it: the year's ballot made and sent to the deputies, the year still at 征集项目. */
  async function halfStarted(office: Client) {
    const { cycle, park } = await twoCandidates(office)
    const livelihood = app.liaison.store.livelihood
    const collecting = (await livelihood.getCycle(cycle.id))!
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})).status).to.equal(200)
    await livelihood.updateCycle(collecting)
    const year = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.statusLabel, 'the year did not move on').to.equal('征集项目')
    const [ballot] = (await office.get('/api/admin/surveys?kind=ballot')).body.items as Array<{ id: string; title: string }>
    expect(ballot!.title, 'but its ballot was made').to.equal('2027年市民生实事项目代表票决')
    return { cycle, park, ballotId: ballot!.id }
  }
  const options = async (deputy: Client, ballotId: string) =>
    ((await deputy.get(`/api/mp/surveys/${ballotId}`)).body.questions[0].options as Array<{ label: string }>).map((o) => o.label)

  it('stopped after the year moved on: no candidate changes meanwhile, and pressing again makes the ballot of those fixed', async () => {
    const office = await asAdmin(app)
    const { cycle, lift } = await twoCandidates(office)
    const surveys = app.liaison.store.surveys
    const create = surveys.create
    surveys.create = async () => {
      surveys.create = create
      throw new Error('断电')
    }
    const stopped = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(stopped.status, JSON.stringify(stopped.body)).to.equal(500)
    expect((await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.statusLabel).to.equal('代表票决')
    expect((await office.get('/api/admin/surveys?kind=ballot')).body.items, 'no ballot yet').to.deep.equal([])
    const fix = await office.patch(`/api/admin/livelihood/candidates/${lift.id}`, { costWan: 280 })
    expect(fix.status).to.equal(409)
    expect(fix.body.error).to.include({ code: 'curation_closed', message: '已经提交代表票决，不能再调整候选项目' })

    const again = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body).to.include({ statusLabel: '代表票决' })
    const zhang = await asDeputy(app, 'dp0001')
    expect(await options(zhang, again.body.ballotSurveyId)).to.deep.equal(['老旧小区加装电梯（约 300 万元）', '口袋公园（约 80 万元）'])
    const told = (await app.liaison.store.outbox.search({ recipientId: 'dp0001', limit: 50 })).items.filter((m) => m.kind === 'ballot.published')
    expect(told, 'told once').to.have.length(1)
    const late = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(late.status).to.equal(409)
    expect(late.body.error.message).to.equal('本年度已经进行过票决')
  })

  it('while nobody has voted, the deputies are asked about the candidates as they are now', async () => {
    const office = await asAdmin(app)
    const { cycle, park, ballotId } = await halfStarted(office)
    app.clock.advance(60_000)
    await candidate(office, cycle.id, { title: '社区老年食堂', description: '开办社区老年食堂', place: '建设路社区', costWan: 120 })
    expect((await office.patch(`/api/admin/livelihood/candidates/${park.id}`, { costWan: 90 })).status).to.equal(200)

    const again = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body).to.include({ statusLabel: '代表票决', ballotSurveyId: ballotId })

    const zhang = await asDeputy(app, 'dp0001')
    expect(await options(zhang, ballotId)).to.deep.equal(['老旧小区加装电梯（约 300 万元）', '口袋公园（约 90 万元）', '社区老年食堂（约 120 万元）'])
    const description = (await zhang.get(`/api/mp/surveys/${ballotId}`)).body.description as string
    expect(description).to.contain('请从 3 个候选项目中选出 2 个作为本年度民生实事项目。')
    expect(description).to.contain('3. 社区老年食堂：开办社区老年食堂（地点：建设路社区；承办单位：市住房和城乡建设局；估算投资约 120 万元）')
    expect((await office.get('/api/admin/surveys?kind=ballot')).body.items, 'still one ballot').to.have.length(1)
    const vote = await zhang.post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [park.id] } })
    expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
  })

  it('once a deputy has voted, it is refused in words saying what changed, and the ballot he voted on stays as it was', async () => {
    const office = await asAdmin(app)
    const { cycle, park, ballotId } = await halfStarted(office)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [park.id] } })).status).to.equal(201)
    app.clock.advance(60_000)
    await candidate(office, cycle.id, { title: '社区老年食堂', description: '开办社区老年食堂', place: '建设路社区', costWan: 120 })

    const again = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(again.status, JSON.stringify(again.body)).to.equal(409)
    expect(again.body.error).to.include({
      code: 'ballot_candidates_changed',
      message:
        '本年度的票决上次提交时已经发给代表，已有 1 位代表投了票，但之后候选项目有了变化：新增了「社区老年食堂」。已投的票不能改投，现在不能提交代表票决，请联系系统管理员处理',
    })
    expect((await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.statusLabel).to.equal('征集项目')
    expect(await options(zhang, ballotId)).to.deep.equal(['老旧小区加装电梯（约 300 万元）', '口袋公园（约 80 万元）'])
  })
})
