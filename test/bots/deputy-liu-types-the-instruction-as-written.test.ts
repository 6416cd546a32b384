import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Deputy Liu, 58: "The notice says 请回复"参加", so I typed 回复参加 — and the bot asked me for a message number. It
 * says "请假 原因", so I typed that — and my leave was recorded with the reason 原因." The instruction typed as written
 * is the word it quotes; the word 原因 itself is no reason, and nothing is recorded with it.
 */
describe('bot: Deputy Liu types the meeting instruction as the notice writes it', function () {
  this.timeout(30_000)
  const { says, answerOf, noticeReachesHim } = useZhangWeiMeetingStory()

  it('"回复参加" and 回复"参加" are his yes, not a 回复 without a number', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('回复参加')).to.include('已回复参加：市人大常委会第十次会议')
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })

    expect(await says('回复"请假 那天要去外地开会"')).to.include('原因：那天要去外地开会')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '那天要去外地开会' })
    expect(await says('回复“参加”')).to.include('已改为参加')
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
  })

  it('"请假 原因" asks for his real reason and records nothing; his reason then counts', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('请假 原因')).to.equal('请把"原因"换成您去不了的原因，例如：请假 外出开会')
    expect(await answerOf(meeting), 'no leave with the reason "原因"').to.include({ rsvp: 'pending' })
    expect(await says('回复"请假 原因"')).to.equal('请把"原因"换成您去不了的原因，例如：请假 外出开会')
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })

    expect(await says('请假 外出开会'))
      .to.include('已为您请假')
      .and.include('原因：外出开会')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '外出开会' })
  })
})
