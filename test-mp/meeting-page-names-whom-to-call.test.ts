import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * 张伟 opens the meeting page after answers have closed. The office typed its contact with full-width digits and an
 * extension; the page names 王丽 and a number he can tap, as his chat notice does, not a generic office.
 */
describe('mini-program: the meeting page names whom to call after the deadline', () => {
  let app: Backend
  afterEach(() => app.close())

  it('says the recorded contact, with the number half-width and its extension', async () => {
    app = await startBackend()
    const organizer = await office(app)
    const draft = await created(
      organizer.post(
        '/api/admin/meetings',
        meetingBody({ contactName: '王丽', contactPhone: '０３７５－２３４５６７８ 转 8001', rsvpDeadline: '2026-11-25T17:00:00+08:00' }),
      ),
    )
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    app.clock.set(new Date('2026-11-26T00:00:00Z')) // Thursday 08:00: answers closed the evening before, the meeting is at 09:30
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.textOf('.rsvp-closed')).to.equal('回复已于11月25日（星期三）下午5:00截止。如需请假，请联系王丽（电话 0375-2345678转8001）。')
    expect(detail.text()).not.to.include('人大常委会办公室或您所在联络站')
  })
})
