import { expect } from 'chai'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * A meeting the city office makes for 湛河区 and 新华区 together is the office's to run. Each
 * district's organizer follows it — sees it and their own district's answers — but neither may
 * publish, re-aim or call it off for the other district (before, either could cancel it, and a
 * publish gave a puzzling 'not your district' about the other one).
 */
describe('a meeting the office makes for two districts together', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it("is followed, read-only, by each district's organizer, and run by the office", async () => {
    const office = await asAdmin(app)
    const sunli = await asStaff(app, 'sunli') // 湛河区 (d01)
    const qianqi = await asStaff(app, 'qianqi') // 新华区 (d02)
    const made = await office.post('/api/admin/meetings', meetingBody({ title: '两区代表联合视察', selector: { districtIds: ['d01', 'd02'] } }))
    expect(made.status, JSON.stringify(made.body)).to.equal(201)
    const id: string = made.body.id

    for (const organizer of [sunli, qianqi]) {
      expect((await organizer.get(`/api/admin/meetings/${id}`)).status, 'each sees the draft').to.equal(200)
      for (const [method, path, body] of [
        ['POST', '/publish', undefined],
        ['PATCH', '', { selector: { districtIds: ['d01'] } }],
        ['POST', '/cancel', { reason: '不开了' }],
      ] as const) {
        const answer = await organizer.request(method, `/api/admin/meetings/${id}${path}`, body)
        expect([answer.status, answer.body.error?.code], `${method} ${path}`).to.deep.equal([403, 'meeting_read_only'])
      }
    }
    const still = await office.get(`/api/admin/meetings/${id}`)
    expect(still.body).to.include({ status: 'draft' })
    expect(still.body.selector.districtIds).to.deep.equal(['d01', 'd02'])

    expect((await office.post(`/api/admin/meetings/${id}/publish`)).status).to.equal(200)
    const answersOf = async (who: typeof office) =>
      (await who.get(`/api/admin/meetings/${id}/invitees`)).body.items.map((i: { personId: string }) => i.personId).sort()
    expect(await answersOf(qianqi), "新华区's people only").to.deep.equal(['dp0006'])
    const hers = await answersOf(sunli)
    expect(hers, "湛河区's people only").to.not.include('dp0006')
    expect(hers).to.have.length.greaterThan(0)
    const cancel = await qianqi.post(`/api/admin/meetings/${id}/cancel`, { reason: '不开了' })
    expect([cancel.status, cancel.body.error?.code]).to.deep.equal([403, 'meeting_read_only'])
    expect((await office.get(`/api/admin/meetings/${id}`)).body.status, 'still on for both districts').to.equal('published')
  })
})
