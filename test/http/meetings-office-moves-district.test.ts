import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * A meeting the city office makes for one district's deputies belongs to that district: its
 * organizer runs it. When the office, while it is still a draft, invites another district's
 * deputies instead, the meeting belongs to the new district: the old district's organizer no
 * longer sees, changes, publishes or calls it off, and the new district's organizer runs it.
 */
describe('a draft meeting the city office moves to another district', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it("goes with the district it now invites: 湛河区's organizer can no longer cancel it, 新华区's runs it", async () => {
    const office = await asAdmin(app)
    const sunli = await asStaff(app, 'sunli') // 湛河区 (d01)
    const qianqi = await asStaff(app, 'qianqi') // 新华区 (d02)
    const made = await office.post('/api/admin/meetings', meetingBody({ title: '代表座谈会', selector: { districtIds: ['d01'] } }))
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const id: string = made.body.id
    expect((await sunli.get(`/api/admin/meetings/${id}`)).status, 'at first it is 湛河区’s').to.equal(200)

    const moved = await office.patch(`/api/admin/meetings/${id}`, { selector: { districtIds: ['d02'] } })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body.districtIds).to.deep.equal(['d02'])

    // 孙丽 of 湛河区 may no longer touch it: not found, in the one error shape, and nothing changes.
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['PATCH', '', { title: '改了' }],
      ['POST', '/publish', undefined],
      ['POST', '/cancel', { reason: '不开了' }],
    ] as const) {
      const answer = await sunli.request(method, `/api/admin/meetings/${id}${path}`, body)
      expect(answer.status, `${method} ${path}`).to.equal(404)
      expect(answer.body).to.deep.equal({ error: { code: 'not_found', message: '会议不存在', details: [] } })
    }
    const now = await office.get(`/api/admin/meetings/${id}`)
    expect(now.body).to.include({ title: '代表座谈会', status: 'draft' })
    expect(await app.liaison.store.outbox.search({ limit: 10 }), 'nobody was told anything').to.deep.include({ items: [] })

    // 钱七 of 新华区 now runs it: he publishes it, and 陈静 (dp0006) of 新华区 is invited.
    const published = await qianqi.post(`/api/admin/meetings/${id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    const invited = (await qianqi.get(`/api/admin/meetings/${id}/invitees`)).body.items.map((i: { personId: string }) => i.personId)
    expect(invited).to.deep.equal(['dp0006'])
    expect((await sunli.get(`/api/admin/meetings/${id}/invitees`)).status, '湛河区 reads none of 新华区’s answers').to.equal(404)
  })
})
