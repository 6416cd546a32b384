import { expect } from 'chai'
import { existsSync } from 'node:fs'
import { runLeased } from '../../src/jobs/index.js'
import { retentionCutoff, RETENTION_JOB } from '../../src/jobs/retention-job.js'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { jpegWithGps } from '../helpers/images.js'

const DAY = 86_400_000

/** The notice promises: a message is kept three years after it is closed, then anonymised. */
describe('the retention job', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2023-03-06T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function closedCase(text: string) {
    const resident = await asResident(app, 'o-long-time-resident') // signs in again: sessions last 30 days
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'p.jpg')
    const photo = (
      await (await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${resident.bearer}` } })).json()
    ).url
    const { body: c, status } = await resident.post('/api/mp/cases', { text, regionId: 'c010101', phone: '13812345678', images: [photo] })
    expect(status, JSON.stringify(c)).to.equal(201)
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(c.id))!.deputyId!)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系有关部门，本周内处理好。' })
    expect((await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 4 })).body.status).to.equal('closed')
    return { id: c.id as string, photo: app.liaison.services.uploads.pathOf(photo)! }
  }
  const run = () =>
    runLeased(
      app.liaison.jobs.find((j) => j.name === RETENTION_JOB)!,
      app.liaison.store,
      app.clock,
      'test',
      app.liaison.logger,
    )

  it('anonymises messages closed more than three years ago and deletes their photos; younger ones stay as they are', async () => {
    const old = await closedCase('我叫王五，住幸福小区5栋，楼道灯坏了')
    app.clock.advance(200 * DAY)
    const younger = await closedCase('我叫王五，路口红绿灯太短')
    const before = (await (await asAdmin(app)).get('/api/admin/cases/stats')).body.overall

    app.clock.advance(3 * 365 * DAY - 200 * DAY) // the old one: three years and a day or so; the younger: not yet
    app.clock.advance(2 * DAY)
    expect(await run()).to.deep.include({ ran: true, result: { anonymised: 1, more: false } })
    const admin = await asAdmin(app) // signs in again, years later

    const anonymised = (await admin.get(`/api/admin/cases/${old.id}`)).body
    expect(anonymised).to.deep.include({ text: '我叫某某，住幸福小区（门牌号已隐去），楼道灯坏了', images: [], phoneMasked: null, rating: 4, status: 'closed' })
    expect(existsSync(old.photo), 'the old photo').to.equal(false)
    const kept = (await admin.get(`/api/admin/cases/${younger.id}`)).body
    expect(kept).to.deep.include({ text: '我叫王五，路口红绿灯太短', phoneMasked: '138****5678' })
    expect(kept.images).to.have.length(1)
    expect(existsSync(younger.photo), 'the younger photo').to.equal(true)
    expect((await admin.get('/api/admin/cases/stats')).body.overall).to.deep.equal(before)

    expect(await run(), 'nothing twice').to.deep.include({ result: { anonymised: 0, more: false } })
    app.clock.advance(200 * DAY)
    expect((await run()).result).to.deep.equal({ anonymised: 1, more: false })
  })

  it('runs on one instance at a time, under its lease', async () => {
    const job = app.liaison.jobs.find((j) => j.name === RETENTION_JOB)!
    expect(await app.liaison.store.locks.acquire(job.name, 'other-instance', job.leaseMs, app.clock.now())).to.equal(true)
    expect(await run()).to.deep.equal({ ran: false })
  })

  it('counts three calendar years back, 29 February included', () => {
    expect(retentionCutoff(new Date('2026-12-01T00:00:00Z'), 3).toISOString()).to.equal('2023-12-01T00:00:00.000Z')
    expect(retentionCutoff(new Date('2028-02-29T10:00:00Z'), 3).toISOString()).to.equal('2025-02-28T10:00:00.000Z')
  })
})
