import { expect } from 'chai'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runLeased } from '../../src/jobs/index.js'
import { UNATTACHED_UPLOADS_JOB } from '../../src/jobs/unattached-uploads-job.js'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { jpegWithGps } from '../helpers/images.js'
import { openCycle, propose, proposal, runningProject } from '../helpers/livelihood.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { draft } from '../helpers/suggestions.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
/** A one-page PDF. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')

/**
 * A file uploaded and then never attached — the resident gave up on her message, the clerk took
 * a paper off the meeting form before saving — is deleted once a day has passed (uploads.
 * unattachedHours): a photo nobody sent is personal data with no purpose left. Whatever a message,
 * meeting, report or suggestion holds stays, and so does a file still being written about.
 */
describe('the unattached-uploads job', () => {
  let app: TestApp
  let dir: string
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-uploads-'))
    app = await startApp({ directory: meetingCity(), overrides: { uploads: { dir } } })
    app.clock.set(new Date('2026-12-07T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(async () => {
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** What the scheduler does every hour: the job as the app scheduled it, under its lease. */
  async function hourlyRun() {
    const job = app.liaison.jobs.find((j) => j.name === UNATTACHED_UPLOADS_JOB)
    if (job) await runLeased(job, app.liaison.store, app.clock, 'test', app.liaison.logger)
  }
  const nameOf = (url: string) => url.split('?')[0].split('/').pop()!
  const photoKept = (url: string) => existsSync(join(dir, nameOf(url)))
  const paperKept = (url: string) => existsSync(join(dir, 'meeting-files', nameOf(url)))
  const open = (path: string, bearer?: string | null) => fetch(app.baseUrl + path, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {})

  async function uploadPhoto(person: Client, path = '/api/mp/uploads') {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpegWithGps())], { type: 'image/jpeg' }), 'photo.jpg')
    const answer = await person.post(path, form)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return answer.body.url as string
  }
  async function uploadPaper(office: Client, name: string) {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), name)
    const answer = await office.post('/api/admin/meeting-files', form)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    return { name: answer.body.name as string, url: answer.body.url as string }
  }

  it('keeps the photo a resident sent with her message, deletes the one she never sent a day later, and lets a fresh one wait its day', async () => {
    const wang = await asResident(app)
    const sent = await uploadPhoto(wang)
    const givenUp = await uploadPhoto(wang)
    const message = await wang.post('/api/mp/cases', { text: '建设路口的路灯坏了一个星期了', regionId: 'c010101', images: [sent] })
    expect(message.status, JSON.stringify(message.body)).to.equal(201)

    app.clock.advance(23 * HOUR)
    const fresh = await uploadPhoto(wang) // she is writing another message
    await hourlyRun()
    expect(photoKept(givenUp), 'not yet a day old').to.equal(true)

    app.clock.advance(HOUR + MINUTE)
    await hourlyRun()
    expect(photoKept(givenUp), 'the photo never sent, a day later').to.equal(false)
    expect((await open(givenUp, wang.bearer)).status, 'not even she opens it any more').to.equal(404)
    expect(photoKept(fresh), 'uploaded an hour ago').to.equal(true)
    expect(photoKept(sent), 'the photo on her message').to.equal(true)
    const deputy = await asDeputy(app, (await app.liaison.store.cases.get(message.body.id))!.deputyId!)
    const link = (await deputy.get(`/api/mp/deputy/cases/${message.body.id}`)).body.images[0]
    expect((await open(link)).status, 'the deputy still sees the photo').to.equal(200)

    const late = await wang.post('/api/mp/cases', { text: '路灯的事，补一张照片', regionId: 'c010101', images: [givenUp] })
    expect(late.status, 'a deleted photo cannot be sent').to.equal(422)
    expect(late.body.error).to.include({ code: 'unknown_image', message: '图片无效，请重新上传' })
    const second = await wang.post('/api/mp/cases', { text: '小区门口的井盖松了', regionId: 'c010101', images: [fresh] })
    expect(second.status, JSON.stringify(second.body)).to.equal(201)

    app.clock.advance(72 * HOUR)
    await hourlyRun()
    expect(photoKept(sent), 'the first message’s photo, days later').to.equal(true)
    expect(photoKept(fresh), 'sent within its day, kept with the message').to.equal(true)
  })

  it('keeps the papers a clerk saved on a meeting, deletes the one taken off the form before saving, and lets a fresh one wait its day', async () => {
    let office = await asAdmin(app)
    const agenda = await uploadPaper(office, '会议议程.pdf')
    const wrongOne = await uploadPaper(office, '去年的议程.pdf') // taken off the form before saving
    const times = { startAt: '2026-12-18T09:30:00+08:00', endAt: '2026-12-18T11:30:00+08:00' }
    const created = await office.post('/api/admin/meetings', meetingBody({ ...times, attachments: [agenda] }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)

    app.clock.advance(23 * HOUR)
    office = await asAdmin(app) // the next morning: signs in again
    const seating = await uploadPaper(office, '座次表.pdf') // and edits the meeting
    app.clock.advance(HOUR + MINUTE)
    await hourlyRun()
    expect(paperKept(wrongOne.url), 'the paper taken off the form, a day later').to.equal(false)
    expect(paperKept(seating.url), 'uploaded an hour ago').to.equal(true)
    expect(paperKept(agenda.url), 'the paper on the meeting').to.equal(true)

    const edited = await office.patch(`/api/admin/meetings/${created.body.id}`, { attachments: [agenda, seating] })
    expect(edited.status, JSON.stringify(edited.body)).to.equal(200)
    const stale = await office.patch(`/api/admin/meetings/${created.body.id}`, { attachments: [agenda, seating, wrongOne] })
    expect(stale.status, 'a deleted paper cannot be attached').to.equal(422)
    expect(stale.body.error).to.include({ code: 'unknown_file', message: '附件文件无效，请重新上传' })

    app.clock.advance(72 * HOUR)
    await hourlyRun()
    const zhang = await asDeputy(app, 'dp0001')
    const shown = (await zhang.get(`/api/mp/meetings/${created.body.id}`)).body.attachments
    expect(shown.map((a: { name: string }) => a.name)).to.deep.equal(['会议议程.pdf', '座次表.pdf'])
    for (const paper of shown) expect((await open(paper.url)).status, `${paper.name} opens for the deputy`).to.equal(200)
  })

  it("leaves the photos on a deputy's activity report and suggestion, a resident's 民生实事 proposal and a unit's progress report", async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const visit = await uploadPhoto(zhang)
    const activity = { kind: 'research', date: '2026-12-03', place: '建设路社区', text: '走访建设路社区老旧小区。', photos: [visit] }
    const reported = await zhang.post('/api/mp/records/activities', activity)
    expect(reported.status, JSON.stringify(reported.body)).to.equal(201)
    const streetLamp = await uploadPhoto(zhang)
    const suggestion = await zhang.post('/api/mp/deputy/suggestions', draft({ attachmentIds: [streetLamp] }))
    expect(suggestion.status, JSON.stringify(suggestion.body)).to.equal(201)

    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const resident = await asResident(app)
    const oldBuilding = await uploadPhoto(resident)
    await propose(resident, cycle.id, { photos: [oldBuilding] })

    const project = await runningProject(app, 'u01')
    const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    const site = await uploadPhoto(bureau, '/api/unit/uploads')
    const progress = await bureau.post(`/api/admin/unit/livelihood-projects/${project.id}/progress`, {
      quarter: 4,
      percent: 20,
      text: '完成选址',
      photos: [site],
    })
    expect(progress.status, JSON.stringify(progress.body)).to.equal(201)

    app.clock.advance(25 * HOUR)
    await hourlyRun()
    expect(photoKept(visit), 'the activity report’s photo').to.equal(true)
    expect(photoKept(streetLamp), 'the suggestion’s image').to.equal(true)
    expect(photoKept(oldBuilding), 'the proposal’s photo').to.equal(true)
    expect(photoKept(site), 'the progress report’s photo').to.equal(true)
  })

  it('deletes the photos of a 民生实事 proposal and a progress report that were refused, as of any message never sent', async () => {
    const office = await asAdmin(app)
    const cycle = await openCycle(office)
    const resident = await asResident(app)
    const oldBuilding = await uploadPhoto(resident)
    const refused = await resident.post(`/api/mp/livelihood/cycles/${cycle.id}/proposals`, proposal({ photos: [oldBuilding], consentVersion: 'lp-old' }))
    expect(refused.status, 'the notice she agreed to has changed').to.equal(409)

    await runningProject(app, 'u01')
    const bureau = await new Client(app.baseUrl).login('chengang', STAFF_PASSWORD)
    const site = await uploadPhoto(bureau, '/api/unit/uploads')
    const elsewhere = await bureau.post('/api/admin/unit/livelihood-projects/lpj-not-ours/progress', {
      quarter: 4,
      percent: 20,
      text: '完成选址',
      photos: [site],
    })
    expect(elsewhere.status, 'not a project of this unit').to.equal(404)

    app.clock.advance(25 * HOUR)
    await hourlyRun()
    expect(photoKept(oldBuilding), 'the refused proposal’s photo').to.equal(false)
    expect(photoKept(site), 'the refused report’s photo').to.equal(false)
  })

  it('refuses, in words, a photo the job is deleting at the moment she sends it, and writes no message with a broken photo', async () => {
    const zhao = await asResident(app)
    const photo = await uploadPhoto(zhao)
    app.clock.advance(24 * HOUR + MINUTE)
    // The job has taken it and not yet removed the file: the very moment she presses 提交.
    expect(await app.liaison.store.uploads.takeUnattached({ kind: 'image', ownerId: zhao.userId }, 10, app.clock.now())).to.have.length(1)
    const sent = await zhao.post('/api/mp/cases', { text: '楼下的垃圾桶满了没人收', regionId: 'c010101', images: [photo] })
    expect(sent.status).to.equal(422)
    expect(sent.body.error).to.deep.equal({
      code: 'unknown_image',
      message: '图片无效，请重新上传',
      details: [{ path: 'body.images[0]', message: '图片已过期，请重新上传' }],
    })
    expect((await zhao.get('/api/mp/cases')).body.items, 'no message was written').to.deep.equal([])
  })

  it('never deletes a file uploaded before uploads were recorded', async () => {
    // Written by an older version: nothing says whether anything holds it, so it stays.
    mkdirSync(join(dir, 'meeting-files'), { recursive: true })
    const older = 'Ab12Cd0123456789abcdef.jpg'
    writeFileSync(join(dir, older), jpegWithGps())
    writeFileSync(join(dir, 'meeting-files', 'Ab12Cd0123456789abcdef.pdf'), PDF)
    app.clock.advance(30 * 24 * HOUR)
    await hourlyRun()
    expect(photoKept(older)).to.equal(true)
    expect(paperKept('Ab12Cd0123456789abcdef.pdf')).to.equal(true)
  })

  it('deletes the photos a resident uploaded and never sent at once when she erases her data, and nobody else’s', async () => {
    const li = await asResident(app)
    const hers = await uploadPhoto(li)
    const neighbour = await asResident(app)
    const his = await uploadPhoto(neighbour)
    const erased = await li.request('DELETE', '/api/mp/me')
    expect(erased.status, JSON.stringify(erased.body)).to.equal(200)
    expect(photoKept(hers), 'her photo, without waiting a day').to.equal(false)
    expect(photoKept(his), 'her neighbour’s').to.equal(true)
  })
})
