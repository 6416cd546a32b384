import { expect } from 'chai'
import { asResident, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * 导出我的信息 (PIPL art. 45): her copy of a questionnaire she answered says what she was asked
 * and what she answered, in words — the question, the option she chose, her rating, what she
 * typed, her comment on an article of a draft — not "回答了 4 题" or option ids.
 */
describe('her copy of her data words her questionnaire answers', () => {
  let app: TestApp
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => {
    ;({ app, create } = await surveyOffice())
  })
  afterEach(() => app.close())

  it('gives each question she answered with her answer in words, in the order she was asked', async () => {
    const survey = await create(surveyBody())
    const consultation = await create(consultationBody())
    const resident = await asResident(app)
    const answered = await resident.post(`/api/mp/surveys/${survey.id}/responses`, {
      answers: { q1: 'o1', q2: ['a', 'c'], q3: 4, q4: '多种些树', q5: 3 },
    })
    expect(answered.status, JSON.stringify(answered.body)).to.equal(201)
    const commented = await resident.post(`/api/mp/surveys/${consultation.id}/responses`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a2', text: '绿地率建议提高到百分之三十五' }],
    })
    expect(commented.status, JSON.stringify(commented.body)).to.equal(201)

    const copy = (await resident.get('/api/mp/me/export')).body
    expect(copy.surveyAnswers).to.have.length(2)
    const [first, second] = copy.surveyAnswers
    expect(first).to.deep.include({ surveyId: survey.id, title: '社区绿化满意度调查', kindLabel: '问卷' })
    expect(first.answered).to.deep.equal([
      { question: '您是否经常去社区公园？', answer: '是' },
      { question: '希望增加哪些设施？', answer: '绿道、健身器材' },
      { question: '对现有绿化的满意度', answer: '4 分（满分 5 分）' },
      { question: '其他建议', answer: '多种些树' },
      { question: '每周去几次？', answer: '3' },
    ])
    expect(first.commented).to.deep.equal([])
    expect(second).to.deep.include({ title: '青澜市城市绿化条例（草案）征求意见', kindLabel: '立法征求意见' })
    expect(second.answered).to.deep.equal([{ question: '您是否支持制定本条例？', answer: '支持' }])
    expect(second.commented).to.deep.equal([{ article: '第十二条', comment: '绿地率建议提高到百分之三十五' }])
    // What was stored stays in the copy beside the words.
    expect(first.answers).to.deep.equal({ q1: 'o1', q2: ['a', 'c'], q3: 4, q4: '多种些树', q5: 3 })
  })

  it('leaves out the questions she did not answer, and nobody else’s answers', async () => {
    const survey = await create(surveyBody())
    const resident = await asResident(app)
    expect((await resident.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 2 } })).status).to.equal(201)
    expect(
      (await (await asResident(app)).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o1', q3: 5, q4: '别人的建议', q5: 1 } })).status,
    ).to.equal(201)

    const [mine] = (await resident.get('/api/mp/me/export')).body.surveyAnswers
    expect(mine.answered).to.deep.equal([
      { question: '您是否经常去社区公园？', answer: '否' },
      { question: '对现有绿化的满意度', answer: '2 分（满分 5 分）' },
    ])
    expect(JSON.stringify(mine)).not.to.include('别人的建议')
  })
})
