import { expect } from 'chai'
import { meetingBody } from '../test/helpers/meetings.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, office, phoneOfZhang } from './office.js'

/**
 * Answers to the Thursday meeting close at 00:00 on Wednesday 25 November. His chat notice and his workbench said
 * "请在11月24日（星期二）前（含当日）回复", while the meeting page said "请在 11月25日（星期三）凌晨0:00 前回复": he
 * could take Wednesday for his. Every place says the Tuesday, and once it has passed, that answers closed on it.
 */
describe('mini-program: a meeting reply due at midnight reads as his chat notice says it', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend() // Monday 23 November, 10:00
  })
  afterEach(() => app.close())

  it('says the Tuesday, the whole day counting, on the meeting page, the workbench and in the chat', async () => {
    const organizer = await office(app)
    const draft = await created(organizer.post('/api/admin/meetings', meetingBody({ rsvpDeadline: '2026-11-25T00:00:00+08:00' })))
    const meeting = await created(organizer.post(`/api/admin/meetings/${draft.id}/publish`))
    await phoneOfZhang(app)
    const by = '请在11月24日（星期二）前（含当日）回复'

    const notice = (await app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.notice', recipientId: 'dp0001' })).items[0]
    expect((notice.payload as { text: string }).text).to.include(by)
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.task')).to.include(by)
    const detail = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(detail.textOf('.closes-at')).to.equal(by)
    expect(detail.text()).not.to.include('11月25日').and.not.to.include('0:00')

    app.clock.set(new Date('2026-11-25T01:00:00Z')) // Wednesday 09:00: answers closed last night
    const closed = await openPage(`pages/meetings/detail?meetingId=${meeting.id}`)
    expect(closed.textOf('.rsvp-closed')).to.match(/^回复已于11月24日（星期二）截止。如需请假，/)
    expect(closed.text()).not.to.include('11月25日').and.not.to.include('0:00')
  })
})
