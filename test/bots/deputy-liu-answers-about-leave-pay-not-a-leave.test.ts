import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Deputy Liu, 58, answering a resident about her allowance: "I typed 回复请假期间的补贴已经发放 — I had forgotten the
 * number — and the bot said my leave from the meeting was recorded, and my 参加 was gone." 请假 counts after 回复 only
 * quoted or set apart (回复 请假 外出开会); run into other words it is his answer, and he is asked for the number.
 */
describe('bot: Deputy Liu writes about 请假期间的补贴 and no leave is recorded', function () {
  this.timeout(30_000)
  const { says, answerOf, noticeReachesHim } = useZhangWeiMeetingStory()

  it('"回复请假期间的补贴已经发放" leaves his 参加 standing and records no leave', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    const answer = await says('回复请假期间的补贴已经发放')
    expect(answer, 'a 回复 without a number, as before').to.equal('您目前没有待办留言。')
    expect(await answerOf(meeting), 'still 参加').to.include({ rsvp: 'attend' })

    // Set apart, it is his leave as before.
    expect(await says('回复 请假 外出开会')).to.include('原因：外出开会')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '外出开会' })
  })
})
