import { expect } from 'chai'
import { asResident, type Client, type TestApp } from '../helpers/app.js'
import { consultationBody, surveyOffice } from '../helpers/surveys.js'

/**
 * A consultation's 逐条意见 come page by page, as the office's other lists do: 20 at a time with
 * how many there are in all (offset, limit, total), filters applied before the page is cut.
 */
describe('consultation opinions, page by page', () => {
  let app: TestApp
  let office: Client
  let create: (body: Record<string, unknown>) => Promise<{ id: string }>
  beforeEach(async () => ({ app, office, create } = await surveyOffice()))
  afterEach(() => app.close())

  it('gives 20 of 25 opinions with the total, the other 5 on the second page, and filters before paging', async () => {
    const s = await create(consultationBody())
    for (let i = 1; i <= 25; i++) {
      // Listed in the order they came: one a minute.
      app.clock.advance(60_000)
      const sent = await (
        await asResident(app)
      ).post(`/api/mp/surveys/${s.id}/responses`, {
        comments: [{ articleId: i <= 22 ? 'a1' : 'a2', text: `第${i}位居民的意见` }],
      })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    }
    const first = await office.get(`/api/admin/surveys/${s.id}/opinions`)
    expect(first.status).to.equal(200)
    expect(first.body.total).to.equal(25)
    expect(first.body.items).to.have.length(20)
    expect(first.body.items[0].text).to.equal('第1位居民的意见')
    const second = await office.get(`/api/admin/surveys/${s.id}/opinions?offset=20&limit=20`)
    expect(second.body.items.map((o: { text: string }) => o.text)).to.deep.equal([21, 22, 23, 24, 25].map((i) => `第${i}位居民的意见`))
    expect(second.body.total).to.equal(25)
    const onTwelve = await office.get(`/api/admin/surveys/${s.id}/opinions?articleId=a2&limit=2`)
    expect(onTwelve.body.total, '第十二条 has three').to.equal(3)
    expect(onTwelve.body.items.map((o: { text: string }) => o.text)).to.deep.equal(['第23位居民的意见', '第24位居民的意见'])

    const tooMany = await office.get(`/api/admin/surveys/${s.id}/opinions?limit=500`)
    expect(tooMany.status).to.equal(400)
    expect(tooMany.body.error.details[0].path).to.equal('query.limit')
  })
})
