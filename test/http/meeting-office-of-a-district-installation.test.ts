import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody } from '../helpers/meetings.js'
import { smallCity } from '../fixtures.js'

/**
 * 钱科长 runs Liaison for 湛河区 alone: her directory is one district. The first meeting she makes names no
 * contact, so a deputy asking for leave too late is told to call the office that organized it: her
 * district's office, never a 市人大常委会办公室 that is not hers. An office may also name itself in the
 * configuration (business.officeName).
 */
describe('meetings: the office of an installation that is one district', () => {
  let app: TestApp
  afterEach(() => app.close())

  /** smallCity without 新华区: 湛河区 and its streets, stations and deputies only. */
  const oneDistrict = () => {
    const city = smallCity()
    city.regions = city.regions.filter((r) => r.id !== 'd02')
    return city
  }
  async function lateLeaveWords(office: Client) {
    const created = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001'] }, rsvpDeadline: '2026-11-25T18:00:00+08:00' }))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    app.clock.set(new Date('2026-11-25T12:00:00Z')) // 20:00, after the deadline
    const late = await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${created.body.id}/rsvp`, { response: 'leave', reason: '临时出差' })
    expect(late.status).to.equal(409)
    return { organizer: created.body.organizer as string, words: late.body.error.message as string }
  }

  it("names the district's own office for a meeting its admin made", async () => {
    app = await startApp({ directory: oneDistrict() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const { organizer, words } = await lateLeaveWords(await asAdmin(app))
    expect(organizer).to.equal('湛河区人大常委会办公室')
    expect(words).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的湛河区人大常委会办公室')
  })

  it('names the office as the configuration calls it', async () => {
    app = await startApp({ directory: smallCity(), overrides: { business: { officeName: '梧桐区人大常委会办公室' } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const { words } = await lateLeaveWords(await asAdmin(app))
    expect(words).to.equal('回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的梧桐区人大常委会办公室')
  })
})
