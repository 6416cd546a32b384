import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { surveyBody } from '../helpers/surveys.js'

const OPEN = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }
const ANSWERS = { overall: 4, verdict: 'satisfied', advice: '希望多来社区听听老年人的意见' }

/**
 * 述职评议: the office opens a questionnaire on 张伟's (dp0001, 轻工街道站) yearly report; residents
 * of the communities his station covers rate it once each; the results go to him and the office only.
 */
describe('述职评议: residents of the deputy’s area rate his yearly report', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function opened() {
    const office = await asStaff(app, 'sunli')
    const answer = await office.post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(answer.status).to.equal(201)
    expect(answer.body).to.include({ deputyId: 'dp0001', year: 2026, title: '张伟代表2026年度述职评议' })
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    return answer.body.surveyId as string
  }

  it('is opened by the office only, once per deputy and year, within its scope', async () => {
    const lina = await asStaff(app, 'lina')
    expect((await lina.post('/api/admin/records/dp0001/appraisals', OPEN)).status, 'station staff').to.equal(403)
    expect((await (await asStaff(app, 'qianqi')).post('/api/admin/records/dp0001/appraisals', OPEN)).status, 'another district').to.equal(404)
    const office = await asStaff(app, 'sunli')
    const bad = await office.post('/api/admin/records/dp0001/appraisals', { ...OPEN, closesAt: OPEN.opensAt })
    expect(bad.status, 'well-formed times breaking a rule: 422, as a survey’s').to.equal(422)
    expect(bad.body.error.details).to.deep.equal([{ path: 'body.closesAt', message: '结束时间应晚于开始时间' }])
    expect((await office.post('/api/admin/records/dp0001/appraisals', OPEN)).status).to.equal(201)
    const twice = await office.post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(twice.status).to.equal(409)
    expect(twice.body.error).to.include({ code: 'already_appraised', message: '该代表本年度的述职评议已经开启' })
    expect((await app.liaison.store.surveys.search({ limit: 10 })).items, 'the refused ones made no questionnaire').to.have.length(1)
  })

  it('takes one answer per resident of the area, and none from elsewhere or through the ordinary survey page', async () => {
    const surveyId = await opened()
    const resident = await asResident(app)
    const view = await resident.get(`/api/mp/appraisals/${surveyId}`)
    expect(view.body).to.include({ deputyName: '张伟', year: 2026, responded: false })
    expect(view.body.communities).to.deep.equal([
      { id: 'c010101', name: '建设路社区' },
      { id: 'c010102', name: '光明社区' },
    ])
    const sidestep = await resident.post(`/api/mp/surveys/${surveyId}/responses`, { answers: ANSWERS })
    expect(sidestep.status).to.equal(403)
    expect(sidestep.body.error.code).to.equal('appraisal_area_required')
    const elsewhere = await resident.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010201', answers: ANSWERS })
    expect(elsewhere.status).to.equal(403)
    expect(elsewhere.body.error).to.deep.include({ code: 'not_in_area', message: '仅限该代表联系的社区居民参加评议' })
    expect(
      (await resident.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'g01010101', answers: ANSWERS })).status,
      'a grid of his area',
    ).to.equal(201)
    const again = await resident.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010102', answers: { ...ANSWERS, overall: 1 } })
    expect(again.status).to.equal(409)
    expect(again.body.error.code).to.equal('already_responded')
    const himself = await asDeputy(app, 'dp0001')
    expect((await himself.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: ANSWERS })).body.error.code).to.equal(
      'own_appraisal',
    )
    expect((await app.liaison.store.surveys.get(surveyId))?.responseCount).to.equal(1)
  })

  it("is in no deputy's 我的待办 or daily digest, his own included, nor in residents' (their area is not known): they come by its poster", async () => {
    const plain = await (await asAdmin(app)).post('/api/admin/surveys', surveyBody({ opensAt: OPEN.opensAt, closesAt: OPEN.closesAt }))
    expect(plain.status, JSON.stringify(plain.body)).to.equal(201)
    await opened()
    const office = await asAdmin(app)
    for (const who of [await asDeputy(app, 'dp0001'), await asDeputy(app, 'dp0006'), await asResident(app)]) {
      const titles = ((await who.get('/api/mp/tasks')).body.surveys as Array<{ title: string }>).map((x) => x.title)
      expect(titles, 'an ordinary survey is still asked').to.deep.equal(['社区绿化满意度调查'])
    }
    for (const deputyId of ['dp0001', 'dp0006']) {
      const digest = await office.get(`/api/admin/deputies/${deputyId}/digest?date=2026-12-03`)
      expect(digest.status, JSON.stringify(digest.body)).to.equal(200)
      expect(digest.body.digest.text).to.include('社区绿化满意度调查').and.not.include('述职评议')
      expect(digest.body.digest.counts.surveys).to.equal(1)
    }
  })

  it('shows the results to the deputy and the office, and to nobody else', async () => {
    const surveyId = await opened()
    await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: ANSWERS })
    await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010102', answers: { overall: 2, verdict: 'basically' } })
    // Five raters: fewer are shown to him as a count only (record-appraisal-few-raters).
    for (let i = 0; i < 3; i++)
      await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010102', answers: { overall: 3, verdict: 'basically' } })

    // He reads the ratings once it has closed (until then, only how many took part: record-appraisal-report-and-secrecy).
    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    const mine = (await (await asDeputy(app, 'dp0001')).get('/api/mp/records/appraisals')).body.items
    expect(mine).to.have.length(1)
    expect(mine[0]).to.include({ surveyId, year: 2026, responses: 5, phase: 'closed' })
    expect(mine[0].questions[0]).to.include({ id: 'overall', average: 3 })
    expect(mine[0].questions[1].options.map((o: { label: string; count: number }) => [o.label, o.count])).to.deep.equal([
      ['满意', 1],
      ['基本满意', 4],
      ['不满意', 0],
    ])
    expect((await (await asDeputy(app, 'dp0002')).get('/api/mp/records/appraisals')).body.items, 'another deputy sees none of his').to.deep.equal([])
    const office = (await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001/appraisals')).body.items
    expect(office[0]).to.include({ responses: 5 })
    expect((await (await asStaff(app, 'lina')).get('/api/admin/records/dp0001/appraisals')).status, 'station staff').to.equal(403)
    expect((await (await asStaff(app, 'qianqi')).get('/api/admin/records/dp0001/appraisals')).status, 'another district').to.equal(404)
  })

  it("keeps one opened by the city to the deputy's district: another district's organizers do not follow its results", async () => {
    const city = await asAdmin(app)
    const opened = await city.post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(opened.status).to.equal(201)
    const other = await asStaff(app, 'qianqi')
    expect((await other.get(`/api/admin/surveys/${opened.body.surveyId}/results`)).status).to.equal(404)
    const own = await (await asStaff(app, 'sunli')).get(`/api/admin/surveys/${opened.body.surveyId}/results`)
    expect(own.body.error?.code, "the deputy's district office finds it, sealed until the close").to.equal('appraisal_sealed')
  })
})
