import { expect } from 'chai'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { ballotBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

const FRIDAY_10 = new Date('2026-11-27T02:00:00Z') // Friday 10:00 in Asia/Shanghai, four days after the Monday draft

/**
 * A draft's empty start is "when it is published": a draft saved on Monday and published on
 * Friday opened on Friday, not on Monday, as its page
 * and the deputies' notices say.
 */
describe('a draft with no start opens when it is published', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => ({ app, office } = await surveyOffice()))
  afterEach(() => app.close())

  it('refuses at 新建 a survey, draft or not, whose end has already passed, at the end, once; nothing is saved', async () => {
    // Monday 10:00: a start and an end both last week, as a form copied from an old survey keeps them.
    const lastWeek = { opensAt: '2026-11-16T09:00:00+08:00', closesAt: '2026-11-20T17:00:00+08:00' }
    for (const body of [
      surveyBody({ ...lastWeek, draft: true }),
      surveyBody({ ...lastWeek }),
      surveyBody({ opensAt: undefined, closesAt: '2026-11-23T09:00:00+08:00', draft: true }),
    ]) {
      const refused = await office.post('/api/admin/surveys', body)
      expect(refused.status, JSON.stringify(body)).to.equal(422)
      expect(refused.body.error).to.deep.equal({
        code: 'invalid_survey',
        message: '问卷设置有误',
        details: [{ path: 'body.closesAt', message: '结束时间已经过去了，请选一个以后的时间' }],
      })
    }
    expect((await office.get('/api/admin/surveys')).body.items, 'nothing saved').to.deep.equal([])
    const later = await office.post(
      '/api/admin/surveys',
      surveyBody({ opensAt: '2026-11-16T09:00:00+08:00', closesAt: '2026-11-23T10:30:00+08:00', draft: true }),
    )
    expect(later.status, 'an end still to come, whatever the start').to.equal(201)
  })

  it('reads "opens when published" while a draft, and opens at the publishing, not at the saving', async () => {
    const created = await office.post('/api/admin/surveys', surveyBody({ opensAt: undefined, draft: true, audience: { deputyIds: ['dp0001'] } }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect(created.body).to.include({ status: 'draft', opensOnPublish: true })

    app.clock.set(FRIDAY_10)
    office = await asAdmin(app) // Monday's session has lapsed by Friday
    expect((await office.get(`/api/admin/surveys/${created.body.id}`)).body, 'still a draft on Friday: it opens when published').to.include({
      opensOnPublish: true,
    })
    const published = await office.post(`/api/admin/surveys/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body).to.include({ opensAt: FRIDAY_10.toISOString(), phase: 'open', opensOnPublish: false })
    expect((await app.liaison.store.surveys.get(created.body.id))!.opensAt.toISOString(), 'as stored').to.equal(FRIDAY_10.toISOString())
  })

  it('keeps a start still to come, and a ballot published later opens then', async () => {
    const later = await office.post('/api/admin/surveys', surveyBody({ opensAt: '2026-11-28T09:00:00+08:00', draft: true }))
    expect(later.body, 'a start to come is the start').to.include({ opensOnPublish: false, phase: 'scheduled' })
    const ballot = await office.post('/api/admin/surveys', ballotBody({ opensAt: undefined, draft: true }))
    expect(ballot.status, JSON.stringify(ballot.body)).to.equal(201)

    app.clock.set(FRIDAY_10)
    office = await asAdmin(app) // Monday's session has lapsed by Friday
    const kept = await office.post(`/api/admin/surveys/${later.body.id}/publish`)
    expect(kept.body).to.include({ opensAt: '2026-11-28T01:00:00.000Z', phase: 'scheduled' })
    const voting = await office.post(`/api/admin/surveys/${ballot.body.id}/publish`)
    expect(voting.body).to.include({ opensAt: FRIDAY_10.toISOString(), phase: 'open' })
  })

  it('lets a draft’s start be emptied again, and refuses a draft’s end already past at the end', async () => {
    const later = await office.post('/api/admin/surveys', surveyBody({ opensAt: '2026-11-28T09:00:00+08:00', draft: true }))
    expect(later.body).to.include({ opensOnPublish: false })
    const emptied = await office.patch(`/api/admin/surveys/${later.body.id}`, { opensAt: null })
    expect(emptied.status, JSON.stringify(emptied.body)).to.equal(200)
    expect(emptied.body, 'no start: it opens when it is published').to.include({ opensOnPublish: true, status: 'draft' })

    app.clock.set(FRIDAY_10)
    office = await asAdmin(app)
    const past = await office.patch(`/api/admin/surveys/${later.body.id}`, { closesAt: '2026-11-26T17:00:00+08:00' })
    expect(past.status).to.equal(422)
    expect(past.body.error.details, 'said once, at the end').to.deep.equal([{ path: 'body.closesAt', message: '结束时间已经过了，请改到以后的时间' }])
    expect((await office.get(`/api/admin/surveys/${later.body.id}`)).body, 'not ended: still a draft with its end').to.include({
      status: 'draft',
      closesAt: '2026-11-30T10:00:00.000Z',
    })

    const published = await office.post(`/api/admin/surveys/${later.body.id}/publish`)
    expect(published.status).to.equal(200)
    const unstarted = await office.patch(`/api/admin/surveys/${later.body.id}`, { opensAt: null })
    // Well formed but refused for the survey's state: 422, as for a quiz (quizzes-start-at-publish.test.ts).
    expect(unstarted.status).to.equal(422)
    expect(unstarted.body.error).to.deep.equal({
      code: 'invalid_survey',
      message: '问卷设置有误',
      details: [{ path: 'body.opensAt', message: '已经发布，请填写开始时间' }],
    })
  })
})
