import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asDeputy, asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/** The sheet as a spreadsheet reads it: rows of cells, the header first. */
const sheetRows = (body: unknown): string[][] => parse(Buffer.from(body as Buffer).toString('utf8'), { bom: true, relax_column_count: true })

/**
 * 主任 asks 赵红 "这条意见是谁提的？". A named survey keeps the account, never a name: 导出答卷 and 导出每人填写的内容 say whether an
 * answer or opinion came from a deputy (人大代表) or a resident (群众), as the quiz sheet's 身份 does, and name nobody.
 */
describe('the sheets tell a deputy’s answer from a resident’s', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  it('导出答卷 has 身份: 群众 or 人大代表, and no name', async () => {
    const survey = await create(surveyBody())
    expect((await (await asResident(app)).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 4 } })).status).to.equal(201)
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 5 } })).status).to.equal(201)
    const [header, ...rows] = sheetRows((await office.get(`/api/admin/surveys/${survey.id}/responses.csv`)).body)
    expect(header!.slice(0, 2)).to.deep.equal(['提交时间', '身份'])
    expect(rows.map((r) => [r[1], r[header!.indexOf('3. 对现有绿化的满意度')]])).to.deep.equal([
      ['群众', '4'],
      ['人大代表', '5'],
    ])
  })

  it('a consultation’s 导出每人填写的内容 says whose each opinion was, by 身份', async () => {
    const consultation = await create(consultationBody({ anonymous: false }))
    const send = (who: Client, text: string) => who.post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text }] })
    expect((await send(await asResident(app), '老小区也要补种树木')).status).to.equal(201)
    expect((await send(await asDeputy(app, 'dp0001'), '建议在第一条中写明"医养结合"')).status).to.equal(201)
    const [header, ...rows] = sheetRows((await office.get(`/api/admin/surveys/${consultation.id}/responses.csv`)).body)
    const cell = (row: string[], heading: string) => row[header!.indexOf(heading)]
    expect(rows.map((r) => [cell(r, '身份'), cell(r, '第一条 意见')])).to.deep.equal([
      ['群众', '老小区也要补种树木'],
      ['人大代表', '建议在第一条中写明"医养结合"'],
    ])
  })
})
