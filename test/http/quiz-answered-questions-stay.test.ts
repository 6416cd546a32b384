import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { quizOffice, quizWithAttempts } from '../helpers/quizzes.js'

/**
 * Review 31 F10: once anyone has answered, an organizer who swaps an option's words ("a wording
 * change") would silently rewrite what every earlier result says and which answer is right. She is
 * told why not and what she can still do, and the resident's result reads as it did.
 */
describe('a question people have answered stays as they answered it', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => ({ app, sunli } = await quizOffice()))
  afterEach(() => app.close())

  it('refuses swapping option words with 409 in words, and her result still names the options she saw', async () => {
    const wang = await asResident(app)
    // A paper with a 单选题: one of 5 drawn from 10 held none one time in 42 (CI57).
    const { quiz, papers } = await quizWithAttempts(app, sunli, { handedIn: [wang] }, {}, ['single'])
    const paper = papers.get(wang)
    const before = (await wang.get(`/api/mp/quiz-attempts/${paper.id}`)).body

    const asked = before.questions.find((q: { type: string }) => q.type === 'single')
    expect(asked, 'a 单选题 on her paper').to.not.equal(undefined)
    const url = `/api/admin/quizzes/${quiz.id}/questions/${asked.id}`
    // 甲 is right; the words of the right option and another one swapped, the answer left as it was.
    const swapped = await sunli.patch(url, { options: ['丙', '乙', '甲', '丁'] })
    expect(swapped.status, JSON.stringify(swapped.body)).to.equal(409)
    expect(swapped.body.error).to.deep.equal({
      code: 'quiz_started',
      message: '已有人开始答题，题目、选项、正确答案和分值都不能再改，以免改变他们的答卷和成绩。解析还可以修改：题目有误，可以在解析里写明更正',
      details: [{ path: 'body.options', message: '已有人开始答题，不能再改' }],
    })

    const after = (await wang.get(`/api/mp/quiz-attempts/${paper.id}`)).body
    expect(after.questions, 'her answers, the right answers and the words beside them as she saw them').to.deep.equal(before.questions)
    expect(after.score).to.equal(before.score)
    const pool = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions
    expect(pool.find((q: { id: string }) => q.id === asked.id).options).to.deep.equal(['甲', '乙', '丙', '丁'])
  })
})
