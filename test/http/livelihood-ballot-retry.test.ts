import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { at, candidate, openCycle } from '../helpers/livelihood.js'

/**
 * 提交代表票决 stopped half way: the year's ballot was made and sent to the deputies, then the
 * server went down before the year moved on to 代表票决. Meanwhile the office added a candidate and
 * corrected another. Pressing 提交代表票决 again puts the candidates as they are now to the deputies
 * while nobody has voted; once a deputy has, it is refused in words saying what changed.
 */
describe('民生实事: 提交代表票决 again after it stopped half way', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  /** The year with two candidates, put to the ballot by a request that stops (a power cut) just before the year moves on. */
  async function halfStarted(office: Client) {
    const cycle = await openCycle(office, { projectCount: 2 })
    // Entered minutes apart, as an office does: the ballot lists them in that order.
    await candidate(office, cycle.id, { title: '老旧小区加装电梯' })
    app.clock.advance(60_000)
    const park = await candidate(office, cycle.id, { title: '口袋公园', description: '河边空地改成口袋公园', place: '湛河边', costWan: 80, unitId: 'u02' })
    const livelihood = app.liaison.store.livelihood
    const moveCycle = livelihood.moveCycle.bind(livelihood)
    livelihood.moveCycle = async () => {
      livelihood.moveCycle = moveCycle
      throw new Error('断电')
    }
    const stopped = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(stopped.status, JSON.stringify(stopped.body)).to.equal(500)
    const year = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.statusLabel, 'the year did not move on').to.equal('征集项目')
    const [ballot] = (await office.get('/api/admin/surveys?kind=ballot')).body.items as Array<{ id: string; title: string }>
    expect(ballot!.title, 'but its ballot was made').to.equal('2027年市民生实事项目代表票决')
    return { cycle, park, ballotId: ballot!.id }
  }
  const options = async (deputy: Client, ballotId: string) =>
    ((await deputy.get(`/api/mp/surveys/${ballotId}`)).body.questions[0].options as Array<{ label: string }>).map((o) => o.label)

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
