import { expect } from 'chai'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * A deputy of 61 answers a meeting notice in a word or two, as she would a neighbour: "去", "到时候去", "还是去吧"
 * are 参加; "不去", "不去了" are 请假 (her reason asked for, as after "去不了"); "看情况" asks whether she means the
 * meeting, naming it. She used to get the long general menu, which says nothing of her meeting, and her answer stayed
 * as it was. Words about other things ("去看了路灯") are never taken for an answer.
 */
describe('bot: a deputy answers a meeting notice in a word or two', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story

  const MEETING = '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30'
  const PLACE = '市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室'
  const CHECK_IN = '到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'
  const REASON_ASKED = `${MEETING}。请写明请假原因，例如：\n请假 外出学习\n也可以直接发送原因，如：那天要去外地开会`
  const MENU = '您现在没有待办留言'

  for (const words of ['去', '我去', '到时候去', '会去的', '还是去吧', '去吧', '我能去']) {
    it(`"${words}" right after the notice is 参加, recorded`, async () => {
      const meeting = await story.noticeReachesHim()
      expect(await says(words)).to.equal(`已回复参加：${PLACE}。${CHECK_IN}`)
      expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
    })
  }

  it('"不去", "不去了", "去不成", "来不了" ask her reason; her reason then makes it 请假', async () => {
    const meeting = await story.noticeReachesHim()
    for (const words of ['不去', '不去了', '去不成', '来不了']) expect(await says(words), words).to.equal(REASON_ASKED)
    expect(await answerOf(meeting), 'nothing recorded without a reason').to.include({ rsvp: 'pending' })
    expect(await says('家里有事')).to.equal(`已为您请假：${MEETING.replace('会议：', '')}。原因：家里有事`)
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '家里有事' })
  })

  it('she changes her mind in a word: "不去了" on leave says so, "还是去吧" makes it 参加, "去" again says it stands', async () => {
    const meeting = await story.noticeReachesHim()
    expect(await says('参加')).to.include('已回复参加')
    expect(await says('请假')).to.equal(REASON_ASKED)
    expect(await says('家里有事请假')).to.include('已改为请假')
    expect(await says('不去了')).to.equal(`您已为这个会议请假了：${MEETING.replace('会议：', '')}。\n要改请假原因，请发送：请假 新的原因`)
    expect(await says('还是去吧')).to.equal(`已改为参加：${PLACE}。${CHECK_IN}`)
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
    const again = await says('去')
    expect(again).to.equal(`您已回复参加：${PLACE}，不用再回复。${CHECK_IN}`)
    expect(again).not.to.include(MENU)
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend' })
  })

  it('asked for her reason, "还是去吧" is no reason: it is 参加', async () => {
    const meeting = await story.noticeReachesHim()
    expect(await says('请假')).to.equal(REASON_ASKED)
    expect(await says('还是去吧')).to.equal(`已回复参加：${PLACE}。${CHECK_IN}`)
    expect(await answerOf(meeting)).to.include({ rsvp: 'attend', reason: null })
  })

  it('"看情况", "可能去" while the notice waits ask whether she means the meeting, naming it; nothing is recorded', async () => {
    const meeting = await story.noticeReachesHim()
    const asked = await says('看情况')
    expect(asked).to.equal(`您是要回复会议吗？${MEETING}。请回复"参加"，去不了请回复"请假 原因"`)
    expect(await says('可能去')).to.equal(`是要参加吗？${MEETING}。请回复"参加"，去不了请回复"请假 原因"`)
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })
  })

  it('"再说吧" with two notices waiting lists them numbered, and "2 参加" answers the second', async () => {
    const first = await story.published()
    const second = await story.published({ title: '市人大常委会第十一次会议', startAt: '2026-11-27T09:30:00+08:00', endAt: '2026-11-27T11:30:00+08:00' })
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length === 2, 'both notices to reach her')
    const listed = await says('再说吧')
    expect(listed).to.match(/^您是要回复会议吗？您有 2 个会议等您回复：\n1\. .*市人大常委会第十次会议\n2\. .*市人大常委会第十一次会议\n/)
    expect(await says('2 参加')).to.include('已回复参加：市人大常委会第十一次会议')
    expect(await answerOf(first)).to.include({ rsvp: 'pending' })
    expect(await answerOf(second)).to.include({ rsvp: 'attend' })
  })

  it('words about other things, or with no meeting concerned, are no answer to a meeting', async () => {
    for (const words of ['去', '不去']) {
      const said = await says(words)
      expect(said, `${words} with no meeting`).not.to.match(/已回复参加|请写明请假原因|您是要回复会议吗/)
    }
    const meeting = await story.noticeReachesHim()
    for (const words of ['去看了路灯', '明天不去社区了，路灯的事周五再看']) {
      const said = await says(words)
      expect(said, words).not.to.match(/已回复参加|请写明请假原因|已为您请假|您是要回复会议吗/)
    }
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })
  })
})
