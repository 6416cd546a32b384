import { expect } from 'chai'
import { startApp, type Client, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'
import { quizWithBank } from '../helpers/quizzes.js'
import { surveyBody } from '../helpers/surveys.js'

/**
 * Text pasted from a web page or a chat can hold characters that show nothing: a zero-width space
 * (U+200B), a zero-width joiner (U+200D), a byte-order mark (U+FEFF). An option made of nothing else
 * is a blank button in the mini-program, and a blank question title asks nothing: both are refused
 * as empty, at the field, as a blank line is. An emoji stays valid, a family emoji too, whose
 * pieces are joined by U+200D.
 */
describe('text made only of characters that show nothing is empty', () => {
  let app: TestApp
  let sunli: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    sunli = await asStaff(app, 'sunli')
  })
  afterEach(() => app.close())

  const INVISIBLE_ONLY = ['\u200b', '\u200d', '\ufeff\u200b', '\u2060\ufe0f']
  const refusal = (path: string, message: string) => ({ code: 'validation_failed', message: '输入有误', details: [{ path, message }] })

  it('refuses a quiz option of zero-width characters when a question is added or corrected, and takes emoji options', async () => {
    const quiz = await quizWithBank(app, sunli)
    const first = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions[0]
    for (const blank of INVISIBLE_ONLY) {
      const added = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions`, {
        questions: [{ type: 'single', stem: '新题', options: ['甲', blank, '丙'], answer: ['A'] }],
      })
      expect(added.status, JSON.stringify(blank)).to.equal(400)
      expect(added.body.error).to.deep.equal(refusal('body.questions[0].options[1]', '选项不能为空'))

      const corrected = await sunli.patch(`/api/admin/quizzes/${quiz.id}/questions/${first.id}`, { options: ['甲', blank, '丙', '丁'] })
      expect(corrected.status, JSON.stringify(blank)).to.equal(400)
      expect(corrected.body.error).to.deep.equal(refusal('body.options[1]', '选项不能为空'))

      const stem = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions`, {
        questions: [{ type: 'single', stem: blank, options: ['甲', '乙'], answer: ['A'] }],
      })
      expect(stem.body.error, JSON.stringify(blank)).to.deep.equal(refusal('body.questions[0].stem', '题干不能为空'))
    }
    expect((await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions[0], 'nothing changed').to.deep.equal(first)

    const emoji = await sunli.post(`/api/admin/quizzes/${quiz.id}/questions`, {
      questions: [{ type: 'single', stem: '哪个表示赞同？', options: ['👍', '👨\u200d👩\u200d👧', '\u200b好\u200b'], answer: ['A'] }],
    })
    expect(emoji.status, JSON.stringify(emoji.body)).to.equal(201)
    const stored = (await sunli.get(`/api/admin/quizzes/${quiz.id}`)).body.questions.find((q: { stem: string }) => q.stem === '哪个表示赞同？')
    expect(stored.options, 'the family keeps its joiners').to.deep.equal(['👍', '👨\u200d👩\u200d👧', '\u200b好\u200b'])
  })

  it("refuses a survey's option or question title of zero-width characters, at the field, and takes emoji", async () => {
    for (const blank of INVISIBLE_ONLY) {
      const body = surveyBody()
      body.questions[0] = {
        ...body.questions[0],
        options: [
          { id: 'o1', label: '是' },
          { id: 'o2', label: blank },
        ],
      }
      const option = await sunli.post('/api/admin/surveys', body)
      expect(option.status, JSON.stringify(blank)).to.equal(400)
      expect(option.body.error).to.deep.equal(refusal('body.questions[0].options[1].label', '选项不能为空'))

      const untitled = surveyBody()
      untitled.questions[2] = { ...untitled.questions[2], title: blank }
      const title = await sunli.post('/api/admin/surveys', untitled)
      expect(title.status, JSON.stringify(blank)).to.equal(400)
      expect(title.body.error).to.deep.equal(refusal('body.questions[2].title', '题目不能为空'))

      const named = await sunli.post('/api/admin/surveys', surveyBody({ title: blank }))
      expect(named.body.error, JSON.stringify(blank)).to.deep.equal(refusal('body.title', '标题不能为空'))
    }
    expect((await sunli.get('/api/admin/surveys')).body.items, 'none was made').to.deep.equal([])

    const body = surveyBody()
    body.questions[0] = {
      ...body.questions[0],
      options: [
        { id: 'o1', label: '👍' },
        { id: 'o2', label: '👨\u200d👩\u200d👧' },
      ],
    }
    const made = await sunli.post('/api/admin/surveys', body)
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    expect(made.body.questions[0].options.map((o: { label: string }) => o.label)).to.deep.equal(['👍', '👨\u200d👩\u200d👧'])
  })
})
