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
})
