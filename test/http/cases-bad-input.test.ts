import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

describe("bad input to a resident's message", () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    resident = await asResident(app)
  })
  afterEach(() => app.close())

  const count = async () => (await app.liaison.store.cases.search({ limit: 100 })).items.length

  it('refuses empty, whitespace-only and 2,001-character text, and keeps 2,000', async () => {
    for (const text of ['', '   \n\t ']) {
      const answer = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
      expect(answer.status).to.equal(400)
      expect(answer.body.error.details).to.deep.equal([{ path: 'body.text', message: '留言内容不能为空' }])
    }
    const long = await resident.post('/api/mp/cases', { text: '长'.repeat(2001) })
    expect(long.body.error.details).to.deep.equal([{ path: 'body.text', message: '留言内容最多 2000 字' }])
    expect(await count()).to.equal(0)
    expect((await resident.post('/api/mp/cases', { text: '长'.repeat(2000) })).status).to.equal(201)
  })

  it('refuses a reason of only zero-width characters: 不予受理 must tell her why', async () => {
    const { body: c } = await resident.post('/api/mp/cases', { text: '噪音', regionId: 'c010101' })
    const admin = await asAdmin(app)
    const reject = await admin.post(`/api/admin/cases/${c.id}/reject`, { reason: '\u200b\u200b' })
    expect(reject.status).to.equal(400)
    expect(reject.body.error.details).to.deep.equal([{ path: 'body.reason', message: '原因不能为空' }])
    expect((await app.liaison.store.cases.get(c.id))!.status, 'not rejected').to.not.equal('rejected')
  })

  it('ignores unknown codes with a reason and routes on', async () => {
    const answer = await resident.post('/api/mp/cases', { text: '垃圾清运不及时', regionId: 'c010101', deputyCode: 'DP9999', stationCode: 'NOPE' })
    expect(answer.status).to.equal(201)
    expect(answer.body.handledBy.station).to.equal('轻工街道代表联络站')
    const staffView = await app.liaison.store.cases.get(answer.body.id)
    expect(staffView!.routingReasons.map((r) => r.code)).to.include.members(['unknown_deputy_code', 'unknown_station_code', 'covering_station'])
  })

  it('stores script tags and SQL-looking text as plain text and returns them unchanged', async () => {
    const text = `<script>alert('x')</script>'; DROP TABLE cases; --`
    const { body } = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
    expect((await resident.get(`/api/mp/cases/${body.id}`)).body.text).to.equal(text)
    expect(await count()).to.equal(1)
  })

  it('refuses ratings of 0, 6 and 4.5, and a second rating', async () => {
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '噪音', regionId: 'c010101' })
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系物业，晚上十点后停止施工。' })
    for (const rating of [0, 6, 4.5, '5']) {
      const answer = await resident.post(`/api/mp/cases/${c.id}/rate`, { rating })
      expect(answer.status, String(rating)).to.equal(400)
      expect(answer.body.error.details[0]).to.deep.equal({ path: 'body.rating', message: '评分应为 1–5 的整数' })
    }
    expect((await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 3 })).status).to.equal(200)
    const again = await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 5 })
    expect(again.status).to.equal(409)
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.rating).to.equal(3)
  })

  it('asks for consent to the privacy notice before the first message', async () => {
    const newcomer = await asResident(app, 'o-newcomer', { consent: false })
    const refused = await newcomer.post('/api/mp/cases', { text: '你好', regionId: 'c010101' })
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('consent_required')
    const notice = (await newcomer.get('/api/mp/privacy')).body
    expect(notice.text).to.include('加密保存')
    expect((await newcomer.post('/api/mp/consent', { version: 'v0' })).status).to.equal(400)
    await newcomer.post('/api/mp/consent', { version: notice.version })
    expect((await newcomer.post('/api/mp/cases', { text: '你好', regionId: 'c010101' })).status).to.equal(201)
    expect((await app.liaison.store.mpUsers.get(newcomer.userId))!.consentVersion).to.equal('v3')
  })

  it('slows down one person submitting too many messages', async () => {
    await app.close()
    app = await startApp({ directory: caseCity(), overrides: { cases: { submitLimitPerTenMinutes: 3 } } })
    resident = await asResident(app)
    for (let i = 0; i < 3; i++) expect((await resident.post('/api/mp/cases', { text: `第${i}条` })).status).to.equal(201)
    const fourth = await resident.post('/api/mp/cases', { text: '第4条' })
    expect(fourth.status).to.equal(429)
    expect(Number(fourth.headers.get('retry-after'))).to.be.greaterThan(0)
    expect((await (await asResident(app)).post('/api/mp/cases', { text: '别人' })).status, 'others are not affected').to.equal(201)
  })

  it('honours an Idempotency-Key: a retry gets the same case, another body with the same key is refused', async () => {
    const headers = { 'Idempotency-Key': 'resident-retry-1' }
    const first = await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' }, headers)
    const retry = await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' }, headers)
    expect(retry.status).to.equal(201)
    expect(retry.body.ticket).to.equal(first.body.ticket)
    expect(retry.headers.get('idempotent-replayed')).to.equal('true')
    const changed = await resident.post('/api/mp/cases', { text: '另一件事', regionId: 'c010101' }, headers)
    expect(changed.status).to.equal(422)
    expect(changed.body.error.code).to.equal('idempotency_key_reused')
    expect(changed.body.error.message, 'said in words a person understands').to.equal(
      '刚才已经提交过一次，那次已经收到；这次改过的内容没有再提交，请刷新后查看',
    )
    const someoneElse = await (await asResident(app)).post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' }, headers)
    expect(someoneElse.body.ticket, 'keys are per caller').not.to.equal(first.body.ticket)
    expect(await count()).to.equal(2)
  })

  it('creates one case for many simultaneous retries with one key', async () => {
    const headers = { 'Idempotency-Key': 'burst-1' }
    const answers = await Promise.all(Array.from({ length: 8 }, () => resident.post('/api/mp/cases', { text: '同一条', regionId: 'c010101' }, headers)))
    const tickets = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.ticket))
    expect(tickets.size).to.equal(1)
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error.code === 'request_in_progress'))).to.equal(true)
    expect(await count()).to.equal(1)
  })

  describe('images', () => {
    const upload = (bytes: Buffer, type = 'image/png') => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo.png')
      return fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
    }

    it('accepts an image, serves it back, and attaches it to a message', async () => {
      const answer = await upload(PNG)
      expect(answer.status).to.equal(201)
      const saved = await answer.json()
      expect(saved).to.include({ type: 'image/png' })
      expect(saved.url).to.match(/^\/api\/mp\/uploads\/[\w-]{22}\.png$/)
      const served = await fetch(app.baseUrl + saved.viewUrl)
      expect(served.headers.get('content-type')).to.equal('image/png')
      expect(Buffer.from(await served.arrayBuffer())).to.deep.equal(PNG)
      const c = await resident.post('/api/mp/cases', { text: '看图：路面坑洼', regionId: 'c010101', images: [saved.url] })
      expect(c.body.images).to.have.length(1)
      expect(c.body.images[0].startsWith(`${saved.url}?expires=`), 'a signed link to the same file').to.equal(true)
    })

    it('refuses what is not an image whatever it claims to be, and what is too large', async () => {
      const fake = await upload(Buffer.from('<html>not an image</html>'), 'image/png')
      expect(fake.status).to.equal(415)
      const huge = await upload(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]))
      expect(huge.status).to.equal(413)
      expect((await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: new Uint8Array(PNG) })).status, 'not logged in').to.equal(401)
    })

    it('answers a malformed upload with 400, not a crash', async () => {
      const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, {
        method: 'POST',
        body: 'x',
        headers: { 'content-type': 'multipart/form-data', authorization: `Bearer ${resident.bearer}` },
      })
      expect(answer.status).to.equal(400)
      expect((await answer.json()).error.code).to.equal('bad_upload')
    })

    it('refuses an image someone else uploaded', async () => {
      const mine = await (await upload(PNG)).json()
      const other = await asResident(app)
      const answer = await other.post('/api/mp/cases', { text: '借用别人的图', images: [mine.url] })
      expect(answer.status).to.equal(422)
      expect(answer.body.error.details).to.deep.equal([{ path: 'body.images[0]', message: '不是您上传的图片' }])
    })

    it('refuses a message with images that were never uploaded here', async () => {
      const answer = await resident.post('/api/mp/cases', {
        text: '看图',
        images: ['https://evil.example/x.png', '/api/mp/uploads/AAAAAAAAAAAAAAAAAAAAAA.png'],
      })
      expect(answer.status).to.equal(422)
      expect(answer.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.images[0]', 'body.images[1]'])
      expect(await count()).to.equal(0)
    })
  })
})
