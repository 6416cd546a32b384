import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { BANK_CSV, quizOffice, quizWithBank } from '../helpers/quizzes.js'

/**
 * An organizer corrects a quiz after it went out: the title and the closing time may
 * change at any time; once somebody has started, what papers were drawn and timed with
 * stays as it was, and the answer says why in Chinese.
 */
describe('correcting a quiz after people started', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('changes draw count and time limit until the first attempt, then refuses them with 409 and keeps the rest correctable', async () => {
    const quiz = await quizWithBank(app, sunli)
    const before = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { drawCount: 6, timeLimitSeconds: 900 })
    expect(before.status, JSON.stringify(before.body)).to.equal(200)
    expect(before.body).to.include({ drawCount: 6, timeLimitSeconds: 900 })

    expect((await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)

    for (const patch of [{ drawCount: 8 }, { timeLimitSeconds: 60 }]) {
      const refused = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, patch)
      expect(refused.status, JSON.stringify(patch)).to.equal(409)
      expect(refused.body.error).to.include({ code: 'quiz_started', message: '已有人开始答题，抽题数和答题时限不能再改，以免前后成绩不可比' })
    }
    const unchanged = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body
    expect(unchanged).to.include({ drawCount: 6, timeLimitSeconds: 900 })

    const corrected = await sunli.patch(`/api/admin/quizzes/${quiz.id}`, { title: '代表法知识竞赛（更正）', drawCount: 6 })
    expect(corrected.status, 'the title still corrects; the same draw count is no change').to.equal(200)
    expect(corrected.body.title).to.equal('代表法知识竞赛（更正）')
  })

  it("corrects a question's explanation at any time, but what it asks, its answer and points only until the first attempt, each audited", async () => {
    const quiz = await quizWithBank(app, sunli)
    const pool = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions
    const first = pool[0]
    const url = `/api/admin/quizzes/${quiz.id}/questions/${first.id}`
    const early = await sunli.patch(url, { points: 20, answer: ['B'] })
    expect(early.status, JSON.stringify(early.body)).to.equal(200)
    expect(early.body).to.include({ points: 20, stem: '单选题1' })
    expect(early.body.answer).to.deep.equal(['B'])

    expect((await (await asResident(app)).post(`/api/mp/quizzes/${quiz.id}/attempts`)).status).to.equal(201)
    const explained = await sunli.patch(url, { explanation: '更正后的解析', tags: ['代表法'] })
    expect(explained.status, JSON.stringify(explained.body)).to.equal(200)
    expect(explained.body).to.include({ stem: '单选题1', explanation: '更正后的解析', points: 20 })
    // The console sends the whole form: unchanged words are no change.
    const same = await sunli.patch(url, { stem: '单选题1', options: ['甲', '乙', '丙', '丁'], explanation: '再更正的解析' })
    expect(same.status, JSON.stringify(same.body)).to.equal(200)

    const frozen = '已有人开始答题，题目、选项、正确答案和分值都不能再改，以免改变他们的答卷和成绩。解析还可以修改：题目有误，可以在解析里写明更正'
    for (const patch of [
      { points: 10 },
      { answer: ['A'] },
      { options: ['甲', '乙'] },
      { type: 'true_false' },
      { stem: '单选题1（改了问法）' },
      { options: ['甲', '乙', '丙', '丁（更正）'] },
    ]) {
      const refused = await sunli.patch(url, patch)
      expect(refused.status, JSON.stringify(patch)).to.equal(409)
      expect(refused.body.error).to.include({ code: 'quiz_started', message: frozen })
    }
    const stored = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions[0]
    expect(stored).to.include({ points: 20, stem: '单选题1', explanation: '再更正的解析' })
    expect(stored.options).to.deep.equal(['甲', '乙', '丙', '丁'])
    expect(stored.answer).to.deep.equal(['B'])

    const audited = (await app.liaison.store.audit.list({ limit: 10, action: 'quiz.question_corrected' })).items
    expect(audited.map((e) => (e.details.after as { explanation: string }).explanation)).to.deep.equal(['再更正的解析', '更正后的解析', '解析1'])
    const other = await sunli.patch(`/api/admin/quizzes/${quiz.id}/questions/qq-00000000-0000-0000-0000-000000000000`, { stem: '无' })
    expect(other.status, 'a question of no quiz of hers').to.equal(404)
  })

  it('keeps a draft quiz from participants until it is published with enough questions', async () => {
    const created = await sunli.post('/api/admin/quizzes', {
      title: '代表法知识竞赛',
      drawCount: 5,
      timeLimitSeconds: 600,
      attemptsAllowed: 1,
      audience: 'public',
      draft: true,
      opensAt: new Date(app.clock.now().getTime() - 60_000).toISOString(),
      closesAt: new Date(app.clock.now().getTime() + 86_400_000).toISOString(),
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect(created.body).to.include({ status: 'draft', statusLabel: '草稿' })
    const resident = await asResident(app)
    expect((await resident.get('/api/mp/quizzes')).body.items, 'not listed').to.deep.equal([])
    expect((await resident.post(`/api/mp/quizzes/${created.body.id}/attempts`)).status, 'nor startable').to.equal(404)
    const early = await sunli.post(`/api/admin/quizzes/${created.body.id}/publish`)
    expect(early.status, 'no questions yet').to.equal(409)
    expect(early.body.error).to.include({ code: 'quiz_not_ready', message: '题库只有 0 题，少于每次抽题数 5，请先补充题目' })

    expect((await sunli.post(`/api/admin/quizzes/${created.body.id}/questions/import`, { csv: BANK_CSV })).status).to.equal(201)
    const published = await sunli.post(`/api/admin/quizzes/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body).to.include({ status: 'published', phase: 'open' })
    expect((await sunli.post(`/api/admin/quizzes/${created.body.id}/publish`)).status, 'once').to.equal(409)
    expect((await resident.get('/api/mp/quizzes')).body.items.map((q: { id: string }) => q.id)).to.deep.equal([created.body.id])
    expect((await resident.post(`/api/mp/quizzes/${created.body.id}/attempts`)).status).to.equal(201)
  })

  it('refuses an empty option when a question is corrected, in the words it uses when one is added, and keeps the question as it was', async () => {
    const quiz = await quizWithBank(app, sunli)
    const first = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions[0]
    // The console drops a blank option line itself; anything else that calls the API is refused by the server.
    for (const blank of ['', '   ', '\u3000']) {
      const added = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions`, {
        questions: [{ type: 'single', stem: '新题', options: ['甲', blank, '丙'], answer: ['A'] }],
      })
      expect(added.status, JSON.stringify(added.body)).to.equal(400)
      expect(added.body.error).to.deep.equal({
        code: 'validation_failed',
        message: '输入有误',
        details: [{ path: 'body.questions[0].options[1]', message: '选项不能为空' }],
      })

      const corrected = await sunli.patch(`/api/admin/quizzes/${quiz.id}/questions/${first.id}`, {
        stem: '单选题1（更正）',
        options: ['甲', blank, '丙', '丁'],
      })
      expect(corrected.status, JSON.stringify(corrected.body)).to.equal(400)
      expect(corrected.body.error).to.deep.equal({
        code: 'validation_failed',
        message: '输入有误',
        details: [{ path: 'body.options[1]', message: '选项不能为空' }],
      })
    }
    const stored = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions[0]
    expect(stored, 'nothing changed, not even the stem sent with it').to.deep.equal(first)
    expect((await app.liaison.store.audit.list({ limit: 10, action: 'quiz.question_corrected' })).items, 'no correction recorded').to.deep.equal([])
  })
})
