import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 asked for leave ("那天要去医院复查") before answers closed, then came after all. At the door his
 * page does not offer him 请假 again (如需请假…): he is already on leave, and may still sign in.
 * Once signed in, the page says 已到会, and no longer shows the old 请假 as his answer.
 */
describe('mini-program: on leave, he came after all', () => {
  let app: Backend
  let meeting: { id: string; shortCode: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    // Answers close the evening before (Wednesday 17:00); the meeting is Thursday 09:30–11:30.
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-25T17:00:00+08:00' })))
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/meetings/${meeting.id}/rsvp`, { response: 'leave', reason: '那天要去医院复查' }))
  })
  afterEach(() => app.close())

  it('at the door: 您已请假；如果来了，到会后扫码签到, not 如需请假', async () => {
    app.clock.set(new Date('2026-11-26T01:15:00Z')) // Thursday 09:15: answers closed, check-in open
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.text()).to.include('我的回复：请假（那天要去医院复查）')
    expect(page.textOf('.on-leave')).to.equal('您已请假；如果来了，到会后扫码签到')
    expect(page.text()).not.to.include('如需请假')
    expect(page.has('.scan'), 'he may still sign in').to.equal(true)
  })

  it('signed in: 已到会，11月26日（星期四）上午9:20签到, and his 请假 is no longer said as his answer', async () => {
    app.clock.set(new Date('2026-11-26T01:20:00Z')) // 09:20
    const door = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(door.textOf('.big')).to.equal('已签到')

    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.state')).to.equal('已到会，11月26日（星期四）上午9:20签到')
    expect(page.text()).not.to.include('请假').and.not.to.include('医院复查').and.not.to.include('我的回复')

    const list = await openPage('pages/meetings/index')
    expect(list.textOf('.meeting .answer')).to.equal('已到会')
  })
})
