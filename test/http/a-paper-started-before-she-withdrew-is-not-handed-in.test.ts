import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { quizOffice, quizWithBank, rightAnswers } from '../helpers/quizzes.js'

/**
 * 刘奶奶 starts the 代表法知识竞赛, then, on 我的信息, withdraws her consent to the privacy notice. The notice (v3) tells
 * her that after withdrawing she cannot answer a quiz, a paper already started included: her hand-in is refused as a
 * start is (422 consent_required, in the documented error body) and nothing changes — the paper stays open and
 * unscored, and she is on no board. Once she agrees again, the same paper goes in.
 */
describe('a paper started before she withdrew her consent is not handed in', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  const paperOf = async (who: Client, quizId: string) => {
    const started = await who.post(`/api/mp/quizzes/${quizId}/attempts`)
    expect(started.status, JSON.stringify(started.body)).to.equal(201)
    return started.body
  }

  it('refuses her hand-in with consent_required, leaving the paper open and unscored; after she agrees again it goes in', async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'public' })
    const liu = await asResident(app, 'o-liu-nainai-withdraws')
    const paper = await paperOf(liu, quiz.id)
    expect((await liu.request('DELETE', '/api/mp/consent')).status).to.equal(200)

    const refused = await liu.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(refused.status).to.equal(422)
    expect(refused.body).to.deep.equal({
      error: {
        code: 'consent_required',
        message: '请先阅读并同意个人信息保护说明',
        details: [{ path: 'consent', message: `需要同意第 ${app.liaison.services.privacy.notice.version} 版说明` }],
      },
    })
    expect((await liu.get(`/api/mp/quiz-attempts/${paper.id}`)).body.status, 'not handed in').to.equal('open')
    const listed = (await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quiz.id)
    expect(listed, 'still the paper under way, no score').to.include({ openAttemptId: paper.id, bestScore: null, lastAttemptId: null })
    const board = (await sunli.get(`/api/admin/quizzes/${quiz.id}/leaderboard?by=person`)).body.items
    expect(board, 'on no board').to.deep.equal([])

    expect((await liu.post('/api/mp/consent', { version: app.liaison.services.privacy.notice.version })).status).to.equal(200)
    const handed = await liu.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    expect(handed.body.score).to.equal(50)
  })
  it('hands in a paper begun under the old notice once the notice gains a version: she withdrew nothing', async () => {
    const quiz = await quizWithBank(app, sunli, { audience: 'public' })
    const liu = await asResident(app, 'o-liu-nainai-old-notice')
    const paper = await paperOf(liu, quiz.id)
    // The notice she agreed to is now an older one (as on the day v3 went out while her paper was open).
    await app.liaison.store.mpUsers.update(liu.userId, { consentVersion: 'v2' })
    const handed = await liu.post(`/api/mp/quiz-attempts/${paper.id}/submit`, { answers: rightAnswers(paper) })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    expect(handed.body.score).to.equal(50)
    const started = await liu.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect([started.status, started.body.error?.code], 'a new paper asks for the notice as it reads now').to.deep.equal([422, 'consent_required'])
  })
})
