import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Deputy Liu, 58: "I asked the bot 请假期间的补贴什么时候发 — a question, not a leave — and it recorded a leave for the
 * 常委会 I had said I would attend." 请假 run into other words now records nothing at once: he is asked whether he
 * means a leave, and only his "是" records it, with his words as the reason. "请假 外出开会", set apart, is a leave as ever.
 */
describe('bot: Deputy Liu is asked before 请假 run into his words is taken for a leave', function () {
  this.timeout(30_000)
  const { says, answerOf, noticeReachesHim } = useZhangWeiMeetingStory()
  const ASKED = '您是要请假，不参加“市人大常委会第十次会议”吗？请假请回复“是”；原因可以写在后面，例如：请假 外出开会'

  it('"请假期间的补贴什么时候发" records no leave: he is asked, and his 参加 stands', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    expect(await says('请假期间的补贴什么时候发')).to.equal(ASKED)
    expect(await answerOf(meeting), 'nothing recorded while he is asked').to.include({ rsvp: 'attend' })
  })

  it('his "是" records the leave, with the words after 请假 as its reason', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    expect(await says('请假外出学习')).to.equal(ASKED)
    const done = await says('回复"是"')
    expect(done).to.include('已改为请假').and.include('原因：外出学习')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '外出学习' })
  })

  it('"不" leaves his 参加 as it was, and says so', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    expect(await says('请假期间的补贴什么时候发')).to.equal(ASKED)
    expect(await says('不')).to.equal('没有请假，您的回复还是“参加”。')
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
    // The question is gone: a later "是" records nothing.
    await says('是')
    expect(await answerOf(meeting), 'still 参加 after a late 是').to.include({ rsvp: 'attend' })
  })

  it('"请假 外出开会", set apart, is recorded at once as before', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    expect(await says('请假 外出开会'))
      .to.include('已改为请假')
      .and.include('原因：外出开会')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '外出开会' })
    expect(await says('请假：家里有事')).to.include('原因：家里有事')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '家里有事' })
  })
})
