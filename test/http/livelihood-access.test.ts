import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { wholeDirectoryReads } from '../helpers/directory-reads.js'
import { at, candidate, openCycle, proposal, propose } from '../helpers/livelihood.js'

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
    for (let i = 1; i <= 3; i++) await propose(resident, cycle.id, { title: `项目${i}` })
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
    const unit = await staff(app, 'chengang')
    expect((await unit.get('/api/admin/livelihood/cycles')).status).to.equal(403)
    expect((await (await asResident(app)).get('/api/admin/livelihood/cycles')).status).to.equal(401)
    expect((await admin.get(`/api/admin/livelihood/cycles/${zhanhe.id}/proposals`)).body.items[0]).to.include({ status: 'candidate' })
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
