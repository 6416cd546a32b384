import { expect } from 'chai'
import { dispatch, waitFor } from './helpers.js'
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

/**
 * Two notices reach 张伟; he says "好的" and sees them numbered. The first one's answers close (11月25日 18:00) before he
 * picks from the list: "1 参加" and "都参加" tell him, as a bare "参加" would, that he may simply come and check in.
 */
describe('bot: a deputy picks a meeting by its number after its reply deadline', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story
  const GROUP = '湛河区代表小组活动'
  const TRAINING = '湛河区人大代表履职培训班'
  const GROUP_TIME = '11月26日（星期四）上午9:00至上午11:00'
  let group: string
  let training: string

  beforeEach(async () => {
    const at = { startAt: '2026-11-26T09:00:00+08:00', endAt: '2026-11-26T11:00:00+08:00', rsvpDeadline: '2026-11-25T18:00:00+08:00' }
    group = await story.published({ title: GROUP, kind: 'deputy_activity', ...at })
    training = await story.published({ title: TRAINING, kind: 'training', startAt: '2026-12-01T09:00:00+08:00', endAt: '2026-12-01T11:30:00+08:00' })
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length === 2, 'both notices to reach him')
    story.app.clock.set(new Date('2026-11-25T09:50:00Z')) // 17:50 in Shanghai, ten minutes before the first closes
    expect(await says('好的')).to.include(`1. ${GROUP_TIME} ${GROUP}`)
    story.app.clock.set(new Date('2026-11-25T10:05:00Z')) // 18:05: closed while the list was on his screen
  })

  it('"1 参加" names the meeting, says answers closed, that he may come and check in, and what still waits', async () => {
    const said = await says('1 参加')
    expect(said).to.include(`会议：${GROUP}，${GROUP_TIME}。回复已于11月25日（星期三）晚上6:00截止`)
    expect(said).to.include('您要参加的话，不用再回复，到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。')
    expect(said).to.include(`您还有 1 个会议没有回复：\n${TRAINING}`)
    expect(await answerOf(group), 'nothing recorded after the deadline').to.include({ rsvp: 'pending' })
  })

  it('"都参加" answers the one still open, and says of the closed one that he may come and check in', async () => {
    const said = await says('都参加')
    expect(said).to.include('已回复参加 1 个会议：')
    expect(said).to.include(`没有回复上：${GROUP}，${GROUP_TIME}。回复已于11月25日（星期三）晚上6:00截止`)
    expect(said).to.include('这个会议您要参加的话，不用再回复，直接去会场签到。\n到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。')
    expect(await answerOf(group)).to.include({ rsvp: 'pending' })
    expect(await answerOf(training)).to.include({ rsvp: 'attend' })
  })
})
