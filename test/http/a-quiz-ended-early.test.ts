import { expect } from 'chai'
import { asResident } from '../helpers/app.js'
import { quizOffice, quizWithBank } from '../helpers/quizzes.js'

/**
 * 赵红 ends the 宪法周 quiz early with 提前结束, as she ends a survey or a campaign: it ends now, by the server's clock;
 * nobody can start a paper after, it cannot be ended twice, and a draft has nothing to end. Recorded in 操作记录.
 */
describe('a quiz ended early', () => {
  it('ends now: no paper starts after, a second 提前结束 and a draft’s are refused in words', async () => {
    const { app, sunli } = await quizOffice()
    try {
      const quiz = await quizWithBank(app, sunli)
      const resident = await asResident(app)
      expect((await resident.post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)

      const closed = await sunli.post(`/api/admin/quizzes/${quiz.id}/close`)
      expect(closed.status, JSON.stringify(closed.body)).to.equal(200)
      expect(closed.body).to.include({ phase: 'closed', closesAt: app.clock.now().toISOString() })
      const late = await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)
      expect([late.status, late.body.error.code]).to.deep.equal([409, 'quiz_closed'])

      const again = await sunli.post(`/api/admin/quizzes/${quiz.id}/close`)
      expect([again.status, again.body.error.message]).to.deep.equal([409, '这个知识竞赛已经结束了'])
      const draft = await quizWithBank(app, sunli, { draft: true, title: '民法典知识竞赛' })
      const notYet = await sunli.post(`/api/admin/quizzes/${draft.id}/close`)
      expect([notYet.status, notYet.body.error.message]).to.deep.equal([409, '草稿还没有发布，不用结束；不要了可以删除草稿'])

      const audit = (await app.liaison.store.audit.list({ action: 'quiz.closed', limit: 5 })).items
      expect(audit.map((e) => e.targetId)).to.deep.equal([quiz.id])
    } finally {
      await app.close()
    }
  })
})
