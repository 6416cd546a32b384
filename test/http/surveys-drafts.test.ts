import { expect } from 'chai'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { asAdmin, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'
import { consultationBody } from '../helpers/surveys.js'

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default
/** What a phone reads from a poster: the link in its code. */
const scanned = (png: Buffer) => {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

/**
 * A consultation prepared as a draft (草稿): the office works on it, nobody can find or
 * answer it; once published, the public answers and the questions freeze.
 */
describe('survey drafts until published', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00; opens at 09:00
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('keeps a draft from respondents and freely changeable, then publishes it once, audited', async () => {
    const created = await office.post('/api/admin/surveys', consultationBody({ draft: true }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const s = created.body
    expect(s).to.include({ status: 'draft', statusLabel: '草稿' })
    const resident = await asResident(app)
    expect((await resident.get(`/api/mp/surveys/${s.shortCode}`)).status, 'the poster leads nowhere yet').to.equal(404)
    expect((await resident.post(`/api/mp/surveys/${s.id}/responses`, { comments: [{ articleId: 'a1', text: '赞成' }] })).status).to.equal(404)

    const moved = await office.patch(`/api/admin/surveys/${s.id}`, {
      opensAt: '2026-11-23T08:00:00+08:00',
      articles: [{ id: 'a1', number: '第一条', text: '改过的条文' }],
    })
    expect(moved.status, 'a draft changes freely, even its opening time').to.equal(200)
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).status, 'a draft is not closed').to.equal(409)

    const published = await office.post(`/api/admin/surveys/${s.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    expect(published.body).to.include({ status: 'published', statusLabel: '已发布', phase: 'open' })
    const again = await office.post(`/api/admin/surveys/${s.id}/publish`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'already_published', message: '已经发布过了' })
    expect((await resident.get(`/api/mp/surveys/${s.shortCode}`)).body.articles[0].text).to.equal('改过的条文')
    expect((await resident.post(`/api/mp/surveys/${s.id}/responses`, { comments: [{ articleId: 'a1', text: '赞成' }] })).status).to.equal(201)
    const actions = (await app.liaison.store.audit.list({ limit: 10, targetId: s.id })).items.map((e) => e.action)
    expect(actions).to.deep.equal(['survey.published', 'survey.corrected'])
  })

  it('draws no 二维码海报 for a draft, even by its address; draws it once published, and still after it closed', async () => {
    const s = (await office.post('/api/admin/surveys', consultationBody({ draft: true }))).body
    const refused = await office.get(`/api/admin/surveys/${s.id}/qrcode.png`)
    expect(refused.status, 'a poster of a draft would send residents to a refusal').to.equal(409)
    expect(refused.body.error).to.deep.equal({
      code: 'survey_draft',
      message: '征求意见还没有发布，不能生成海报。请先发布，再打印二维码海报',
      details: [],
    })

    expect((await office.post(`/api/admin/surveys/${s.id}/publish`)).status).to.equal(200)
    const open = await office.get(`/api/admin/surveys/${s.id}/qrcode.png`)
    expect(open.status).to.equal(200)
    expect(scanned(open.body as Buffer)).to.equal(`https://liaison.example.gov.cn/mp?scene=v%3D${s.shortCode}`)

    // Closed: kept for the record (its words say it has ended: unit/qr-poster-words), the same code.
    expect((await office.post(`/api/admin/surveys/${s.id}/close`)).status).to.equal(200)
    const closed = await office.get(`/api/admin/surveys/${s.id}/qrcode.png`)
    expect(closed.status).to.equal(200)
    expect(closed.headers.get('content-type')).to.equal('image/png')
    expect(scanned(closed.body as Buffer)).to.equal(`https://liaison.example.gov.cn/mp?scene=v%3D${s.shortCode}`)
  })
})
