import { expect } from 'chai'
import { asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** How many photos one message may carry is a setting (uploads.maxPerCase), checked before anything is written. */
describe("a resident's message with more photos than one message may carry", () => {
  let app: TestApp
  let resident: Awaited<ReturnType<typeof asResident>>
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { uploads: { maxPerCase: 2 } } })
    resident = await asResident(app)
  })
  afterEach(() => app.close())

  const upload = async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png')
    const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
    return (await answer.json()).url as string
  }

  it('is refused with the limit in plain words, and nothing is created; two photos go through', async () => {
    const photos = [await upload(), await upload(), await upload()]
    const refused = await resident.post('/api/mp/cases', { text: '路面坑洼，附三张照片', regionId: 'c010101', images: photos })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.deep.equal({ code: 'too_many_images', message: '最多附 2 张图片', details: [{ path: 'body.images', message: '最多 2 张' }] })
    expect((await app.liaison.store.cases.search({ limit: 10 })).items).to.have.length(0)

    const sent = await resident.post('/api/mp/cases', { text: '路面坑洼，附两张照片', regionId: 'c010101', images: photos.slice(0, 2) })
    expect(sent.status).to.equal(201)
    expect(sent.body.images).to.have.length(2)
  })
})
