import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { jpegWithGps } from '../helpers/images.js'
import { at, runningProject } from '../helpers/livelihood.js'

/** 民生实事: the responsible unit shows the quarter's work with photos, and everyone who sees the progress sees them. */
describe('民生实事项目: progress photos', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    at(app, '2027-04-03T02:00:00Z')
  })
  afterEach(() => app.close())

  const unitStaff = (username: string) => new Client(app.baseUrl).login(username, STAFF_PASSWORD)
  async function upload(staff: Client, bytes = jpegWithGps()) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'site.jpg')
    const answer = await staff.post('/api/unit/uploads', form)
    return answer
  }

  it('a unit posts its quarter with a photo it uploaded; the office, the unit and the public page show it and the link opens', async () => {
    const lifts = await runningProject(app, 'u01')
    const bureau = await unitStaff('chengang')
    const uploaded = await upload(bureau)
    expect(uploaded.status, JSON.stringify(uploaded.body)).to.equal(201)
    expect(uploaded.body).to.include({ type: 'image/jpeg' })
    expect(uploaded.body.url).to.match(/^\/api\/mp\/uploads\//)

    const posted = await bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, {
      quarter: 1,
      percent: 10,
      text: '完成选址，开始打井道',
      photos: [uploaded.body.url],
    })
    expect(posted.status, JSON.stringify(posted.body)).to.equal(201)
    expect(posted.body.photos).to.have.length(1)
    expect(posted.body.photos[0]).to.match(/\?expires=\d+&sig=/)

    const mine = (await bureau.get('/api/admin/unit/livelihood-projects')).body.items[0]
    expect(mine.progress[0].photos[0]).to.match(/\?expires=\d+&sig=/)
    const office = await asAdmin(app)
    const year = (await office.get(`/api/admin/livelihood/cycles/${lifts.cycleId}`)).body
    expect(year.projects[0].progress[0].photos[0]).to.match(/\?expires=\d+&sig=/)

    // Anyone, signed in or not: the public list carries the link, and the link serves the image.
    const listed = await fetch(`${app.baseUrl}/api/public/livelihood-projects`)
    const project = ((await listed.json()) as any).items[0].projects[0]
    expect(project.progress[0]).to.include({ percent: 10, text: '完成选址，开始打井道' })
    const photo = await fetch(app.baseUrl + project.progress[0].photos[0])
    expect(photo.status).to.equal(200)
    expect(photo.headers.get('content-type')).to.equal('image/jpeg')
    expect((await photo.arrayBuffer()).byteLength).to.equal(uploaded.body.size)
    // The bare address opens for nobody.
    expect((await fetch(app.baseUrl + uploaded.body.url)).status).to.equal(403)
  })

  it('refuses another unit’s photo, a resident’s photo and an outside address with 422, recording nothing', async () => {
    const lifts = await runningProject(app, 'u01')
    const bureau = await unitStaff('chengang')
    const theirs = (await upload(await unitStaff('wujing'))).body.url as string
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'road.jpg')
    const resident = await asResident(app)
    const residents = (await resident.post('/api/mp/uploads', form)).body.url as string
    expect(residents).to.match(/^\/api\/mp\/uploads\//)
    for (const [photos, bad] of [
      [[theirs], 'body.photos[0]'],
      [[(await upload(bureau)).body.url, residents], 'body.photos[1]'],
      [['https://elsewhere.example/site.jpg'], 'body.photos[0]'],
    ] as const) {
      const refused = await bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 10, text: '开工', photos })
      expect(refused.status, JSON.stringify(refused.body)).to.equal(422)
      expect(refused.body.error).to.include({ code: 'unknown_image', message: '图片无效，请重新上传' })
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal([bad])
    }
    const seven = await Promise.all(Array.from({ length: 7 }, async () => (await upload(bureau)).body.url as string))
    const tooMany = await bureau.post(`/api/admin/unit/livelihood-projects/${lifts.id}/progress`, { quarter: 1, percent: 10, text: '开工', photos: seven })
    expect(tooMany.status).to.equal(400)
    expect(await app.liaison.store.livelihood.listProgress([lifts.id])).to.deep.equal([])
  })

  it('takes uploads only from a unit’s staff, from the console’s own pages, and only images', async () => {
    const bureau = await unitStaff('chengang')
    const text = new FormData()
    text.append('file', new Blob(['not a photo'], { type: 'image/jpeg' }), 'fake.jpg')
    const notImage = await bureau.post('/api/unit/uploads', text)
    expect(notImage.status).to.equal(415)
    expect(notImage.body.error.code).to.be.a('string')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'site.jpg')
    const forged = await bureau.post('/api/unit/uploads', form, { origin: 'https://evil.example' })
    expect(forged.status).to.equal(403)
    expect(forged.body.error.code).to.equal('origin_refused')
    const office = await asAdmin(app)
    expect((await office.post('/api/unit/uploads', form)).status).to.equal(403)
  })
})
