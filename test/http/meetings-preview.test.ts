import { expect } from 'chai'
import { asAdmin, type Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * While an organizer picks whom to invite, the console shows who that would be: the count
 * and the names, within what the organizer looks after, before anything is created or sent.
 */
describe('the live preview of whom a meeting invites', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const preview = (who: Client, selector: Record<string, unknown>) => who.post('/api/admin/meetings/invitee-preview', { selector })

  it('names the people a choice of levels and staff invites, deputies first, and creates nothing', async () => {
    const answer = await preview(office, { levels: ['city', 'county'], staffIds: ['sf01'] })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body).to.include({ count: 4, deputies: 3, staff: 1 })
    expect(answer.body.people.map((p: { name: string }) => p.name)).to.deep.equal(['张伟', '王芳', '陈静', '李娜'])
    expect((await office.get('/api/admin/meetings')).body.items).to.deep.equal([])
    expect((await app.liaison.store.outbox.search({ limit: 10 })).items).to.deep.equal([])
  })

  it('says nobody yet as a count of 0, not an error, so the organizer keeps choosing', async () => {
    const answer = await preview(office, { districtIds: ['d03'] }) // 卫东区 has no station, so no deputy
    expect(answer.status).to.equal(200)
    expect(answer.body).to.deep.equal({ count: 0, deputies: 0, staff: 0, people: [] })
  })

  it('keeps a district organizer to their district, and refuses names outside it as creating would', async () => {
    const sunli = await asStaff(app, 'sunli')
    const own = await preview(sunli, { levels: ['city', 'county'] })
    expect(
      own.body.people.map((p: { name: string }) => p.name),
      'not 陈静 of 新华区',
    ).to.deep.equal(['张伟', '王芳'])

    const outside = await preview(sunli, { deputyIds: ['dp0006'] })
    expect(outside.status).to.equal(422)
    expect(outside.body.error.code).to.equal('invalid_invitees')
  })

  it('refuses a malformed selector with the usual error body, and station staff altogether', async () => {
    const bad = await preview(office, { levels: ['mayor'] })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
    const lina = await asStaff(app, 'lina')
    expect((await preview(lina, { levels: ['city'] })).status).to.equal(403)
  })

  it('before adding people to a published meeting, counts only those not on its list yet, and says how many of the chosen already are', async () => {
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const sunli = await asStaff(app, 'sunli')
    const made = await sunli.post('/api/admin/meetings', meetingBody({ selector: { levels: ['city'] } })) // 张伟
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${made.body.id}/publish`)).status).to.equal(200)
    const sent = (await app.liaison.store.outbox.search({ limit: 50 })).items.length

    const additions = await sunli.post(`/api/admin/meetings/${made.body.id}/invitee-preview`, { selector: { levels: ['city', 'county'] } })
    expect(additions.status, JSON.stringify(additions.body)).to.equal(200)
    expect(additions.body).to.include({ count: 1, deputies: 1, staff: 0, alreadyInvited: 1 })
    expect(
      additions.body.people.map((p: { name: string }) => p.name),
      '王芳, not 张伟 again',
    ).to.deep.equal(['王芳'])
    const everyoneThere = await sunli.post(`/api/admin/meetings/${made.body.id}/invitee-preview`, { selector: { levels: ['city'] } })
    expect(everyoneThere.body).to.deep.equal({ count: 0, deputies: 0, staff: 0, alreadyInvited: 1, people: [] })

    expect(await (await app.liaison.store.meetings.invitees([made.body.id])).length, 'the preview adds nobody').to.equal(1)
    expect((await app.liaison.store.outbox.search({ limit: 50 })).items.length, 'and sends nothing').to.equal(sent)
    const qianqi = await asStaff(app, 'qianqi')
    const elsewhere = await qianqi.post(`/api/admin/meetings/${made.body.id}/invitee-preview`, { selector: { levels: ['city'] } })
    expect([elsewhere.status, elsewhere.body.error?.code], "another district's meeting").to.deep.equal([404, 'not_found'])
  })
})
