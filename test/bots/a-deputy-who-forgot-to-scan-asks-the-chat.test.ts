import { expect } from 'chai'
import { asStaff } from '../helpers/meetings.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * The deputy said 参加 to the district's 履职培训班 (Tuesday 1 Dec, 09:00–11:30), went, and forgot to scan the code at
 * the door. At noon he writes to the chat "我上午去开会了忘记签到了怎么办" — and once got the 17-line help menu. Now he
 * is told that there is no check-in of his and whom to ask for 补签, by name and phone. 孙丽 enters him from the paper
 * sheet at 14:00, and he is told so in the chat: nothing he has to find on a page.
 */
describe('bot: a deputy who forgot to scan asks the chat, and is told when staff enter him (补签)', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story
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
    expect(await says('参加')).to.include(`已回复参加：${TRAINING}`)
  })

  it('"我上午去开会了忘记签到了怎么办" at noon: no check-in of his, and 孙丽 by phone for 补签; then her 补签 reaches him', async () => {
    story.app.clock.set(new Date('2026-12-01T04:00:00Z')) // Tuesday 12:00, the meeting over
    const said = await says('我上午去开会了忘记签到了怎么办')
    expect(said).to.equal(
      [
        `会议：${TRAINING}，12月1日（星期二）上午9:00至上午11:30。`,
        '会议已于12月1日（星期二）上午11:30结束，没有您的签到记录。',
        '如果您到了会，请联系孙丽（电话 0375-2661234）为您补签。',
      ].join('\n'),
    )
    expect(said, 'not the help menu').not.to.include('待办').and.not.include('删除我的信息')

    story.app.clock.set(new Date('2026-12-01T06:00:00Z')) // 14:00: 孙丽 has the paper sheet
    const sunli = await asStaff(story.app, 'sunli')
    const entered = await sunli.post(`/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`, { kind: 'attended', note: '纸质签到表已签名' })
    expect(entered.status, JSON.stringify(entered.body)).to.equal(200)
    await dispatch(story.app)
    const told = await waitFor(() => story.bot.world.said('张伟').find((m) => m.startsWith('会议补签：')), 'the 补签 notice to reach him')
    expect(told).to.equal(`会议补签：孙丽已为您补签到会。会议：${TRAINING}（培训），时间 12月1日（星期二）上午9:00至上午11:30。已记为出席，您不用再签到。`)
    expect((await answerOf(meetingId)).checkedInAt).to.not.equal(null)

    expect(await says('补签')).to.include('会议已于12月1日（星期二）上午11:30结束，工作人员已为您补签到会。')
  })

  it('a 补签 staff undid before it went out is not told', async () => {
    story.app.clock.set(new Date('2026-12-01T06:00:00Z'))
    const sunli = await asStaff(story.app, 'sunli')
    expect((await sunli.post(`/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`, { kind: 'attended', note: '纸质签到表已签名' })).status).to.equal(
      200,
    )
    expect((await sunli.request('DELETE', `/api/admin/meetings/${meetingId}/invitees/deputy/dp0001/entry`)).status).to.equal(200)
    await dispatch(story.app)
    const [message] = (await story.app.liaison.store.outbox.search({ limit: 10, kind: 'meeting.attendance_recorded' })).items
    expect(message, 'held back: no longer true').to.include({ status: 'dead' })
    expect(message.lastError).to.include('补签已撤销')
    expect(story.bot.world.said('张伟').some((m) => m.startsWith('会议补签：'))).to.equal(false)
  })
})
