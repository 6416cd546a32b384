import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { at, candidate, openCycle, propose } from '../helpers/livelihood.js'

// smallCity's deputies are of every level; the default roll (本级: the city's own) would leave most of them out.
const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

/** What a deputy was told of the year's ballot and of their proposals, after `since` (the messages before it, by id). */
const toldAbout = async (app: TestApp, deputyId: string, since: ReadonlySet<string>) =>
  (await app.liaison.store.outbox.search({ recipientId: deputyId, limit: 50 })).items
    .filter((m) => !since.has(m.id) && (m.kind === 'ballot.result' || m.kind === 'livelihood.proposal'))
    .map((m) => ({ kind: m.kind, text: String(m.payload.text) }))

/**
 * A deputy who proposed a project and then voted on the year's ballot is told once, in one message,
 * both the ballot's result and what became of their proposal: not two messages about one ballot.
 */
describe('民生实事: a deputy who proposed and voted hears the result once', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('sends the proposer who voted one message saying both, and the others theirs as before', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { projectCount: 1 })
    // 张 (dp0001) proposes the lift and votes; 李 (dp0002) proposes the park and does not vote.
    const liftIdea = await propose(await asDeputy(app, 'dp0001'), cycle.id)
    const parkIdea = await propose(await asDeputy(app, 'dp0002'), cycle.id, { title: '湛河边口袋公园', description: '河边空地改成口袋公园', place: '湛河边' })
    const lift = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [liftIdea.id] })
    await candidate(office, cycle.id, {
      title: '口袋公园',
      description: '河边空地改成口袋公园',
      place: '湛河边',
      costWan: 80,
      unitId: 'u02',
      proposalIds: [parkIdea.id],
    })
    const started = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })
    expect(started.status, JSON.stringify(started.body)).to.equal(200)
    const ballotId = started.body.ballotSurveyId

    at(app, '2026-12-03T02:00:00Z')
    for (const deputy of ['dp0001', 'dp0003', 'dp0004']) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [lift.id] } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    at(app, '2026-12-10T02:00:00Z')
    // Told earlier that their proposals became candidates: the confirmation is what is read here.
    const before = new Set((await app.liaison.store.outbox.search({ limit: 200 })).items.map((m) => m.id))
    const settled = await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
    expect(settled.status, JSON.stringify(settled.body)).to.equal(200)

    const zhang = await toldAbout(app, 'dp0001', before)
    expect(zhang, JSON.stringify(zhang)).to.have.length(1)
    expect(zhang[0]!.kind).to.equal('ballot.result')
    expect(zhang[0]!.text).to.contain('票决结果：《2027年市民生实事项目代表票决》已确认。')
    expect(zhang[0]!.text).to.contain('实际投票 3 人')
    expect(zhang[0]!.text).to.contain(
      '您提出的民生实事项目建议「建设路社区加装电梯」已列为候选项目「老旧小区加装电梯」，经代表票决通过，列入2027年市民生实事项目，我们会定期公布进展。',
    )

    // The proposer who did not vote hears of her proposal alone; a voter who proposed nothing, of the result alone.
    expect(await toldAbout(app, 'dp0002', before)).to.deep.equal([
      { kind: 'livelihood.proposal', text: '您提出的民生实事项目建议「湛河边口袋公园」已列为候选项目「口袋公园」，在代表票决中未获通过，感谢您的参与。' },
    ])
    const wang = await toldAbout(app, 'dp0003', before)
    expect(wang.map((m) => m.kind)).to.deep.equal(['ballot.result'])
    expect(wang[0]!.text).to.not.contain('您提出的')
  })
})
