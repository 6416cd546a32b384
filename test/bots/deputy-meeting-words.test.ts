import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 answers a meeting notice the way people answer an invitation: "好的", "收到", "去不了", and
 * changes his mind after "我参加". "好的" records nothing, so he is asked for 参加 or 请假; "去不了" is
 * 请假; a change is made while answers are still taken, and otherwise he hears why not.
 */
describe('bot: a deputy answers a meeting notice in his own words', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf, noticeReachesHim } = story

  const ASKED = '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。请回复"参加"，或"请假 原因"'

  it('"好的", "收到", "行", "可以" under a notice ask for 参加 or 请假, and record nothing', async () => {
    const meeting = await noticeReachesHim()
    for (const words of ['好的', '收到', '行', '可以']) expect(await says(words), words).to.equal(ASKED)
    expect(await answerOf(meeting), 'still unanswered').to.include({ rsvp: 'pending' })
    expect(await says('参加')).to.include('已回复参加：市人大常委会第十次会议')
    // Answered, "好的" is a pleasantry again: nothing waits for him.
    expect(await says('好的')).to.not.include('请回复"参加"')
  })

  it('"去不了" and its kin are 请假: the reason is asked for when he gave none, and taken when he did', async () => {
    const meeting = await noticeReachesHim()
    for (const words of ['去不了', '来不了', '参加不了', '有事去不了']) {
      const said = await says(words)
      expect(said, words).to.equal(
        '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。请写明请假原因，例如：\n请假 外出学习\n也可以直接发送原因，如：那天要去外地开会',
      )
    }
    expect(await answerOf(meeting), 'nothing recorded without a reason').to.include({ rsvp: 'pending' })
    expect(await says('去不了，家里有事')).to.equal('已为您请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：家里有事')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '家里有事' })
  })

  it('after "我参加", "请假，家里有事" changes his answer while answers are taken, and "参加" changes it back', async () => {
    const meeting = await noticeReachesHim()
    expect(await says('我参加')).to.include('已回复参加')
    expect(await says('请假，家里有事')).to.equal('已改为请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：家里有事')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '家里有事' })
    expect(await says('参加')).to.equal(
      '已改为参加：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
  })

  it('after the answers closed, "请假，家里有事" says his 参加 stands and what the office says to do', async () => {
    const meeting = await noticeReachesHim({ rsvpDeadline: '2026-11-25T18:00:00+08:00' })
    expect(await says('我参加')).to.include('已回复参加')
    story.app.clock.set(new Date('2026-11-25T12:00:00Z')) // 20:00 in Shanghai, past the deadline
    expect(await says('请假，家里有事')).to.equal(
      '您已回复参加这个会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。回复已于11月25日（星期三）晚上6:00截止，如需请假，请联系组织会议的市人大常委会办公室。',
    )
    expect(await answerOf(meeting), 'unchanged').to.include({ rsvp: 'attend' })
  })

  it('past the deadline for answers, "好的" is not asked to answer what can no longer be answered', async () => {
    await noticeReachesHim({ rsvpDeadline: '2026-11-25T18:00:00+08:00' })
    story.app.clock.set(new Date('2026-11-25T12:00:00Z'))
    expect(await says('好的')).to.not.include('请回复"参加"')
  })

  it('with no meeting concerned, "好的" and "去不了" are left to the resident conversation', async () => {
    expect(await says('好的')).to.not.include('请回复"参加"')
    // (His menu, which may answer, names 请假 among his commands: what matters is that no leave is asked or taken.)
    expect(await says('去不了'))
      .to.not.include('请写明请假原因')
      .and.not.include('已为您请假')
  })
})
