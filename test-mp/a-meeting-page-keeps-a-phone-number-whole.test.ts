import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * Review 37, finding 14. At a phone's width the line “如果您到了会，请联系孙丽（电话 0375-2661234）为您补签” broke the
 * number at its hyphen, “0375-” at the end of one line and “2661234” on the next: an old reader copies half of it. Each
 * number on the meeting pages is now its own piece of the line that never breaks: after the end (补签), when answers
 * have closed (如需请假), and when the code at the door is scanned after the end.
 */
describe('mini-program: a meeting page keeps a phone number whole on its line', () => {
  let app: Backend
  let meeting: { id: string; shortCode: string }

  beforeEach(async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({
          title: '湛河区人大代表履职培训班',
          kind: 'training',
          startAt: '2026-12-01T09:00:00+08:00',
          endAt: '2026-12-01T11:30:00+08:00',
          rsvpDeadline: '2026-11-27T17:00:00+08:00',
          contactName: '孙丽',
          contactPhone: '0375-2661234',
        }),
      ),
    )
    meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
  })
  afterEach(() => app.close())

  it('after the end, 补签: the number in one piece that does not break', async () => {
    const zhang = await phoneOfZhang(app)
    await created(zhang.post(`/api/mp/meetings/${meeting.id}/rsvp`, { response: 'attend' }))
    app.clock.set(new Date('2026-12-01T04:00:00Z')) // Tuesday 12:00, the meeting over
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.todo')).to.equal('如果您到了会，请联系孙丽（电话 0375-2661234）为您补签。')
    expect(page.textOf('.todo .nowrap')).to.equal('0375-2661234')
    expect(declarations('pages/meetings/detail.wxss', '.nowrap').get('white-space')).to.equal('nowrap')
  })

  it('answers closed, not answered: 如需请假, the number in one piece', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // Monday 10:00: answers closed on Friday
    const page = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(page.textOf('.rsvp-closed')).to.include('如需请假，请联系孙丽（电话 0375-2661234）。')
    expect(page.textOf('.rsvp-closed .nowrap')).to.equal('0375-2661234')
  })

  it('the code at the door scanned after the end: the refusal keeps the number in one piece', async () => {
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-12-01T04:00:00Z'))
    const page = await openPage(`pages/meetings/checkin?code=${meeting.shortCode}`)
    expect(page.textOf('.refusal')).to.include('请联系孙丽（电话 0375-2661234）为您补签')
    expect(page.textOf('.refusal .nowrap')).to.equal('0375-2661234')
    expect(declarations('pages/meetings/checkin.wxss', '.nowrap').get('white-space')).to.equal('nowrap')
  })
})
