import { expect } from 'chai'
import type { Client, TestApp } from '../helpers/app.js'
import { CLOSES, surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * 赵红 saves a questionnaire before its questions are written. Published so, nobody could ever answer it (an empty
 * answer is refused): it is refused at creating it published and at 发布, in words, and nothing goes out. A draft may
 * wait for its questions, and is published once it has one.
 */
describe('a questionnaire with no question is not published', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => ({ app, office } = await surveyOffice()))
  afterEach(() => app.close())

  const listed = async () => (await office.get('/api/admin/surveys')).body.items.map((s: { title: string; status: string }) => `${s.title}:${s.status}`)

  it('created published with no question: 422 saying to add one, nothing made', async () => {
    const refused = await office.post('/api/admin/surveys', { kind: 'survey', title: '老年人养老服务需求问卷', closesAt: CLOSES })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({ code: 'invalid_survey', message: '问卷设置有误' })
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.questions', message: '请至少添加一道题' }])
    expect(await listed()).to.deep.equal([])
  })

  it('a draft with no question waits; 发布 is refused in words until it has one', async () => {
    const draft = await office.post('/api/admin/surveys', { kind: 'survey', title: '老年人养老服务需求问卷', closesAt: CLOSES, draft: true })
    expect(draft.status, JSON.stringify(draft.body)).to.equal(201)
    const refused = await office.post(`/api/admin/surveys/${draft.body.id}/publish`)
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.include({ code: 'invalid_survey', message: '这份问卷还没有题目，不能发布' })
    expect(refused.body.error.details).to.deep.equal([{ path: 'questions', message: '请至少添加一道题' }])
    expect(await listed()).to.deep.equal(['老年人养老服务需求问卷:draft'])

    const questions = surveyBody().questions
    expect((await office.patch(`/api/admin/surveys/${draft.body.id}`, { questions })).status).to.equal(200)
    expect((await office.post(`/api/admin/surveys/${draft.body.id}/publish`)).status).to.equal(200)
    expect(await listed()).to.deep.equal(['老年人养老服务需求问卷:published'])
  })

  it('a published questionnaire cannot have all its questions taken away', async () => {
    const survey = (await office.post('/api/admin/surveys', surveyBody())).body
    const emptied = await office.patch(`/api/admin/surveys/${survey.id}`, { questions: [] })
    expect(emptied.status).to.equal(422)
    expect(emptied.body.error.details).to.deep.equal([{ path: 'body.questions', message: '请至少添加一道题' }])
    expect((await office.get(`/api/admin/surveys/${survey.id}`)).body.questions).to.have.length(5)
  })
})
