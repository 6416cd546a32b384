import { expect } from 'chai'
import { asResident, Client, startApp, type TestApp } from '../helpers/app.js'

/**
 * The mini-program says a date's year when it is not this year's, and "this year" is the office's: every mini-program
 * answer carries the office's today (its clock, in the business time zone), so no phone's clock decides it.
 */
describe('http: every mini-program answer says the office’s today', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp()
  })
  afterEach(() => app.close())

  it('says the date in Beijing as the app’s clock reads it, moving with the clock across a new year', async () => {
    const zhao = await asResident(app, 'o-today-zhao')
    app.clock.set(new Date('2026-12-31T15:30:00Z')) // 23:30 on New Year's Eve in Beijing
    expect((await zhao.get('/api/mp/me')).headers.get('x-liaison-today')).to.equal('2026-12-31')
    app.clock.set(new Date('2026-12-31T16:30:00Z')) // 00:30 on New Year's Day in Beijing, still the 31st in UTC
    expect((await zhao.get('/api/mp/me')).headers.get('x-liaison-today')).to.equal('2027-01-01')
  })

  it('says it on refusals too, and on answers that need no account', async () => {
    app.clock.set(new Date('2025-11-23T02:00:00Z'))
    const stranger = new Client(app.baseUrl)
    const refused = await stranger.get('/api/mp/me')
    expect(refused.status).to.equal(401)
    expect(refused.headers.get('x-liaison-today')).to.equal('2025-11-23')
    const notice = await stranger.get('/api/mp/privacy')
    expect(notice.status).to.equal(200)
    expect(notice.headers.get('x-liaison-today')).to.equal('2025-11-23')
  })
})
