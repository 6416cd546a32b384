import { expect } from 'chai'
import { asStaff } from '../helpers/meetings.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Review 38, finding 2. 孙丽 records 张伟's leave (住院治疗), sees she left out when he comes out of hospital, undoes it and
 * records it again with the whole reason, before the notices go. Both entries are leaves, so the first one's notice was
 * not held back: he read two 会议请假 messages with two reasons, one of them no longer on record. Now only the notice of
 * the entry on record goes; the first is not sent, and the console says why.
 */
describe('bot: a leave undone and entered again is told once, with the reason on record', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const TRAINING = '湛河区人大代表履职培训班'

  it('says only the second reason', async () => {
    const sunli = await asStaff(story.app, 'sunli')
    const created = await sunli.post('/api/admin/meetings', {
      title: TRAINING,
      kind: 'training',
      startAt: '2026-12-01T09:00:00+08:00',
      endAt: '2026-12-01T11:30:00+08:00',
      place: '区人大常委会三楼会议室',
      agenda: '学习代表法，交流履职经验',
      attachments: [],
      selector: { deputyIds: ['dp0001'] },
      rsvpDeadline: '2026-11-27T17:00:00+08:00',
      contactName: '孙丽',
      contactPhone: '0375-2661234',
    })
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const meetingId = created.body.id as string
    expect((await sunli.post(`/api/admin/meetings/${meetingId}/publish`)).status).to.equal(200)
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('会议通知：')), 'the notice to reach him')
    story.app.clock.set(new Date('2026-11-30T01:00:00Z')) // Monday 09:00, answers closed since Friday

    const clerk = await asStaff(story.app, 'sunli')
    const entry = `/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`
    const first = await clerk.post(entry, { kind: 'leave', note: '住院治疗。' })
    expect(first.status, JSON.stringify(first.body)).to.equal(200)
    story.app.clock.advance(60_000)
    expect((await clerk.request('DELETE', entry)).status).to.equal(200)
    story.app.clock.advance(60_000)
    const again = await clerk.post(entry, { kind: 'leave', note: '住院治疗，下周一出院。' })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)

    await dispatch(story.app)
    const leaves = () => story.bot.world.said('张伟').filter((m) => m.startsWith('会议请假：'))
    await waitFor(() => leaves().length > 0, 'the leave notice to reach him')
    expect(leaves()).to.have.length(1)
    expect(leaves()[0]).to.include('请假原因：住院治疗，下周一出院。')
    const notices = (await story.app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.leave_recorded' })).items
    const held = notices.find((m) => (m.payload as { text: string }).text.includes('请假原因：住院治疗。'))
    expect(held, 'the first entry’s notice, not sent').to.include({ status: 'dead' })
    expect(held!.lastError).to.include('代请假已撤销')
  })
})
