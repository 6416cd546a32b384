import { expect } from 'chai'
import { readFileSync } from 'node:fs'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'
import { GPS_MARK, jpegWithGps } from '../helpers/images.js'

/**
 * A resident's photo of a broken road is seen by the people handling it, and by nobody
 * who merely got hold of its address; and it no longer says where the phone was.
 */
describe('who may see an uploaded photo', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function upload(resident: Client, bytes: Buffer) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'road.jpg')
    const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })
    expect(answer.status).to.equal(201)
    return (await answer.json()) as { url: string; viewUrl: string; size: number }
  }
  const open = (path: string, bearer?: string | null) => fetch(app.baseUrl + path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {})

  it('stores the photo without where it was taken', async () => {
    const resident = await asResident(app)
    const saved = await upload(resident, jpegWithGps())
    const stored = readFileSync(app.liaison.services.uploads.pathOf(saved.url)!)
    expect(stored.includes(Buffer.from(GPS_MARK))).to.equal(false)
    expect(stored.length).to.equal(saved.size)
    const served = Buffer.from(await (await open(saved.viewUrl)).arrayBuffer())
    expect(served.includes(Buffer.from(GPS_MARK))).to.equal(false)
  })

  it('opens for the author, the deputy and the station staff through their case views, never from a bare or stale address', async () => {
    const resident = await asResident(app)
    const saved = await upload(resident, jpegWithGps())
    const { body: c } = await resident.post('/api/mp/cases', { text: '建设路路面塌了一块，见图', regionId: 'c010101', images: [saved.url] })

    const bare = await open(saved.url)
    expect(bare.status, 'a bare address opens nothing').to.equal(403)
    expect((await bare.json()).error).to.include({ code: 'image_link_invalid' })
    const stranger = await asResident(app)
    expect((await open(saved.url, stranger.bearer)).status, 'another resident, signed in').to.equal(403)
    expect((await open(saved.url, resident.bearer)).status, 'the author, signed in').to.equal(200)

    const deputy = await asDeputy(app, 'dp0001')
    const deputyLink = (await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.images[0]
    expect((await open(deputyLink)).status, "the deputy's link").to.equal(200)
    const staff = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const staffLink = (await staff.get(`/api/admin/cases/${c.id}`)).body.images[0]
    expect((await open(staffLink)).status, "the station staff's link").to.equal(200)
    const other = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    expect((await other.get(`/api/admin/cases/${c.id}`)).status, 'staff of another station do not get the case, nor a link').to.equal(404)

    const forged = deputyLink.replace(/sig=(.)/, (_m: string, ch: string) => `sig=${ch === 'A' ? 'B' : 'A'}`)
    expect((await open(forged)).status, 'a forged signature').to.equal(403)
    const second = await upload(resident, jpegWithGps())
    const borrowed = deputyLink.replace(saved.url, second.url)
    expect((await open(borrowed)).status, "one file's link does not open another").to.equal(403)
    app.clock.advance(31 * 60_000)
    expect((await open(deputyLink)).status, 'after half an hour the link is spent').to.equal(403)
    const fresh = (await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.images[0]
    expect((await open(fresh)).status, 'opening the case again gives a fresh one').to.equal(200)
  })
})
