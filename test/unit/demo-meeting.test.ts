import { expect } from 'chai'
import { demoDirectory } from '../../src/demo/demo-city.js'
import { seedDemoMeeting } from '../../src/demo/demo-meeting.js'
import { startApp, type TestApp } from '../helpers/app.js'

describe('the demo meeting', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: demoDirectory({ today: '2026-11-22' }) })
  })
  afterEach(() => app.close())

  it('is published three days ahead, 09:30 local time, with a notice for each invitee, and only once', async () => {
    const { store, services } = app.liaison
    const now = app.clock.now()
    const m = (await seedDemoMeeting(store, services, 'Asia/Shanghai', now))!
    expect(m).to.include({ status: 'published', title: '市人大常委会第十次会议', publicSeats: 20 })
    expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(m.startAt)).to.equal('09:30')
    const invitees = await store.meetings.invitees([m.id])
    expect(invitees.length).to.be.greaterThan(3)
    expect((await store.outbox.search({ limit: 100, kind: 'meeting.notice' })).items).to.have.length(invitees.length)
    expect(await seedDemoMeeting(store, services, 'Asia/Shanghai', now), 'a restart adds nothing').to.equal(null)
    expect((await store.meetings.search({ limit: 10 })).items).to.have.length(1)
  })
})
