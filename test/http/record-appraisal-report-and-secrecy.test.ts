import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { appraisalPosterLines } from '../../src/services/records/appraisals.js'

// A 1×1 PNG, uploaded as the activity form does (importing records.test.ts's helper would run its suite here too).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
async function uploadPhoto(app: TestApp, bearer: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png')
  const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${bearer}` } })
  return (await answer.json()).url as string
}
const activityBody = (photo: string, over: Record<string, unknown>) => ({
  kind: 'research',
  date: '2026-11-20',
  place: '建设路社区',
  text: '走访建设路社区老旧小区，听取居民对加装电梯的意见。',
  photos: [photo],
  ...over,
})

const OPEN = { year: 2026, opensAt: '2026-12-01T09:00:00+08:00', closesAt: '2026-12-15T18:00:00+08:00' }
const ANSWERS = { overall: 4, verdict: 'satisfied' }

/**
 * 述职评议 of 张伟 (dp0001, 轻工街道站) as the review found it (review 35, findings 7, 8, 13): residents now read the
 * report they judge while they may rate it; he sees only how many took part until it closes (不记名); a colleague of
 * his station does not rate him; empty dates are refused in plain words.
 */
describe('述职评议: the report residents judge, results sealed from the deputy until the close, residents only', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function opened() {
    const answer = await (await asStaff(app, 'sunli')).post('/api/admin/records/dp0001/appraisals', OPEN)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body.surveyId as string
  }

  it('gives a resident the year’s figures and approved activities, masked, only while the appraisal is open', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const visit = await zhang.post(
      '/api/mp/records/activities',
      activityBody(await uploadPhoto(app, zhang.bearer!), { text: '走访建设路社区，王阿姨（电话 13912345678）反映电梯的事。' }),
    )
    await (await asStaff(app, 'lina')).post(`/api/admin/records/activities/${visit.body.id}/review`, { decision: 'approve' })
    await zhang.post('/api/mp/records/activities', activityBody(await uploadPhoto(app, zhang.bearer!), { date: '2026-11-21', text: '还没审核的一次' }))
    const surveyId = await opened()
    const resident = await asResident(app)

    const early = await resident.get(`/api/mp/appraisals/${surveyId}/report`)
    expect(early.status, 'before it opens').to.equal(403)
    expect(early.body.error.message).to.equal('述职评议还没有开始，开始后可以在这里看代表的述职报告')

    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    const report = await resident.get(`/api/mp/appraisals/${surveyId}/report`)
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body).to.include({ title: '张伟代表2026年度履职情况报告', year: 2026 })
    expect(report.body.activities).to.deep.include({ approved: 1, byKind: { research: 1, inspection: 0, reception: 0, other: 0 } })
    expect(
      report.body.activities.items.map((a: { text: string }) => a.text),
      'approved only, the number masked',
    ).to.have.length(1)
    expect(report.body.activities.items[0]).to.include({ date: '2026-11-20', kindLabel: '调研', place: '建设路社区' })
    expect(report.body.activities.items[0].text).to.include('走访建设路社区').and.not.include('13912345678')
    expect(report.body, 'not his points, code or stations').not.to.have.any.keys('points', 'code', 'stationIds')
    expect(JSON.stringify(report.body), 'no photo').not.to.include('/uploads/')

    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    const late = await resident.get(`/api/mp/appraisals/${surveyId}/report`)
    expect(late.status, 'after the close').to.equal(403)
    expect(late.body.error.message).to.equal('述职评议已经结束，这里不再提供代表的述职报告')
  })

  it('shows the deputy only how many took part until it closes, then the results; the office follows the count alike', async () => {
    const surveyId = await opened()
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: ANSWERS })
    await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010102', answers: { overall: 2, verdict: 'unsatisfied' } })
    // Five raters: fewer stay a count for him after the close too (record-appraisal-few-raters).
    for (let i = 0; i < 3; i++)
      await (await asResident(app)).post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010102', answers: { overall: 3, verdict: 'basically' } })
    const zhang = await asDeputy(app, 'dp0001')

    const [open] = (await zhang.get('/api/mp/records/appraisals')).body.items
    expect(open).to.include({ phase: 'open', responses: 5, sealed: true })
    expect(open.questions, 'no rating while it is open').to.deep.equal([])
    const [office] = (await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001/appraisals')).body.items
    expect(office).to.include({ responses: 5, sealed: true })
    expect(office.questions, 'no rating for the office either while it is open').to.deep.equal([])

    app.clock.set(new Date('2026-12-16T02:00:00Z'))
    const [closed] = (await zhang.get('/api/mp/records/appraisals')).body.items
    expect(closed).to.include({ phase: 'closed', responses: 5, sealed: false })
    expect(closed.questions[1].options.map((o: { label: string; count: number }) => `${o.label} ${o.count}`)).to.deep.equal([
      '满意 1',
      '基本满意 3',
      '不满意 1',
    ])
  })

  it('refuses a deputy of his station in words, and tells her so on opening it', async () => {
    const surveyId = await opened()
    app.clock.set(new Date('2026-12-02T02:00:00Z'))
    const colleague = await asDeputy(app, 'dp0002')
    const view = await colleague.get(`/api/mp/appraisals/${surveyId}`)
    expect(view.body.notForYou).to.equal('述职评议请代表联系的社区居民参加，人大代表不参加评议')
    const rated = await colleague.post(`/api/mp/appraisals/${surveyId}/responses`, { regionId: 'c010101', answers: ANSWERS })
    expect(rated.status).to.equal(403)
    expect(rated.body.error).to.include({ code: 'deputy_not_rater', message: '述职评议请代表联系的社区居民参加，人大代表不参加评议' })
    expect((await colleague.get(`/api/mp/appraisals/${surveyId}/report`)).status, 'nor served the report').to.equal(403)
    expect((await (await asResident(app)).get(`/api/mp/appraisals/${surveyId}`)).body.notForYou, 'a resident rates').to.equal(null)
    expect((await app.liaison.store.surveys.get(surveyId))?.responseCount).to.equal(0)
  })

  it('asks for both dates in words when they are left empty, and opens nothing', async () => {
    const empty = await (await asStaff(app, 'sunli')).post('/api/admin/records/dp0001/appraisals', { year: 2026, opensAt: 'T00:00:00+08:00', closesAt: '' })
    expect(empty.status).to.equal(400)
    expect(empty.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal(['请选择开始日期', '请选择结束日期'])
    expect((await app.liaison.store.surveys.search({ limit: 10 })).items).to.have.length(0)
  })

  it('draws the poster for the community board for the office only, saying whom it asks', async () => {
    const surveyId = await opened()
    const poster = await (await asStaff(app, 'sunli')).get<Buffer>(`/api/admin/records/dp0001/appraisals/${surveyId}/poster.png`)
    expect(poster.status).to.equal(200)
    expect(poster.headers.get('content-type')).to.equal('image/png')
    expect(poster.body.subarray(1, 4).toString('latin1'), 'a picture to print').to.equal('PNG')
    expect(appraisalPosterLines('open')).to.deep.equal(['述职评议 · 欢迎参与', '代表联系的社区居民，微信扫一扫参加评议'])
    expect((await (await asStaff(app, 'lina')).get(`/api/admin/records/dp0001/appraisals/${surveyId}/poster.png`)).status, 'station staff').to.equal(403)
    expect((await (await asStaff(app, 'qianqi')).get(`/api/admin/records/dp0001/appraisals/${surveyId}/poster.png`)).status, 'another district').to.equal(404)
    expect((await (await asStaff(app, 'sunli')).get(`/api/admin/records/dp0002/appraisals/${surveyId}/poster.png`)).status, 'not his').to.equal(404)
  })
})
