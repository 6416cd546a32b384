import { expect } from 'chai'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { quizOffice, quizWithBank } from '../helpers/quizzes.js'

/**
 * 孙丽 made a draft quiz she no longer wants (a duplicate, a wrong title): she deletes it, with its
 * questions. A quiz already published stays, and she is told why and what she can do instead. 钱七,
 * organizer of another district, cannot delete hers even with a crafted request: not found, nothing changes.
 */
describe('an organizer deletes a draft quiz, and only a draft of her own districts', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  const listed = async (who: Client) => (await who.get('/api/admin/quizzes')).body.items.map((q: { title: string }) => q.title)

  it('deletes a draft with its questions, and records who did', async () => {
    const draft = await quizWithBank(app, sunli, { title: '代表法知识竞赛（重复的草稿）', draft: true })
    expect(await listed(sunli)).to.include('代表法知识竞赛（重复的草稿）')

    const deleted = await sunli.request('DELETE', `/api/admin/quizzes/${draft.id}`)
    expect(deleted.status, JSON.stringify(deleted.body)).to.equal(204)
    expect((await sunli.get(`/api/admin/quizzes/${draft.id}`)).status).to.equal(404)
    expect(await listed(sunli)).not.to.include('代表法知识竞赛（重复的草稿）')
    expect(await app.liaison.store.quizzes.questions(draft.id), 'its questions went with it').to.deep.equal([])
    const again = await sunli.request('DELETE', `/api/admin/quizzes/${draft.id}`)
    expect(again.status, 'deleted once: the second time there is nothing').to.equal(404)

    const trail = (await (await asAdmin(app)).get('/api/admin/audit?action=quiz.draft_deleted')).body.items
    expect(trail.map((e: { actionWords: string }) => e.actionWords)).to.deep.equal(['删除知识竞赛草稿'])
    const stored = (await app.liaison.store.audit.list({ limit: 10, action: 'quiz.draft_deleted' })).items
    expect(stored.map((e) => [e.actorId, e.targetId, e.details.title])).to.deep.equal([['sf03', draft.id, '代表法知识竞赛（重复的草稿）']])
  })

  it('refuses a published quiz with 409 in words, and keeps it and its questions', async () => {
    const quiz = await quizWithBank(app, sunli)
    const refused = await sunli.request('DELETE', `/api/admin/quizzes/${quiz.id}`)
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.equal({
      code: 'quiz_published',
      message: '这个知识竞赛已经发布，不能删除：参加的人已经看到了它，答题记录也要保留。不想再让人参加，可以在“设置”里把结束时间改到现在，提前结束',
      details: [],
    })
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body).to.include({ status: 'published', title: '代表法知识竞赛' })
    expect(await app.liaison.store.quizzes.questions(quiz.id)).to.have.length(10)
  })

  it("answers another district's organizer 404 for a crafted delete, and the draft stays", async () => {
    const draft = await quizWithBank(app, sunli, { draft: true })
    const qianqi = await asStaff(app, 'qianqi')
    const crafted = await qianqi.request('DELETE', `/api/admin/quizzes/${draft.id}`)
    expect(crafted.status).to.equal(404)
    expect(crafted.body.error).to.include({ code: 'not_found', message: '知识竞赛不存在' })
    expect((await sunli.get(`/api/admin/quizzes/${draft.id}`)).body).to.include({ status: 'draft' })
    expect(await app.liaison.store.quizzes.questions(draft.id)).to.have.length(10)
    expect((await app.liaison.store.audit.list({ limit: 10, action: 'quiz.draft_deleted' })).items).to.deep.equal([])
  })
})
