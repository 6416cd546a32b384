import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { wholeDirectoryReads } from '../helpers/directory-reads.js'
import { at, candidate, openCycle, proposal, propose, runningProject, uploadPhoto } from '../helpers/livelihood.js'

const staff = (app: TestApp, username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)

/** Who may do what with 民生实事项目, and what a refusal looks like (nothing changes). */
describe('民生实事项目: every role’s limits', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2026-12-02T02:00:00Z')
  })
  afterEach(() => app.close())

  it('takes a resident’s proposals only in the window, with consent, a few per year, and refuses bad input', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const resident = await asResident(app)
    const missing = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, { title: '', place: '建设路', consentVersion: 'lp-2026-1' })
    expect(missing.status).to.equal(400)
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['body.title', 'body.description'])
    const oldConsent = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ consentVersion: 'lp-2025-1' }))
    expect(oldConsent.status).to.equal(409)
    expect(oldConsent.body.error.code).to.equal('consent_outdated')
    const foreignPhoto = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ photos: ['https://elsewhere.example/p.jpg'] }))
    expect(foreignPhoto.status).to.equal(422)
    expect(foreignPhoto.body.error).to.include({ code: 'unknown_image', message: '图片无效，请重新上传' })
    const first = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ title: '项目1' }))
    expect(first.status).to.equal(201)
    expect(first.body, 'the answer names the year it went to').to.include({ cycleTitle: '2027年市民生实事项目', stateText: '已收到，工作人员正在梳理' })
    for (let i = 2; i <= 3; i++) await propose(resident, cycle.id, { title: `项目${i}` })
    const fourth = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal())
    expect(fourth.status).to.equal(409)
    expect(fourth.body.error).to.include({ code: 'proposal_limit', message: '每人每年最多提出 3 个项目建议' })

    at(app, '2026-12-31T00:00:00+08:00')
    const late = await (await asResident(app)).post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal())
    expect(late.status).to.equal(409)
    expect(late.body.error).to.include({ code: 'collection_closed', message: '项目征集已经结束' })
    expect((await (await asAdmin(app)).get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)).body.items).to.have.length(3)
  })

  it('lets a deputy propose only to the city’s cycle or their own district’s', async () => {
    const admin = await asAdmin(app)
    const other = await openCycle(admin, { office: 'd02', title: '2027年新华区民生实事项目' })
    const own = await openCycle(admin, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const deputy = await asDeputy(app, 'dp0004')
    const refused = await deputy.post(`/api/mp/livelihood/cycles/${other.id}/proposals`, proposal())
    expect(refused.status).to.equal(403)
    expect(refused.body.error.code).to.equal('outside_scope')
    await propose(deputy, own.id)
    const mine = (await deputy.get('/api/mp/livelihood/proposals')).body.items
    expect(mine.map((p: { cycleTitle: string }) => p.cycleTitle)).to.deep.equal(['2027年湛河区民生实事项目'])
  })

  it('holds a district office to its own cycle, and station staff to reading', async () => {
    const admin = await asAdmin(app)
    const zhanhe = await openCycle(admin, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const p = await propose(await asResident(app), zhanhe.id)
    const xinhua = await staff(app, 'qianqi')
    expect((await xinhua.get('/api/admin/livelihood/cycles')).body.items).to.deep.equal([])
    expect((await xinhua.get(`/api/admin/livelihood/cycles/${zhanhe.id}`)).status).to.equal(404)
    const created = await xinhua.post(`/api/admin/livelihood/cycles/${zhanhe.id}/candidates`, {
      title: '电梯',
      description: '装',
      place: '湛河',
      costWan: 1,
      unitId: 'u01',
      proposalIds: [p.id],
    })
    expect(created.status).to.equal(404)
    const elsewhere = await xinhua.post('/api/admin/livelihood/cycles', {
      office: 'd01',
      year: 2028,
      title: '越权',
      opensAt: '2026-12-01T00:00:00+08:00',
      closesAt: '2026-12-31T00:00:00+08:00',
      projectCount: 1,
    })
    expect(elsewhere.status).to.equal(403)
    expect(elsewhere.body.error.code).to.equal('outside_scope')
    const sunli = await staff(app, 'sunli')
    await candidate(sunli, zhanhe.id, { title: '老旧小区加装电梯', proposalIds: [p.id] })

    const lina = await staff(app, 'lina')
    expect((await lina.get('/api/admin/livelihood/cycles')).body.items.map((c: { id: string }) => c.id)).to.deep.equal([zhanhe.id])
    const write = await lina.post(`/api/admin/livelihood/proposals/${p.id}/decline`, { note: '不办' })
    expect(write.status).to.equal(403)
    // The page offers acting only to whom the writes allow: the district's office, not its station's staff.
    expect((await lina.get(`/api/admin/livelihood/cycles/${zhanhe.id}`)).body.mayAct).to.equal(false)
    expect((await sunli.get(`/api/admin/livelihood/cycles/${zhanhe.id}`)).body.mayAct).to.equal(true)
    expect((await admin.get(`/api/admin/livelihood/cycles/${zhanhe.id}`)).body.mayAct).to.equal(true)
    const unit = await staff(app, 'chengang')
    expect((await unit.get('/api/admin/livelihood/cycles')).status).to.equal(403)
    expect((await (await asResident(app)).get('/api/admin/livelihood/cycles')).status).to.equal(401)
    expect((await admin.get(`/api/admin/livelihood/cycles/${zhanhe.id}/proposals`)).body.items[0]).to.include({ status: 'candidate' })
  })

  it("shows a street's organizer their district's cycle and the city's to read, and refuses their changes in words", async () => {
    await app.close()
    const city = caseCity()
    city.staff.push({ id: 'sf09', name: '周敏', role: 'organizer', stationIds: [], regionIds: ['s0102'], username: 'zhoumin', password: STAFF_PASSWORD })
    app = await startApp({ directory: city })
    at(app, '2026-12-02T02:00:00Z')
    const admin = await asAdmin(app)
    const ownDistrict = await openCycle(admin, { office: 'd01', title: '2027年湛河区民生实事项目' })
    const cityYear = await openCycle(admin)
    await openCycle(admin, { office: 'd02', title: '2027年新华区民生实事项目' })
    const p = await propose(await asResident(app), ownDistrict.id)
    const zhoumin = await staff(app, 'zhoumin')
    const titles = (await zhoumin.get('/api/admin/livelihood/cycles')).body.items.map((c: { title: string }) => c.title)
    expect(titles).to.have.members(['2027年湛河区民生实事项目', '2027年市民生实事项目'])
    expect((await zhoumin.get(`/api/admin/livelihood/cycles/${ownDistrict.id}/proposals`)).body.items).to.have.length(1)
    const declined = await zhoumin.post(`/api/admin/livelihood/proposals/${p.id}/decline`, { note: '不办' })
    expect(declined.status).to.equal(403)
    expect(declined.body.error).to.include({ code: 'outside_scope', message: '只能办理本级人大负责的民生实事项目' })
    expect((await zhoumin.post(`/api/admin/livelihood/cycles/${cityYear.id}/ballot`, {})).status).to.equal(403)
    expect((await zhoumin.get(`/api/admin/livelihood/cycles/${ownDistrict.id}`)).body.mayAct).to.equal(false)
    expect((await zhoumin.get(`/api/admin/livelihood/cycles/${cityYear.id}`)).body.mayAct).to.equal(false)
  })

  it('shows residents’ ID and phone numbers in a proposal only to the office that curates it', async () => {
    const cycle = await openCycle(await asAdmin(app))
    const resident = await asResident(app)
    const photo = await uploadPhoto(app, resident, 'her-door.jpg')
    await propose(resident, cycle.id, { description: '我是东安社区李淑珍，身份证410102195501011234，电话13700001111，腿脚不便', photos: [photo] })
    const read = async (who: Client) => {
      const answer = await who.get(`/api/admin/livelihood/cycles/${cycle.id}/proposals`)
      expect(answer.status).to.equal(200)
      return answer.body.items[0] as { description: string; photos: string[] }
    }
    // 王五 keeps a station of another district; 钱七 organizes only 新华区: both follow the city's year. A photo
    // may show her face or her door: those who only follow get none, as they get no number.
    for (const follower of ['wangwu', 'qianqi']) {
      const shown = await read(await staff(app, follower))
      expect(shown.description, follower).to.equal('我是东安社区李淑珍，身份证（已隐去），电话（已隐去），腿脚不便')
      expect(shown.photos, follower).to.deep.equal([])
    }
    const whole = await read(await asAdmin(app))
    expect(whole.description, 'the office that curates reads it whole').to.include('13700001111')
    expect(whole.photos, 'and sees her photo').to.have.length(1)
  })

  it('lets a district office give a candidate only to a city-level unit or one of its own district', async () => {
    const admin = await asAdmin(app)
    const xinhua = await openCycle(admin, { office: 'd02', title: '2027年新华区民生实事项目' })
    const p = await propose(await asResident(app), xinhua.id)
    const qianqi = await staff(app, 'qianqi') // organizer of 新华区; u02 is 湛河区人民政府
    const body = { title: '老旧小区加装电梯', description: '装电梯', place: '新华区', costWan: 300, proposalIds: [p.id] }
    const refused = await qianqi.post(`/api/admin/livelihood/cycles/${xinhua.id}/candidates`, { ...body, unitId: 'u02' })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({ code: 'unit_out_of_scope', message: '湛河区人民政府不属于您负责的区县，只能选市级单位或本区县的承办单位' })
    expect((await admin.get(`/api/admin/livelihood/cycles/${xinhua.id}`)).body.projects, 'nothing created').to.deep.equal([])
    const made = await candidate(qianqi, xinhua.id, { ...body, unitId: 'u01' })
    const moved = await qianqi.patch(`/api/admin/livelihood/candidates/${made.id}`, { unitId: 'u02' })
    expect(moved.status).to.equal(422)
    expect((await admin.get(`/api/admin/livelihood/cycles/${xinhua.id}`)).body.projects[0].unitId).to.equal('u01')
  })

  it('refuses a collection window that ends before it begins as a time rule (422), in words, and opens nothing', async () => {
    const office = await asAdmin(app)
    const refused = await office.post('/api/admin/livelihood/cycles', {
      office: 'city',
      year: 2027,
      title: '2027年市民生实事项目',
      opensAt: '2026-12-31T00:00:00+08:00',
      closesAt: '2026-12-01T00:00:00+08:00',
      projectCount: 2,
    })
    // Well-formed dates in the wrong order: 400 is for what the schema refuses (DESIGN.md), as in every other form.
    expect(refused.status, JSON.stringify(refused.body)).to.equal(422)
    expect(refused.body.error).to.deep.include({
      code: 'bad_schedule',
      message: '征集结束时间须晚于开始时间',
      details: [{ path: 'body.closesAt', message: '征集结束时间须晚于开始时间' }],
    })
    expect((await office.get('/api/admin/livelihood/cycles')).body.items, 'nothing opened').to.deep.equal([])
  })

  it('refuses progress for a quarter that has not begun, so the public page never shows work not yet done', async () => {
    at(app, '2026-09-30T23:30:00+08:00')
    await runningProject(app, 'u01') // the 2026 project of 市住建局
    const bureau = await staff(app, 'chengang')
    const early = await bureau.post('/api/admin/unit/livelihood-projects/lpj-photos/progress', { quarter: 4, percent: 100, text: '已完工' })
    expect(early.status).to.equal(422)
    expect(early.body.error).to.include({ code: 'quarter_not_begun', message: '2026年第4季度还没有开始（2026年10月1日起），不能提前填报进展' })
    expect(early.body.error.details[0].path).to.equal('body.quarter')
    const shown = (await (await asResident(app)).get('/api/public/livelihood-projects')).body
    expect(JSON.stringify(shown), 'nothing published').not.to.include('已完工')
    at(app, '2026-10-01T00:00:00+08:00')
    const onTime = await (
      await staff(app, 'chengang')
    ).post('/api/admin/unit/livelihood-projects/lpj-photos/progress', { quarter: 4, percent: 80, text: '主体完工' })
    expect(onTime.status, JSON.stringify(onTime.body)).to.equal(201)
  })

  it('holds the ballot until every proposal is sorted, and tells a proposer only once why theirs was not taken', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const resident = await asResident(app)
    const [a, b, c] = [
      await propose(resident, cycle.id),
      await propose(resident, cycle.id, { title: '食堂' }),
      await propose(resident, cycle.id, { title: '公厕' }),
    ]
    const lifts = await candidate(office, cycle.id, { title: '加装电梯', proposalIds: [a.id] })
    await candidate(office, cycle.id, { title: '老年食堂', unitId: 'u02', proposalIds: [b.id] })
    const ballot = { opensAt: '2027-01-05T09:00:00+08:00', closesAt: '2027-01-10T18:00:00+08:00' }
    const held = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, ballot)
    expect(held.status).to.equal(409)
    expect(held.body.error).to.include({
      code: 'proposals_unsorted',
      message: '还有 1 条项目建议没有梳理：请列入候选项目或说明不列入的理由后，再提交代表票决',
    })
    expect(held.body.error.details).to.deep.equal([{ path: 'proposals', message: '公厕' }])
    expect((await office.get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.status, 'still collecting').to.equal('collecting')

    expect((await office.post(`/api/admin/livelihood/proposals/${c.id}/decline`, { note: '已列入市容计划' })).status).to.equal(200)
    const twice = await office.post(`/api/admin/livelihood/proposals/${c.id}/decline`, { note: '换个说法' })
    expect(twice.status).to.equal(409)
    expect(twice.body.error).to.include({ code: 'proposal_declined', message: '该建议已说明不列入：已列入市容计划' })
    const notices = (await app.liaison.store.outbox.search({ kind: 'livelihood.proposal', limit: 20 })).items
    expect(notices.filter((m) => (m.payload as { text: string }).text.includes('没有列入')).length, 'one notice').to.equal(1)

    const nothing = await office.patch(`/api/admin/livelihood/candidates/${lifts.id}`, {})
    expect(nothing.status).to.equal(400)
    expect(nothing.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['请至少修改一项'])
    expect((await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, ballot)).status).to.equal(200)
  })

  it("serves a station's staff their cycles from the shared directory, not a whole-directory read per page", async () => {
    const zhanhe = await openCycle(await asAdmin(app), { office: 'd01', title: '2027年湛河区民生实事项目' })
    const lina = await staff(app, 'lina')
    expect((await lina.get('/api/admin/livelihood/cycles')).status, 'the shared directory read once here').to.equal(200)
    const reads = await wholeDirectoryReads(app, async () => {
      for (let i = 0; i < 3; i++) {
        expect((await lina.get('/api/admin/livelihood/cycles')).body.items.map((c: { id: string }) => c.id)).to.deep.equal([zhanhe.id])
        expect((await lina.get(`/api/admin/livelihood/cycles/${zhanhe.id}`)).status).to.equal(200)
      }
    })
    expect(reads, 'whole-directory reads while she reads').to.equal(0)
  })

  it('lets a unit report only on its own running projects, and only deputies on the roll rate', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const [a, b] = [await propose(await asResident(app), cycle.id), await propose(await asResident(app), cycle.id, { title: '食堂' })]
    const lifts = await candidate(office, cycle.id, { title: '加装电梯', proposalIds: [a.id] })
    await candidate(office, cycle.id, { title: '老年食堂', unitId: 'u02', proposalIds: [b.id] })
    const early = await (
      await staff(app, 'chengang')
    ).post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 5, text: '开工' })
    expect(early.status).to.equal(409)
    expect(early.body.error.code).to.equal('not_running')
    const ballot = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {
      opensAt: '2027-01-05T09:00:00+08:00',
      closesAt: '2027-01-10T18:00:00+08:00',
      roll: { deputyIds: ['dp0001', 'dp0002'] },
    })
    at(app, '2027-01-06T02:00:00Z')
    await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${ballot.body.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } })
    at(app, '2027-01-11T02:00:00Z')
    const settled = await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/ballot-result`)
    expect(settled.body.status).to.equal('running')

    const otherUnit = await staff(app, 'wujing')
    const notTheirs = await otherUnit.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 5, text: '开工' })
    expect(notTheirs.status).to.equal(404)
    const bureau = await staff(app, 'chengang')
    const bad = await bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 5, percent: 120, text: '' })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).to.have.members(['body.quarter', 'body.percent', 'body.text'])
    const organizer = await staff(app, 'sunli')
    expect((await organizer.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 5, text: '开工' })).status).to.equal(403)
    expect((await (await asAdmin(app)).get(`/api/admin/livelihood/cycles/${cycle.id}`)).body.projects[0].progress).to.deep.equal([])

    const notYet = await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/livelihood/projects/${lifts.id}/rating`, { grade: 'satisfied' })
    expect(notYet.status).to.equal(409)
    expect(notYet.body.error.code).to.equal('rating_closed')
    await (await asAdmin(app)).post(`/api/admin/livelihood/cycles/${cycle.id}/rating`)
    const offRoll = await (await asDeputy(app, 'dp0003')).post(`/api/mp/deputy/livelihood/projects/${lifts.id}/rating`, { grade: 'satisfied' })
    expect(offRoll.status).to.equal(403)
    expect(offRoll.body.error.code).to.equal('not_on_roll')
    const resident = await (await asResident(app)).post(`/api/mp/deputy/livelihood/projects/${lifts.id}/rating`, { grade: 'satisfied' })
    expect(resident.status).to.equal(403)
    const badGrade = await (await asDeputy(app, 'dp0002')).post(`/api/mp/deputy/livelihood/projects/${lifts.id}/rating`, { grade: 'great' })
    expect(badGrade.status).to.equal(400)
    expect(badGrade.body.error.details[0]).to.deep.equal({ path: 'body.grade', message: '请选择满意、基本满意或不满意' })
  })
})
