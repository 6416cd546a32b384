import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { surveyBody, surveyOffice } from '../helpers/surveys.js'

/**
 * "每周去几次社区食堂" is a count: 赵红 ticks 只能填整数, and an answer of 2.5 is refused in words, nothing counted, so the
 * results' 平均 is of whole visits. A number question without it takes any number, as before.
 */
describe('a number question marked 只能填整数 takes whole numbers only', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  const canteen = (integer?: boolean) =>
    surveyBody({
      questions: [
        { id: 'q4', type: 'number', title: '您每周去几次社区食堂？', min: 0, max: 21, required: true, ...(integer === undefined ? {} : { integer }) },
      ],
    })

  it('refuses 2.5 with 请填写整数 and counts nothing; takes 2', async () => {
    const survey = await create(canteen(true))
    const resident = await asResident(app)
    expect((await resident.get(`/api/mp/surveys/${survey.id}`)).body.questions[0]).to.include({ type: 'number', integer: true })
    const refused = await resident.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q4: 2.5 } })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.answers.q4', message: '请填写整数' }])
    expect((await office.get(`/api/admin/surveys/${survey.id}/results`)).body.responses).to.equal(0)

    expect((await resident.post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q4: 2 } })).status).to.equal(201)
    const results = (await office.get(`/api/admin/surveys/${survey.id}/results`)).body
    expect([results.responses, results.questions[0].average]).to.deep.equal([1, 2])
  })

  it('a number question not marked so takes 2.5, as before', async () => {
    const survey = await create(canteen())
    expect((await office.get(`/api/admin/surveys/${survey.id}`)).body.questions[0]).to.include({ integer: false })
    expect((await (await asResident(app)).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q4: 2.5 } })).status).to.equal(201)
  })
})
