import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'
import { candidate, openCycle } from '../helpers/livelihood.js'
import { BANK_CSV, DAY } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * "Start now" is the server's now. The console sends no start time when the organizer means now:
 * an office PC whose clock runs ahead would otherwise open a survey that residents are told
 * 尚未开始 (or, behind, one that started in the past). Each item opened without a time is open at
 * once by the server's clock, and says it started at that moment.
 */
describe('start now, by the server’s clock', () => {
  let app: TestApp
  let office: Client
  const NOW = '2026-12-02T02:00:00.000Z'
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    app.clock.set(new Date(NOW))
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('a survey sent without an opening time is open at once, and a resident answers', async () => {
    const created = await office.post('/api/admin/surveys', { ...surveyBody(), opensAt: undefined, closesAt: '2026-12-20T18:00:00+08:00' })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect(created.body).to.include({ opensAt: NOW, phase: 'open' })
    const resident = await asResident(app)
    expect((await resident.get(`/api/mp/surveys/${created.body.shortCode}`)).body).to.include({ phase: 'open' })
    const answered = await resident.post(`/api/mp/surveys/${created.body.id}/responses`, { answers: { q1: 'o2', q3: 4 } })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(201)
  })

  it('a draft saved without an opening time opens as soon as it is published', async () => {
    const created = await office.post('/api/admin/surveys', { ...surveyBody(), opensAt: undefined, closesAt: '2026-12-20T18:00:00+08:00', draft: true })
    expect(created.body).to.include({ opensAt: NOW, status: 'draft' })
    app.clock.advance(30 * 60_000)
    const published = await office.post(`/api/admin/surveys/${created.body.id}/publish`)
    expect(published.body).to.include({ phase: 'open' })
    const answered = await (await asResident(app)).post(`/api/mp/surveys/${created.body.id}/responses`, { answers: { q1: 'o2', q3: 5 } })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(201)
  })

  it('a quiz sent without an opening time can be taken at once', async () => {
    const created = await office.post('/api/admin/quizzes', {
      title: '代表法知识竞赛',
      drawCount: 5,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
      closesAt: new Date(Date.parse(NOW) + DAY).toISOString(),
      audience: 'public',
      draft: true,
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect(created.body).to.include({ opensAt: NOW })
    expect((await office.post(`/api/admin/quizzes/${created.body.id}/questions/import`, { csv: BANK_CSV })).status).to.equal(201)
    expect((await office.post(`/api/admin/quizzes/${created.body.id}/publish`)).status).to.equal(200)
    const paper = await (await asResident(app)).post(`/api/mp/quizzes/${created.body.id}/attempts`)
    expect(paper.status, JSON.stringify(paper.body)).to.equal(201)
    expect(paper.body.questions).to.have.length(5)
  })

  it('a campaign sent without a start is running from now', async () => {
    const created = await office.post('/api/admin/campaigns', {
      title: '学习贯彻代表法',
      endsAt: '2027-01-01T00:00:00+08:00',
      audience: { districtIds: ['d01'] },
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect(created.body).to.include({ startsAt: NOW, phase: 'running' })
  })

  it('a campaign that would end before now is refused as ending in the past, creating nothing', async () => {
    const refused = await office.post('/api/admin/campaigns', { title: '学习', endsAt: '2026-12-01T00:00:00+08:00', audience: { districtIds: ['d01'] } })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.message).to.equal('结束时间已经过去，请选以后的时间')
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.endsAt', message: '结束时间已过' }])
    expect((await office.get('/api/admin/campaigns')).body.items).to.deep.equal([])
  })

  it('民生实事: a ballot started with no times opens now and runs a week; a deputy votes at once', async () => {
    const cycle = await openCycle(office, { opensAt: '2026-11-01T00:00:00+08:00' })
    const lifts = await candidate(office, cycle.id, { title: '老旧小区加装电梯' })
    await candidate(office, cycle.id, { title: '社区老年食堂', unitId: 'u02' })
    const voting = await office.post(`/api/admin/livelihood/cycles/${cycle.id}/ballot`, {})
    expect(voting.status, JSON.stringify(voting.body)).to.equal(200)
    const ballot = (await office.get(`/api/admin/surveys/${voting.body.ballotSurveyId}`)).body
    expect(ballot).to.include({ opensAt: NOW, closesAt: '2026-12-09T02:00:00.000Z', phase: 'open' })
    const vote = await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${voting.body.ballotSurveyId}/responses`, { answers: { projects: [lifts.id] } })
    expect(vote.status, JSON.stringify(vote.body)).to.equal(201)
  })
})
