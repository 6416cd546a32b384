import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'
import { quizWithBank } from '../helpers/quizzes.js'

/**
 * 刘奶奶 comes in by a survey's and a quiz's QR poster on her first visit and has never seen the privacy notice.
 * What keeps her answers as hers (a named questionnaire, a named consultation, a quiz attempt) waits for her to agree,
 * as a message does: 422 consent_required, nothing kept. An anonymous questionnaire keeps no person: she answers it
 * at once. Once she agrees, the same answers go in.
 */
describe('a first-visit resident agrees to the privacy notice before her answers are kept as hers', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  let liu: Client & { userId: string }
  beforeEach(async () => {
    ;({ app, office, create } = await surveyOffice())
    liu = await asResident(app, 'o-liu-nainai', { consent: false })
  })
  afterEach(() => app.close())

  const agree = async () => expect((await liu.post('/api/mp/consent', { version: app.liaison.services.privacy.notice.version })).status).to.equal(200)
  const responsesOf = async (id: string) => (await office.get(`/api/admin/surveys/${id}/results`)).body.responses

  it('a named questionnaire: told to agree first, nothing counted; after agreeing her answer goes in', async () => {
    const survey = await create(surveyBody())
    const opened = await liu.get(`/api/mp/surveys/${survey.id}`)
    expect(opened.body.consentNeeded).to.equal(true)
    const answers = { answers: { q1: 'o2', q3: 4 } }
    const refused = await liu.post(`/api/mp/surveys/${survey.id}/responses`, answers)
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.include({ code: 'consent_required', message: '请先阅读并同意个人信息保护说明' })
    expect(await responsesOf(survey.id)).to.equal(0)

    await agree()
    expect((await liu.get(`/api/mp/surveys/${survey.id}`)).body.consentNeeded).to.equal(false)
    expect((await liu.post(`/api/mp/surveys/${survey.id}/responses`, answers)).status).to.equal(201)
    expect(await responsesOf(survey.id)).to.equal(1)
  })

  it('a named consultation: her opinion is not in the office’s list until she agrees', async () => {
    const consultation = await create(consultationBody({ anonymous: false }))
    const opinion = { comments: [{ articleId: 'a1', text: '没同意隐私说明也能提' }] }
    const refused = await liu.post(`/api/mp/surveys/${consultation.id}/responses`, opinion)
    expect([refused.status, refused.body.error.code]).to.deep.equal([422, 'consent_required'])
    expect((await office.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items).to.deep.equal([])

    await agree()
    expect((await liu.post(`/api/mp/surveys/${consultation.id}/responses`, opinion)).status).to.equal(201)
    expect((await office.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items.map((o: { text: string }) => o.text)).to.deep.equal([
      '没同意隐私说明也能提',
    ])
  })

  it('an anonymous questionnaire keeps no person: she answers it without the notice, while a named one waits', async () => {
    const anonymous = await create(surveyBody({ anonymous: true }))
    const named = await create(surveyBody({ title: '社区食堂需求调查' }))
    expect((await liu.get(`/api/mp/surveys/${anonymous.id}`)).body.consentNeeded).to.equal(false)
    expect((await liu.get(`/api/mp/surveys/${named.id}`)).body.consentNeeded).to.equal(true)
    const sent = await liu.post(`/api/mp/surveys/${anonymous.id}/responses`, { answers: { q1: 'o2', q3: 5 } })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    expect((await liu.post(`/api/mp/surveys/${named.id}/responses`, { answers: { q1: 'o2', q3: 5 } })).body.error.code).to.equal('consent_required')
    expect([await responsesOf(anonymous.id), await responsesOf(named.id)]).to.deep.equal([1, 0])
  })

  it('a deputy answers a named questionnaire in office: the residents’ notice is put before her, not him', async () => {
    const survey = await create(surveyBody())
    const deputy = await asResident(app, 'o-deputy-dp0001', { consent: false })
    await app.liaison.store.mpUsers.update(deputy.userId, { deputyId: 'dp0001' })
    expect((await deputy.get(`/api/mp/surveys/${survey.id}`)).body.consentNeeded).to.equal(false)
    expect((await liu.get(`/api/mp/surveys/${survey.id}`)).body.consentNeeded).to.equal(true)
    expect((await deputy.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 3 } })).status).to.equal(201)
    expect((await liu.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 3 } })).status).to.equal(422)
    expect(await responsesOf(survey.id)).to.equal(1)
  })

  it('a quiz: no paper is started until she agrees', async () => {
    const quiz = await quizWithBank(app, office, { audience: 'public' })
    const refused = await liu.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.include({ code: 'consent_required', message: '请先阅读并同意个人信息保护说明' })
    expect((await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quiz.id)).to.include({ openAttemptId: null })

    await agree()
    const started = await liu.post(`/api/mp/quizzes/${quiz.id}/attempts`)
    expect(started.status, JSON.stringify(started.body)).to.equal(201)
  })
})
