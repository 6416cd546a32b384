import { expect } from 'chai'
import { asAdmin, type Client, type TestApp } from '../helpers/app.js'
import { quizOffice, quizWithBank } from '../helpers/quizzes.js'

/**
 * 孙丽 deleted a duplicate draft quiz. In 操作记录 the admin reads which quiz it was, by the title the
 * entry kept, not "知识竞赛（已不存在）": the quiz itself is gone, so nothing else can say it (review 32).
 */
describe('操作记录 of a deleted draft quiz', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('names the deleted draft by its title', async () => {
    const draft = await quizWithBank(app, sunli, { title: '代表法知识竞赛（重复的草稿）', draft: true })
    expect((await sunli.request('DELETE', `/api/admin/quizzes/${draft.id}`)).status).to.equal(204)

    const trail = (await (await asAdmin(app)).get('/api/admin/audit?action=quiz.draft_deleted')).body.items
    expect(trail.map((e: { actionWords: string; targetWords: string }) => [e.actionWords, e.targetWords])).to.deep.equal([
      ['删除知识竞赛草稿', '知识竞赛「代表法知识竞赛（重复的草稿）」（已删除）'],
    ])
  })
})
