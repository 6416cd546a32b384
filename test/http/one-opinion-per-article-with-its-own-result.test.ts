import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { tallyIncrements } from '../../src/domain/survey-tally.js'
import type { Opinion, SurveyResponse } from '../../src/domain/survey.js'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyOffice } from '../helpers/surveys.js'

/** The sheet as a spreadsheet reads it: rows of cells, the header first. */
const sheetRows = (body: unknown): string[][] => parse(Buffer.from(body as Buffer).toString('utf8'), { bom: true, relax_column_count: true })

/**
 * 第十五条 of a draft drew two opinions from one resident. The mini-program gives one box per article; another client
 * sending two is refused in words, nothing kept. Two such opinions stored before that rule keep, in 导出每人填写的内容, each its
 * own 采纳结果 and 理由, so the 未采纳 of one never reads as the 采纳 of the other.
 */
describe('one opinion per article, each with its own result in the sheet', () => {
  let app: TestApp
  let office: Client
  let consultationId: string
  beforeEach(async () => {
    const started = await surveyOffice()
    ;({ app, office } = started)
    consultationId = (await started.create(consultationBody({ anonymous: false }))).id
  })
  afterEach(() => app.close())

  it('two opinions on one article in one answer: 422 in words, nothing kept', async () => {
    const resident = await asResident(app)
    const refused = await resident.post(`/api/mp/surveys/${consultationId}/responses`, {
      comments: [
        { articleId: 'a2', text: '八十岁门槛太高' },
        { articleId: 'a2', text: '食堂离家太远' },
      ],
    })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('invalid_answers')
    expect(refused.body.error.details).to.deep.equal([{ path: 'body.comments[1].articleId', message: '同一条文只能提一条意见，请把意见写在一起' }])
    expect((await office.get(`/api/admin/surveys/${consultationId}/opinions`)).body.items).to.deep.equal([])

    const together = await resident.post(`/api/mp/surveys/${consultationId}/responses`, {
      comments: [{ articleId: 'a2', text: '八十岁门槛太高；食堂离家太远' }],
    })
    expect(together.status).to.equal(201)
  })

  it('two opinions on one article stored before the rule: the sheet gives each its own result and reason', async () => {
    const { store } = app.liaison
    const survey = (await store.surveys.get(consultationId))!
    const now = app.clock.now()
    const texts = ['八十岁门槛太高', '食堂离家太远']
    const response: SurveyResponse = {
      id: 'sr-before-the-rule',
      surveyId: consultationId,
      respondentKey: 'mp:mu-before-the-rule',
      mpUserId: null,
      deputyId: null,
      stationId: null,
      districtId: null,
      via: null,
      answers: {},
      comments: texts.map((text) => ({ articleId: 'a2', text })),
      createdAt: now,
    }
    const opinions: Opinion[] = texts.map((text, i) => ({
      id: `op-00000000-0000-4000-8000-00000000000${i + 1}`,
      surveyId: consultationId,
      responseId: response.id,
      articleId: 'a2',
      text,
      mpUserId: null,
      via: null,
      stationId: null,
      outcome: 'pending',
      reason: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
    }))
    await store.surveys.respond({ response, increments: tallyIncrements(survey, response), texts: [], opinions })
    const decide = (id: string, outcome: string, reason: string) =>
      office.post(`/api/admin/surveys/${consultationId}/opinions/${id}/decision`, { outcome, reason })
    expect((await decide(opinions[0]!.id, 'not_adopted', '年龄按国家规定')).status).to.equal(200)
    expect((await decide(opinions[1]!.id, 'adopted', '增设社区助餐点')).status).to.equal(200)

    const [header, row] = sheetRows((await office.get(`/api/admin/surveys/${consultationId}/responses.csv`)).body)
    const cell = (heading: string) => row![header!.indexOf(heading)]
    expect(cell('第十二条 意见')).to.equal('1. 八十岁门槛太高\n2. 食堂离家太远')
    expect(cell('第十二条 采纳结果')).to.equal('1. 未采纳\n2. 采纳')
    expect(cell('第十二条 理由')).to.equal('1. 年龄按国家规定\n2. 增设社区助餐点')
  })
})
