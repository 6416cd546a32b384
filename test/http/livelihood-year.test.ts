import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, candidate, openCycle, propose } from '../helpers/livelihood.js'

// smallCity's deputies are of every level; the default roll (本级: the city's own) would leave most of them out.
const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

const outboxTexts = async (app: TestApp, recipientId: string) =>
  (await app.liaison.store.outbox.search({ recipientId, kind: 'livelihood.proposal', limit: 50 })).items.map((m) => String(m.payload.text)).sort()

/**
 * One project's year, 群众提、代表决、政府办、人大评: the office opens the window, residents and a
 * deputy propose, staff merge proposals into candidates, deputies vote, the unit reports four
 * quarters, deputies rate it at year end, and anyone reads the results.
 */
describe('民生实事项目: a project’s year', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('goes from a resident’s proposal to published ratings, each person seeing their part', async () => {
    let office = await asAdmin(app)
    const cycle = await openCycle(office)
    expect(cycle.status).to.equal('collecting')

    // 群众提: two residents and a deputy propose; each sees the state in words.
    const laoli = await asResident(app, 'o-laoli')
    let xiaowang = await asResident(app, 'o-xiaowang')
    let zhang = await asDeputy(app, 'dp0001')
    const cycles = (await laoli.get('/api/mp/livelihood/cycles')).body
    expect(cycles.consent.text).to.contain('您的姓名和联系方式不会公开')
    expect(cycles.items[0]).to.include({ id: cycle.id, statusLabel: '征集项目' })
    const lift1 = await propose(laoli, cycle.id)
    const lift2 = await propose(xiaowang, cycle.id, { title: '光明社区老楼装电梯', place: '光明社区' })
    const canteen = await propose(zhang, cycle.id, { title: '马庄社区老年食堂', description: '马庄社区没有老年食堂，老人吃饭难。', place: '马庄社区' })
    app.clock.advance(60_000)
    const park = await propose(xiaowang, cycle.id, { title: '河边修个口袋公园', description: '湛河边空地改成口袋公园', place: '湛河边' })
    app.clock.advance(60_000)
    const toilet = await propose(laoli, cycle.id, { title: '菜市场修公厕', description: '菜市场附近没有公厕', place: '光明菜市场' })
    expect((await laoli.get('/api/mp/livelihood/proposals')).body.items.map((p: { stateText: string }) => p.stateText)).to.deep.equal([
      '已收到，工作人员正在梳理',
      '已收到，工作人员正在梳理',
    ])
    const listed = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items
    expect(listed.map((p: { title: string; sourceLabel: string }) => `${p.sourceLabel} ${p.title}`)).to.have.members([
      '群众提出 建设路社区加装电梯',
      '群众提出 光明社区老楼装电梯',
      '代表提出 马庄社区老年食堂',
      '群众提出 河边修个口袋公园',
      '群众提出 菜市场修公厕',
    ])
    expect(listed.find((p: { title: string }) => p.title === '马庄社区老年食堂')).to.include({ deputyId: 'dp0001', stationId: 'st001' })

    // Curation: two lift proposals become one candidate; the proposers are told.
    const lifts = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [lift1.id, lift2.id] })
    app.clock.advance(60_000)
    const canteens = await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120, unitId: 'u02', proposalIds: [canteen.id] })
    app.clock.advance(60_000)
    await candidate(office, cycle.id, { title: '口袋公园', costWan: 80, unitId: 'u02', proposalIds: [park.id] })
    const declined = await office.post(`/api/admin/livelihood/proposals/${toilet.id}/decline`, { note: '已列入市容部门今年计划' })
    expect(declined.body).to.include({ status: 'not_adopted' })
    expect(await outboxTexts(app, laoli.userId)).to.deep.equal([
      '您提出的民生实事项目建议「建设路社区加装电梯」已与其他 1 条建议合并，列为候选项目「老旧小区加装电梯」，将由人大代表票决。',
      '您提出的民生实事项目建议「菜市场修公厕」没有列入民生实事候选项目。说明：已列入市容部门今年计划',
    ])
    expect((await laoli.get('/api/mp/livelihood/proposals')).body.items.map((p: { stateText: string }) => p.stateText)).to.deep.equal([
      '没有列入民生实事候选项目。说明：已列入市容部门今年计划',
      '已列为候选项目「老旧小区加装电梯」，等待人大代表票决',
    ])

    // 代表决: the ballot is a survey ballot; deputies vote as on any ballot.
    const voting = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {
      opensAt: '2027-01-05T09:00:00+08:00',
      closesAt: '2027-01-10T18:00:00+08:00',
      roll: EVERY_LEVEL,
    })
    expect(voting.body).to.include({ status: 'voting', statusLabel: '代表票决' })
    const ballotId = voting.body.ballotSurveyId
    at(app, '2027-01-06T02:00:00Z')
    ;[office, zhang] = [await asAdmin(app), await asDeputy(app, 'dp0001')]
    const ballot = (await zhang.get(`/api/mp/surveys/${ballotId}`)).body
    expect(ballot.questions[0].options.map((o: { label: string }) => o.label)).to.deep.equal([
      '老旧小区加装电梯（约 300 万元）',
      '社区老年食堂（约 120 万元）',
      '口袋公园（约 80 万元）',
    ])
    for (const [deputy, choice] of [
      ['dp0001', [lifts.id, canteens.id]],
      ['dp0002', [lifts.id]],
      ['dp0003', [lifts.id, canteens.id]],
      ['dp0004', [canteens.id]],
    ] as const) {
      const vote = await (await asDeputy(app, deputy)).post(`/api/mp/surveys/${ballotId}/responses`, { answers: { projects: choice } })
      expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
    }
    const early = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({ code: 'ballot_not_closed', message: '票决尚未结束' })
    at(app, '2027-01-11T02:00:00Z')
    ;[office, xiaowang] = [await asAdmin(app), await asResident(app, 'o-xiaowang')]
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)).body).to.include({ status: 'running' })
    const year = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body
    expect(year.projects.map((p: { title: string; statusLabel: string; votes: number }) => [p.title, p.statusLabel, p.votes])).to.deep.equal([
      ['老旧小区加装电梯', '年度民生实事项目', 3],
      ['社区老年食堂', '年度民生实事项目', 3],
      ['口袋公园', '票决未通过', 0],
    ])
    expect((await xiaowang.get('/api/mp/livelihood/proposals')).body.items.map((p: { stateText: string }) => p.stateText)).to.deep.equal([
      '已作为候选项目「口袋公园」参加代表票决，未获通过',
      '已列入年度民生实事项目「老旧小区加装电梯」，正在实施',
    ])

    // 政府办: the housing bureau reports each quarter of 2027.
    const bureau = () => new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    expect((await (await bureau()).get('/api/admin/unit/livelihood-projects')).body.items.map((p: { title: string }) => p.title)).to.deep.equal([
      '老旧小区加装电梯',
    ])
    const quarters = [
      [1, 10, '完成选址和居民意见征询', '2027-04-03T02:00:00Z'],
      [2, 40, '12部电梯开工', '2027-07-05T02:00:00Z'],
      [3, 75, '9部电梯完成安装', '2027-10-08T02:00:00Z'],
      [4, 100, '12部电梯全部投入使用', '2027-12-18T02:00:00Z'],
    ] as const
    for (const [quarter, percent, text, when] of quarters) {
      at(app, when)
      const posted = await (await bureau()).post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter, percent, text })
      expect(posted.status, JSON.stringify(posted.body)).to.equal(201)
    }
    const district = await new Client(app.baseUrl).login('wujing', STAFF_PASSWORD)
    await district.post(`/api/admin/unit/livelihood-projects/${canteens.id}/progress`, { quarter: 4, percent: 90, text: '食堂已试运营' })

    ;[office, zhang] = [await asAdmin(app), await asDeputy(app, 'dp0001')]
    // 人大评: at year end the office opens the rating; deputies rate each project once.
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/rating`)).body).to.include({ status: 'rating', statusLabel: '人大评议' })
    const toRate = (await zhang.get('/api/mp/deputy/livelihood/ratings')).body.items[0]
    expect(toRate.projects.map((p: { title: string; progress: unknown[] }) => [p.title, p.progress.length])).to.deep.equal([
      ['老旧小区加装电梯', 4],
      ['社区老年食堂', 1],
    ])
    const grades: Array<[string, string, string]> = [
      ['dp0001', lifts.id, 'satisfied'],
      ['dp0002', lifts.id, 'satisfied'],
      ['dp0003', lifts.id, 'basically_satisfied'],
      ['dp0001', canteens.id, 'unsatisfied'],
    ]
    for (const [deputy, project, grade] of grades) {
      const rated = await (await asDeputy(app, deputy)).post(`/api/mp/deputy/livelihood/projects/${project}/rating`, { grade, comment: '' })
      expect(rated.status, JSON.stringify(rated.body)).to.equal(201)
    }
    const again = await zhang.post(`/api/mp/deputy/livelihood/projects/${lifts.id}/rating`, { grade: 'unsatisfied' })
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_rated', message: '您已经评议过这个项目' })

    // Before publishing, the public sees progress but no results; after, the shares.
    const before = (await new Client(app.baseUrl).get('/api/public/livelihood-projects')).body.items[0]
    expect(before.projects[0]).to.include({ title: '老旧小区加装电梯', percent: 100, unitName: '市住房和城乡建设局', result: null })
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/publish`)).body).to.include({ status: 'published' })
    const published = (await new Client(app.baseUrl).get('/api/public/livelihood-projects')).body.items[0]
    expect(published).to.include({ title: '2027年市民生实事项目', officeName: '市人大常委会办公室', statusLabel: '结果已公布', resultsPublished: true })
    const [liftResult, canteenResult] = published.projects
    expect(liftResult.progress.map((p: { quarterLabel: string; percent: number }) => `${p.quarterLabel} ${p.percent}%`)).to.deep.equal([
      '第1季度 10%',
      '第2季度 40%',
      '第3季度 75%',
      '第4季度 100%',
    ])
    expect(liftResult.result).to.deep.include({ ratings: 3, shares: { satisfied: 67, basically_satisfied: 33, unsatisfied: 0 }, satisfiedShare: 100 })
    expect(canteenResult.result).to.deep.include({ ratings: 1, shares: { satisfied: 0, basically_satisfied: 0, unsatisfied: 100 } })
    expect(JSON.stringify(published)).not.to.contain('proposalIds')
    expect(JSON.stringify(published)).not.to.contain(laoli.userId)
  })
})
