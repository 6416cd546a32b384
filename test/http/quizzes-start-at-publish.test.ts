import { expect } from 'chai'
import { Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { quizWithBank } from '../helpers/quizzes.js'

const DAY = 86_400_000

/**
 * A quiz draft saved with no start opens when it is published, as a questionnaire does: saved on
 * Monday and published on Friday, it opened on Friday, not on Monday.
 */
describe('a quiz draft with no start opens when it is published', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('opens at the publishing, not at the saving, and keeps a start still to come', async () => {
    const monday = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const draft = await quizWithBank(app, monday, { opensAt: undefined, closesAt: new Date(app.clock.now().getTime() + 14 * DAY).toISOString(), draft: true })
    const later = await quizWithBank(app, monday, { opensAt: '2026-11-30T09:00:00+08:00', closesAt: '2026-12-20T17:00:00+08:00', draft: true })
    expect(draft, 'its page says it opens when published').to.include({ opensOnPublish: true })
    expect(later).to.include({ opensOnPublish: false })

    app.clock.advance(4 * DAY)
    const friday = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const published = await friday.post(`/api/admin/quizzes/${draft.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body.opensAt).to.equal(app.clock.now().toISOString())
    const kept = await friday.post(`/api/admin/quizzes/${later.id}/publish`)
    expect(kept.body.opensAt, 'a start to come is the start').to.equal('2026-11-30T01:00:00.000Z')
  })

  it('lets a draft’s start be emptied again, and only a draft’s', async () => {
    const organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const later = await quizWithBank(app, organizer, { opensAt: '2026-11-30T09:00:00+08:00', closesAt: '2026-12-20T17:00:00+08:00', draft: true })
    const emptied = await organizer.patch(`/api/admin/quizzes/${later.id}`, { opensAt: null })
    expect(emptied.status, JSON.stringify(emptied.body)).to.equal(200)
    expect(emptied.body).to.include({ opensOnPublish: true, status: 'draft' })
    const again = await organizer.patch(`/api/admin/quizzes/${later.id}`, { opensAt: null, title: '代表法知识竞赛（第二期）' })
    expect(again.body, 'an empty start kept empty').to.include({ opensOnPublish: true, opensAt: emptied.body.opensAt })

    app.clock.advance(DAY)
    const tuesday = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    const published = await tuesday.post(`/api/admin/quizzes/${later.id}/publish`)
    expect(published.body).to.include({ opensAt: app.clock.now().toISOString(), opensOnPublish: false })
    const unstarted = await tuesday.patch(`/api/admin/quizzes/${later.id}`, { opensAt: null })
    // Well formed but refused for the quiz's state: 422, as for a survey (surveys-start-at-publish.test.ts).
    expect(unstarted.status).to.equal(422)
    expect(unstarted.body.error).to.deep.equal({
      code: 'invalid_quiz',
      message: '答题活动设置有误',
      details: [{ path: 'body.opensAt', message: '已经发布，请填写开始时间' }],
    })
    expect((await tuesday.get(`/api/admin/quizzes/${later.id}`)).body, 'its start kept').to.include({ opensAt: published.body.opensAt, opensOnPublish: false })
  })
})
