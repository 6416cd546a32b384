import { expect } from 'chai'
import { asStaff } from '../helpers/meetings.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 said 参加 to the district's 履职培训班 (Tuesday 1 Dec, 09:00–11:30), then fell ill after the reply deadline and
 * phoned 孙丽. She records his leave in the console (代请假). He used to hear nothing of it: now the chat tells him that
 * staff recorded his leave, for which meeting and when, the reason as written, and whom to call to change it. A leave
 * she undid before it went out is not told.
 */
describe('bot: a deputy hears of the leave staff recorded for him (代请假)', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const TRAINING = '湛河区人大代表履职培训班'
  let meetingId: string

  beforeEach(async () => {
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
    meetingId = created.body.id
    expect((await sunli.post(`/api/admin/meetings/${meetingId}/publish`)).status).to.equal(200)
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('会议通知：')), 'the notice to reach him')
    expect(await story.says('参加')).to.include(`已回复参加：${TRAINING}`)
    story.app.clock.set(new Date('2026-11-30T01:00:00Z')) // Monday 09:00, answers closed since Friday
  })

  const recordLeave = async () => {
    const sunli = await asStaff(story.app, 'sunli')
    const entered = await sunli.post(`/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`, { kind: 'leave', note: '住院治疗。' })
    expect(entered.status, JSON.stringify(entered.body)).to.equal(200)
    return sunli
  }

  it('tells him in the chat which meeting, the reason, and whom to call to change it', async () => {
    await recordLeave()
    await dispatch(story.app)
    const told = await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('会议请假：')), 'the leave notice to reach him')
    expect(told).to.equal(
      `会议请假：工作人员已为您登记请假。会议：${TRAINING}（培训），时间 12月1日（星期二）上午9:00至上午11:30。` +
        '请假原因：住院治疗。已记为请假，如需更改，请联系孙丽（电话 0375-2661234）。',
    )
    expect((await story.answerOf(meetingId)).rsvp).to.equal('leave')
    expect(
      story.bot.world.said('张伟').filter((m) => m.startsWith('会议请假：')),
      'once',
    ).to.have.length(1)
  })

  it('says nothing of a leave staff undid before it went out', async () => {
    const sunli = await recordLeave()
    expect((await sunli.request('DELETE', `/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`)).status).to.equal(200)
    await dispatch(story.app)
    const [message] = (await story.app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.leave_recorded' })).items
    expect(message, 'held back: no longer true').to.include({ status: 'dead' })
    expect(message.lastError).to.include('代请假已撤销')
    expect(story.bot.world.said('张伟').some((m) => m.startsWith('会议请假：'))).to.equal(false)
  })
})
