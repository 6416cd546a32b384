import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { at, candidate, openCycle, propose } from '../helpers/livelihood.js'

const staff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
const EVERY_LEVEL = { levels: ['national', 'provincial', 'city', 'county', 'township'] }

/**
 * Before 提交代表票决 the office may correct a candidate (its name, content, place, cost, unit) or take it off the
 * year (撤回): its proposals go back to be sorted, or are not taken up with a reason their proposers are told. Once
 * the ballot is made, both are refused in words (409 curation_closed) and nothing changes; only the year's own
 * office may do either, as only it may make a candidate.
 */
describe('民生实事项目: the office corrects or withdraws a candidate before the ballot', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  const year = async (office: Client, cycleId: string) => (await office.get(`/api/admin/livelihood/cycles/${cycleId}`)).body
  const stateTexts = async (person: Client) => (await person.get('/api/mp/livelihood/proposals')).body.items.map((p: { stateText: string }) => p.stateText)
  const toldTo = async (recipientId: string) =>
    (await app.liaison.store.outbox.search({ recipientId, kind: 'livelihood.proposal', limit: 20 })).items.map((m) => String(m.payload.text)).sort()

  it('corrects a candidate’s name, place and unit, and the deputies vote on it as corrected; after the ballot is made it is refused', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app)
    const lift = await propose(laoli, cycle.id)
    const canteen = await propose(laoli, cycle.id, { title: '马庄社区老年食堂' })
    const made = await candidate(office, cycle.id, { title: '老旧小区装电梯', proposalIds: [lift.id] })
    await candidate(office, cycle.id, { title: '社区老年食堂', costWan: 120, proposalIds: [canteen.id] })

    const corrected = await office.patch(`/api/admin/livelihood/candidates/${made.id}`, {
      title: '老旧小区加装电梯',
      place: '建设路社区、光明社区',
      unitId: 'u02',
    })
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200)
    const lifts = (await year(office, cycle.id)).projects.find((p: { id: string }) => p.id === made.id)
    expect(lifts).to.include({ title: '老旧小区加装电梯', place: '建设路社区、光明社区', unitName: '湛河区人民政府', statusLabel: '候选项目' })
    expect(await stateTexts(laoli), 'she reads the corrected name').to.include('已列为候选项目「老旧小区加装电梯」，等待人大代表票决')
    const blank = await office.patch(`/api/admin/livelihood/candidates/${made.id}`, { title: ' ' })
    expect(blank.status).to.equal(400)
    expect(blank.body.error.details).to.deep.equal([{ path: 'body.title', message: '项目名称不能为空' }])

    const ballot = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, { roll: EVERY_LEVEL })
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(200)
    const options = (await (await asDeputy(app, 'dp0001')).get(`/api/mp/surveys/${ballot.body.ballotSurveyId}`)).body.questions[0].options
    expect(options.map((o: { label: string }) => o.label)).to.include('老旧小区加装电梯（约 300 万元）')

    const late = await office.patch(`/api/admin/livelihood/candidates/${made.id}`, { title: '加装电梯（改）' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.equal({ code: 'curation_closed', message: '已经提交代表票决，不能再调整候选项目', details: [] })
    expect((await year(office, cycle.id)).projects.map((p: { title: string }) => p.title)).to.include('老旧小区加装电梯')
  })

  it('withdraws a candidate: its proposals go back to be sorted, unannounced, and the ballot waits for them', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app)
    const xiaowang = await asResident(app)
    const lift1 = await propose(laoli, cycle.id)
    const lift2 = await propose(xiaowang, cycle.id, { title: '光明社区老楼装电梯' })
    const canteen = await propose(xiaowang, cycle.id, { title: '马庄社区老年食堂' })
    const park = await propose(xiaowang, cycle.id, { title: '河边口袋公园' })
    const lifts = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [lift1.id, lift2.id] })
    await candidate(office, cycle.id, { title: '社区老年食堂', proposalIds: [canteen.id] })
    await candidate(office, cycle.id, { title: '口袋公园', proposalIds: [park.id] })
    const toldBefore = await toldTo(laoli.userId)

    const withdrawn = await office.post(`/api/admin/livelihood/candidates/${lifts.id}/withdraw`)
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).to.equal(200)
    expect(withdrawn.body.proposals.map((p: { title: string; status: string }) => [p.title, p.status])).to.have.deep.members([
      ['建设路社区加装电梯', 'submitted'],
      ['光明社区老楼装电梯', 'submitted'],
    ])
    expect((await year(office, cycle.id)).projects.map((p: { title: string }) => p.title)).to.have.members(['社区老年食堂', '口袋公园'])
    expect(await stateTexts(laoli)).to.deep.equal(['已收到，工作人员正在梳理'])
    expect(await toldTo(laoli.userId), 'told nothing now: the next decision tells her').to.deep.equal(toldBefore)
    const again = await office.post(`/api/admin/livelihood/candidates/${lifts.id}/withdraw`)
    expect(again.status).to.equal(404)
    expect(again.body.error).to.include({ code: 'not_found', message: '候选项目不存在' })

    const held = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(held.status).to.equal(409)
    expect(held.body.error).to.include({ code: 'proposals_unsorted' })
    expect(held.body.error.details.map((d: { message: string }) => d.message)).to.have.members(['建设路社区加装电梯', '光明社区老楼装电梯'])
    // Merged again, corrected: each proposer hears of the candidate it became.
    await candidate(office, cycle.id, { title: '建设路、光明社区老楼加装电梯', proposalIds: [lift1.id, lift2.id] })
    expect(await stateTexts(laoli)).to.deep.equal(['已列为候选项目「建设路、光明社区老楼加装电梯」，等待人大代表票决'])
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})).status).to.equal(200)
  })

  it('withdraws a candidate whose proposals are not taken up, telling each proposer once why, in her page’s words', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const toilet = await propose(laoli, cycle.id, { title: '菜市场修公厕' })
    const toilet2 = await propose(laoli, cycle.id, { title: '光明菜市场旁建公厕' })
    const deputys = await propose(zhang, cycle.id, { title: '菜市场周边公厕改造' })
    const toilets = await candidate(office, cycle.id, { title: '菜市场公厕', proposalIds: [toilet.id, toilet2.id, deputys.id] })

    const blank = await office.post(`/api/admin/livelihood/candidates/${toilets.id}/withdraw`, { note: '  ' })
    expect(blank.status).to.equal(400)
    expect(blank.body.error.details).to.deep.equal([{ path: 'body.note', message: '不列入的理由不能为空' }])
    expect((await year(office, cycle.id)).projects, 'nothing changed').to.have.length(1)

    const withdrawn = await office.post(`/api/admin/livelihood/candidates/${toilets.id}/withdraw`, { note: '已列入市容部门今年计划' })
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).to.equal(200)
    expect((await year(office, cycle.id)).projects).to.deep.equal([])
    const notices = (await toldTo(laoli.userId)).filter((t) => !t.includes('将由人大代表票决'))
    expect(notices).to.deep.equal([
      '您提出的民生实事项目建议「菜市场修公厕」「光明菜市场旁建公厕」原已列为候选项目「菜市场公厕」，经重新研究，没有列入民生实事候选项目。说明：已列入市容部门今年计划',
    ])
    expect(await stateTexts(laoli)).to.deep.equal([
      '没有列入民生实事候选项目。说明：已列入市容部门今年计划',
      '没有列入民生实事候选项目。说明：已列入市容部门今年计划',
    ])
    expect((await toldTo('dp0001')).filter((t) => !t.includes('将由人大代表票决'))).to.deep.equal([
      '您提出的民生实事项目建议「菜市场周边公厕改造」原已列为候选项目「菜市场公厕」，经重新研究，没有列入民生实事候选项目。说明：已列入市容部门今年计划',
    ])
    const listed = (await office.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items
    expect(listed.map((p: { status: string; note: string }) => [p.status, p.note])).to.deep.equal(Array(3).fill(['not_adopted', '已列入市容部门今年计划']))
  })

  it('refuses a withdrawal once the ballot is made, also one judged on the year read just before, and changes nothing', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const laoli = await asResident(app)
    const a = await candidate(office, cycle.id, { title: '老旧小区加装电梯', proposalIds: [(await propose(laoli, cycle.id)).id] })
    await candidate(office, cycle.id, { title: '社区老年食堂', proposalIds: [(await propose(laoli, cycle.id, { title: '老年食堂' })).id] })
    const stale = await app.liaison.store.livelihood.getCycle(cycle.id)
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})).status).to.equal(200)
    const told = await toldTo(laoli.userId)

    const late = await office.post(`/api/admin/livelihood/candidates/${a.id}/withdraw`, { note: '不做了' })
    expect(late.status).to.equal(409)
    expect(late.body.error).to.deep.equal({ code: 'curation_closed', message: '已经提交代表票决，不能再调整候选项目', details: [] })
    // Another instance read the year before 提交代表票决 stored its move: the write reads the stage again.
    const repo = app.liaison.store.livelihood
    const getCycle = repo.getCycle
    repo.getCycle = async (id) => (id === cycle.id ? stale : getCycle.call(repo, id))
    try {
      const raced = await office.post(`/api/admin/livelihood/candidates/${a.id}/withdraw`)
      expect(raced.status).to.equal(409)
      expect(raced.body.error).to.include({ code: 'curation_closed', message: '已经提交代表票决，不能再调整候选项目' })
    } finally {
      repo.getCycle = getCycle
    }
    expect((await year(office, cycle.id)).projects.map((p: { title: string; statusLabel: string }) => [p.title, p.statusLabel])).to.have.deep.members([
      ['老旧小区加装电梯', '候选项目'],
      ['社区老年食堂', '候选项目'],
    ])
    expect(await stateTexts(laoli)).to.have.members([
      '已列为候选项目「社区老年食堂」，等待人大代表票决',
      '已列为候选项目「老旧小区加装电梯」，等待人大代表票决',
    ])
    expect(await toldTo(laoli.userId), 'nobody told').to.deep.equal(told)
  })

  it('lets only the year’s own office correct or withdraw its candidates', async () => {
    const admin = await asAdmin(app)
    const zhanhe = await openCycle(admin, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const city = await openCycle(admin)
    const made = await candidate(admin, zhanhe.id, { title: '湛河区老楼加装电梯', proposalIds: [(await propose(await asResident(app), zhanhe.id)).id] })
    const citys = await candidate(admin, city.id, { title: '全市老楼加装电梯', proposalIds: [(await propose(await asResident(app), city.id)).id] })

    // 钱七 organizes 新华区: 湛河区's year is not hers to see; the city's she follows, read only.
    const qianqi = await staff(app, 'qianqi')
    for (const [path, body] of [
      [`/api/admin/livelihood/candidates/${made.id}/withdraw`, {}],
      [`/api/admin/livelihood/candidates/${made.id}`, { title: '改名' }],
    ] as const) {
      const answer = path.endsWith('withdraw') ? await qianqi.post(path, body) : await qianqi.patch(path, body)
      expect(answer.status, path).to.equal(404)
      expect(answer.body.error.message).to.equal('民生实事年度不存在')
    }
    const followed = await qianqi.post(`/api/admin/livelihood/candidates/${citys.id}/withdraw`)
    expect(followed.status).to.equal(403)
    expect(followed.body.error).to.include({ code: 'outside_scope', message: '只能办理本级人大负责的民生实事项目' })
    // A station's clerk reads; she changes nothing.
    const lina = await staff(app, 'lina')
    expect((await lina.post(`/api/admin/livelihood/candidates/${made.id}/withdraw`)).status).to.equal(403)
    expect((await lina.patch(`/api/admin/livelihood/candidates/${made.id}`, { title: '改名' })).status).to.equal(403)
    expect((await year(admin, zhanhe.id)).projects.map((p: { title: string }) => p.title)).to.deep.equal(['湛河区老楼加装电梯'])
    expect((await year(admin, city.id)).projects.map((p: { title: string }) => p.title)).to.deep.equal(['全市老楼加装电梯'])

    // 孙丽 runs 湛河区's year: she may.
    const sunli = await staff(app, 'sunli')
    expect((await sunli.patch(`/api/admin/livelihood/candidates/${made.id}`, { title: '湛河区老旧小区加装电梯' })).status).to.equal(200)
    expect((await sunli.post(`/api/admin/livelihood/candidates/${made.id}/withdraw`)).status).to.equal(200)
    expect((await year(admin, zhanhe.id)).projects).to.deep.equal([])
  })

  it('says, before 提交代表票决, which congress’s deputies vote and how many are on the roll', async () => {
    const admin = await asAdmin(app)
    const zhanhe = await openCycle(admin, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const city = await openCycle(admin)
    const district = await year(admin, zhanhe.id)
    // 湛河区's own congress: 王芳 is its one 区人大代表; the city's year asks its 市人大代表 (张伟 and the others of level city).
    expect(district).to.include({ rollWords: '区人大代表', rollToAsk: 1 })
    expect(await year(admin, city.id)).to.include({ rollWords: '市人大代表' })
    expect((await year(await staff(app, 'lina'), city.id)).rollWords, 'nothing to ask for one who only reads').to.equal(null)
  })
})
