import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/** The sheet as a spreadsheet reads it: rows of cells, the header first. */
const sheetRows = (body: unknown): string[][] => parse(Buffer.from(body as Buffer).toString('utf8'), { bom: true, relax_column_count: true })

const WRITTEN = '+86 139 1234 5678 我的电话，请联系我'
const MASKED = '（已隐去） 我的电话，请联系我'

/**
 * resident-14 wrote her phone number into 其他建议, and another into an opinion on the draft. As with a message, the
 * console's lists and the sheets show it masked; 查看完整原文 shows it whole and is recorded in 操作记录 with who read it.
 */
describe('numbers residents write in answers and opinions are masked, and read whole only on record', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  const reads = async () => (await app.liaison.store.audit.list({ action: 'survey.text.read', limit: 10 })).items

  it('文字回答 and 导出答卷 mask her number; 查看完整原文 shows it and is recorded', async () => {
    const survey = await create(surveyBody())
    expect((await (await asResident(app)).post(`/api/mp/surveys/${survey.id}/responses`, { answers: { q1: 'o2', q3: 4, q4: WRITTEN } })).status).to.equal(201)

    const listed = (await office.get(`/api/admin/surveys/${survey.id}/texts?questionId=q4`)).body.items
    expect(listed.map((t: { text: string; masked: boolean }) => [t.text, t.masked])).to.deep.equal([[MASKED, true]])
    const [header, row] = sheetRows((await office.get(`/api/admin/surveys/${survey.id}/responses.csv`)).body)
    expect(row![header!.indexOf('4. 其他建议')]).to.equal(MASKED)
    expect(await reads()).to.deep.equal([])

    const whole = await office.get(`/api/admin/surveys/${survey.id}/texts/whole?questionId=q4`)
    expect(whole.body.items.map((t: { text: string }) => t.text)).to.deep.equal([WRITTEN])
    expect(whole.headers.get('cache-control')).to.equal('no-store')
    expect((await reads()).map((e) => [e.targetId, e.details.rows])).to.deep.equal([[survey.id, 1]])
  })

  it('逐条意见 and the 采纳情况表 mask it too; 查看完整原文 there is recorded', async () => {
    const consultation = await create(consultationBody({ anonymous: false }))
    const sent = await (await asResident(app)).post(`/api/mp/surveys/${consultation.id}/responses`, { comments: [{ articleId: 'a1', text: WRITTEN }] })
    expect(sent.status).to.equal(201)
    const listed = (await office.get(`/api/admin/surveys/${consultation.id}/opinions`)).body.items
    expect(listed.map((o: { text: string; masked: boolean }) => [o.text, o.masked])).to.deep.equal([[MASKED, true]])
    const [, row] = sheetRows((await office.get(`/api/admin/surveys/${consultation.id}/opinions.csv`)).body)
    expect(row![1]).to.equal(MASKED)

    const whole = (await office.get(`/api/admin/surveys/${consultation.id}/opinions/whole`)).body.items
    expect(whole.map((o: { text: string }) => o.text)).to.deep.equal([WRITTEN])
    expect((await reads()).map((e) => e.details.source)).to.deep.equal(['opinions'])
  })
})
