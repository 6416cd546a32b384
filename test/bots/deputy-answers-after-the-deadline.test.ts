import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 got the notice of 市人大常委会第十次会议 (answers by 11月25日 18:00) in the chat and did not answer in time.
 * The evening before, he sends "参加": the chat, on the real Wechaty with the mock puppet, tells him answers have
 * closed for that meeting and that he may simply come and check in; not that no meeting waits for him.
 */
describe('bot: a deputy replies 参加 after the reply deadline', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()

  it('reads that answers closed at 晚上6:00, and that he may come and check in at the door', async () => {
    const meeting = await story.noticeReachesHim({ rsvpDeadline: '2026-11-25T18:00:00+08:00' })

    story.app.clock.set(new Date('2026-11-25T12:00:00Z')) // 20:00 in Shanghai, two hours past the deadline
    const said = await story.says('参加')
    expect(said).to.include('会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。')
    expect(said).to.include('回复已于11月25日（星期三）晚上6:00截止')
    expect(said).to.include('到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到')
    expect(said).to.not.include('目前没有需要您回复的会议通知')
    expect(await story.answerOf(meeting), 'nothing recorded after the deadline').to.include({ rsvp: 'pending' })
  })
})
