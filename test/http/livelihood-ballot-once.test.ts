import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { at, candidate, openCycle, propose, proposal } from '../helpers/livelihood.js'

// smallCity's deputies are of every level; the default roll (本级: the city's own) would leave most of them out.
const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

const told = async (app: TestApp, recipientId: string) =>
  (await app.liaison.store.outbox.search({ recipientId, kind: 'livelihood.proposal', limit: 50 })).items.map((m) => String(m.payload.text))

/**
 * The office puts a year to the deputies' ballot, and its organizer double-clicks (or two organizers
 * press at once): there is one ballot, the deputies vote on it, and the year is counted on their votes.
 */
describe('民生实事: 提交代表票决 pressed twice makes one ballot', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('gives the deputies one ballot, counts the year on it, and moves each later stage once', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { projectCount: 1 })
    const laoli = await asResident(app, 'o-laoli')
    const lift = await propose(laoli, cycle.id)
    const lifts = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [lift.id] })
    await candidate(office, cycle.id, { title: '口袋公园', description: '河边空地改成口袋公园', place: '湛河边', costWan: 80, unitId: 'u02' })

    const presses = await Promise.all([0, 1].map(() => office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })))
    const ok = presses.filter((p) => p.status === 200)
    expect(ok.length, JSON.stringify(presses.map((p) => p.body))).to.be.greaterThan(0)
    for (const p of presses.filter((x) => x.status !== 200)) expect(p.body.error).to.include({ code: 'ballot_exists', message: '本年度已经进行过票决' })
    const ballotId = ok[0]!.body.ballotSurveyId
    expect(ok.map((p) => p.body.ballotSurveyId)).to.deep.equal(ok.map(() => ballotId))

    const ballots = (await office.get('/api/admin/surveys?kind=ballot')).body.items
    expect(ballots.map((b: { title: string }) => b.title)).to.deep.equal(['2027年市民生实事项目代表票决'])
    const zhang = await asDeputy(app, 'dp0001')
    const tasks = (await zhang.get('/api/mp/tasks')).body
    expect(JSON.stringify(tasks).split('2027年市民生实事项目代表票决').length - 1, JSON.stringify(tasks)).to.equal(1)
    const notices = (await app.liaison.store.outbox.search({ recipientId: 'dp0001', limit: 50 })).items.filter((m) => m.kind === 'ballot.published')
    expect(notices).to.have.length(1)
    // Later presses, one at a time, are refused in words too.
    const late = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })
    expect(late.status).to.equal(409)
    expect(late.body.error.message).to.equal('本年度已经进行过票决')

    // The deputies vote on the one ballot they were given.
    at(app, '2026-12-03T02:00:00Z')
    for (const deputy of ['dp0001', 'dp0002', 'dp0003']) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: [lifts.id] } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    at(app, '2026-12-10T02:00:00Z')
    const admin = await asAdmin(app)
    const confirms = await Promise.all([0, 1].map(() => admin.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)))
    expect(confirms.map((c) => c.status).sort()).to.deep.equal([200, 409])
    expect(confirms.find((c) => c.status === 409)!.body.error.code).to.equal('not_voting')
    const year = (await admin.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.projects.map((p: { title: string; statusLabel: string; votes: number }) => `${p.title} · ${p.statusLabel} · ${p.votes}`)).to.have.members([
      '老旧小区加装电梯 · 年度民生实事项目 · 3',
      '口袋公园 · 票决未通过 · 0',
    ])
    expect(await told(app, laoli.userId)).to.include(
      '您提出的民生实事项目建议「建设路社区加装电梯」已列为候选项目「老旧小区加装电梯」，经代表票决通过，列入2027年市民生实事项目，我们会定期公布进展。',
    )

    for (const [step, word] of [
      ['rating', '项目实施阶段才能开始评议'],
      ['publish', '评议阶段才能公布结果'],
    ]) {
      const both = await Promise.all([0, 1].map(() => admin.post(`/api/admin/livelihood/cycles/${cycle.id}/${step}`)))
      expect(both.map((c) => c.status).sort(), step).to.deep.equal([200, 409])
      expect(both.find((c) => c.status === 409)!.body.error.message).to.equal(word)
    }
    const audit = await app.liaison.store.audit.list({ limit: 100 })
    const actions = audit.items.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('livelihood.'))
    for (const a of ['livelihood.ballot_started', 'livelihood.ballot_settled', 'livelihood.rating_opened', 'livelihood.results_published'])
      expect(
        actions.filter((x: string) => x === a),
        a,
      ).to.have.length(1)
  })

  it('never settles a tie at the last place by list order: the office is told, decides, and the project left out is told it passed', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office, { projectCount: 2 })
    const [laoli, xiaowang] = [await asResident(app, 'o-laoli'), await asResident(app, 'o-xiaowang')]
    const liftIdea = await propose(laoli, cycle.id)
    const canteenIdea = await propose(xiaowang, cycle.id, { title: '马庄社区老年食堂', description: '老人吃饭难', place: '马庄社区' })
    // Entered minutes apart, as an office does: the ballot lists them in that order.
    const park = await candidate(office, cycle.id, { title: '口袋公园', costWan: 80, unitId: 'u02' })
    app.clock.advance(60_000)
    const lift = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [liftIdea.id] })
    app.clock.advance(60_000)
    const canteen = await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120, proposalIds: [canteenIdea.id] })
    const started = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })
    const ballotId = started.body.ballotSurveyId

    // Before voting, the deputies read each candidate as the office wrote it, not only a title and a cost.
    at(app, '2026-12-03T02:00:00Z')
    const ballot = (await (await asDeputy(app, 'dp0001')).get(`/api/mp/surveys/${ballotId}`)).body
    expect(ballot.description).to.contain('老旧小区加装电梯：为老旧小区加装电梯（地点：湛河区；承办单位：市住房和城乡建设局；估算投资约 300 万元）')
    // The console says when the count can be confirmed, and how many have not voted.
    let year = (await (await asAdmin(app)).get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.ballot, JSON.stringify(year)).to.include({ closed: false, roll: 5, cast: 0, tieText: null })

    // 公园 4 votes; 电梯 and 食堂 3 each, for the one place left.
    const votes: Array<[string, string[]]> = [
      ['dp0001', [park.id, lift.id]],
      ['dp0002', [park.id, canteen.id]],
      ['dp0003', [park.id, lift.id]],
      ['dp0004', [lift.id, canteen.id]],
      ['dp0005', [park.id, canteen.id]],
    ]
    for (const [deputy, projects] of votes) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    at(app, '2026-12-10T02:00:00Z')
    const admin = await asAdmin(app)
    const tieText = '票数相同，需主任会议决定：第2名并列，老旧小区加装电梯、社区老年食堂 各 3 票，只剩 1 个名额'
    year = (await admin.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.ballot).to.include({ closed: true, cast: 5, tieText })
    const results = (await admin.get(`/api/admin/surveys/${ballotId}/results`)).body
    expect(results.ballot.tieText).to.equal(tieText.replace('老旧小区加装电梯、社区老年食堂', '老旧小区加装电梯（约 300 万元）、社区老年食堂（约 120 万元）'))
    expect(results.ballot.chosen.map((c: { label: string }) => c.label)).to.deep.equal(['口袋公园（约 80 万元）'])

    const refused = await admin.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'ballot_tied', message: `${tieText}。请主任会议决定后，再确认票决结果` })
    // Nobody is told an outcome while the tie stands.
    expect([...(await told(app, laoli.userId)), ...(await told(app, xiaowang.userId))].filter((t) => /代表票决(中|通过)/.test(t))).to.deep.equal([])

    const decided = await admin.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`, {
      tieDecision: { chosen: [canteen.id], basis: '主任会议决定（第5次）' },
    })
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200)
    year = (await admin.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.projects.map((p: { title: string; statusLabel: string; votes: number }) => `${p.title} · ${p.statusLabel} · ${p.votes}`)).to.have.members([
      '口袋公园 · 年度民生实事项目 · 4',
      '社区老年食堂 · 年度民生实事项目 · 3',
      '老旧小区加装电梯 · 得票过半，名额已满 · 3',
    ])
    expect(await told(app, laoli.userId)).to.include(
      '您提出的民生实事项目建议「建设路社区加装电梯」已列为候选项目「老旧小区加装电梯」，在代表票决中得票过半，但年度项目名额已满，这次没有列入，感谢您的参与。',
    )
    expect((await laoli.get('/api/mp/livelihood/proposals')).body.items[0].stateText).to.equal(
      '已作为候选项目「老旧小区加装电梯」参加代表票决，得票过半，但年度项目名额已满，没有列入',
    )
    expect((await told(app, laoli.userId)).join()).not.to.contain('未获通过')
  })

  it('records a proposal sent again after a lost answer once: the resend is answered as the first', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app, 'o-laoli')
    const body = proposal()
    const key = { 'Idempotency-Key': 'lp-7f3a9c' }
    const sends = await Promise.all([0, 1].map(() => laoli.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, body, key)))
    expect(sends.filter((x) => x.status === 201).length, JSON.stringify(sends.map((x) => x.body))).to.be.greaterThan(0)
    const resend = await laoli.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, body, key)
    expect(resend.status).to.equal(201)
    expect(
      (await laoli.get('/api/mp/livelihood/proposals')).body.items.map((p: { title: string; stateText: string }) => `${p.title} · ${p.stateText}`),
    ).to.deep.equal(['建设路社区加装电梯 · 已收到，工作人员正在梳理'])
  })
})
