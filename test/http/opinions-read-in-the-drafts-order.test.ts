import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyOffice } from '../helpers/surveys.js'

/**
 * 赵红 reads a draft's opinions article by article, as the 法工委 reads a draft: 逐条意见 goes in the draft's order
 * (第一条 before 第十二条), each article's oldest first, whatever order they arrived in; and 统计结果 counts each article's
 * opinions and how many she has decided.
 */
describe('a consultation’s opinions are read in the draft’s order, and counted per article', () => {
  let app: TestApp
  let office: Client
  let id: string
  beforeEach(async () => {
    const started = await surveyOffice()
    ;({ app, office } = started)
    id = (await started.create(consultationBody({ anonymous: false }))).id
  })
  afterEach(() => app.close())

  /** One resident's opinion, a minute after the one before. */
  const send = async (articleId: string, text: string) => {
    app.clock.set(new Date(app.clock.now().getTime() + 60_000))
    expect((await (await asResident(app)).post(`/api/mp/surveys/${id}/responses`, { comments: [{ articleId, text }] })).status).to.equal(201)
  }

  it('lists 第一条 first, and counts 意见 and 已决定 per article', async () => {
    await send('a2', '百分之三十太高')
    await send('a1', '建议写明老旧小区')
    await send('a2', '新小区可以更高')

    const listed = (await office.get(`/api/admin/surveys/${id}/opinions`)).body.items
    expect(listed.map((o: { articleId: string; text: string }) => o.text)).to.deep.equal(['建议写明老旧小区', '百分之三十太高', '新小区可以更高'])
    const second = (await office.get(`/api/admin/surveys/${id}/opinions?offset=1&limit=1`)).body
    expect([second.total, second.items[0].text]).to.deep.equal([3, '百分之三十太高'])

    await office.post(`/api/admin/surveys/${id}/opinions/${listed[1].id}/decision`, { outcome: 'not_adopted', reason: '按国家标准' })
    const results = (await office.get(`/api/admin/surveys/${id}/results`)).body
    expect(results.articles.map((a: { number: string; comments: number; decided: number }) => [a.number, a.comments, a.decided])).to.deep.equal([
      ['第一条', 1, 0],
      ['第十二条', 2, 1],
    ])
  })
})
