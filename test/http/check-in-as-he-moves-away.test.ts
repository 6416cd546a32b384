import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 张伟 scans the code at 轻工街道代表联络站's reception day just as the office moves him to 马庄街道代表联络站: the
 * check-in read him still on the list, the move lands before it writes. He is told he is no longer on the list, as
 * a scan after the move would be, and the organizer's table does not count him (review 35, L8).
 */
describe('a check-in landing as the deputy is moved away', () => {
  let app: TestApp
  let office: Client
  let meeting: { id: string; shortCode: string }

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    const created = await office.post(
      '/api/admin/meetings',
      meetingBody({
        title: '轻工街道代表联络站11月接待日',
        kind: 'reception_day',
        startAt: '2026-11-27T09:00:00+08:00',
        endAt: '2026-11-27T11:30:00+08:00',
        place: '轻工街道代表联络站',
        selector: { stationIds: ['st001'] },
      }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const published = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(published.status, JSON.stringify(published.body)).to.equal(200)
    meeting = published.body
  })
  afterEach(() => app.close())

  it('tells him he is no longer on the list, and the table does not count him', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date('2026-11-27T00:50:00Z')) // Friday 08:50: check-in is open
    office = await asAdmin(app)

    // The move lands right after the check-in read his invitation.
    const { meetings } = app.liaison.store
    const read = meetings.invitation.bind(meetings)
    let armed = true
    meetings.invitation = async (...args: Parameters<typeof read>) => {
      const found = await read(...args)
      if (armed && args[1].id === 'dp0001') {
        armed = false
        const moved = await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
        expect(moved.body, JSON.stringify(moved.body)).to.include({ meetingsWithdrawn: 1 })
      }
      return found
    }

    const scanned = await zhang.post(`/api/mp/meetings/${meeting.shortCode}/check-in`, {})
    expect(armed, 'the move came between the read and the write').to.equal(false)
    expect(scanned.status).to.equal(409)
    expect(scanned.body.error).to.include({
      code: 'no_longer_invited',
      message: '您已调到马庄街道代表联络站，不在这次会议的参会名单上了，不用签到。如果您是来参会的，请找会场的会务工作人员',
    })

    const table = (await office.get(`/api/admin/meetings/${meeting.id}/invitees`)).body
    const his = table.items.find((i: { name: string }) => i.name === '张伟')
    expect(his.rsvpLabel).to.equal('已调到马庄街道代表联络站')
    expect(his.checkedInAt).to.equal(null)
  })
})
