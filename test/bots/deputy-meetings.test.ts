import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/** A deputy answers a meeting notice by chatting: "参加", or "请假 原因". */
describe('bot: a deputy answers meeting notices', function () {
  this.timeout(20_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story

  const publish = (over: Record<string, unknown> = {}) => story.published(over)

  it('says there is nothing to answer before any notice', async () => {
    expect(await says('参加')).to.equal('目前没有需要您回复的会议通知。收到会议通知后，回复"参加"或"请假 原因"即可。')
  })

  it('with two meetings waiting asks which one, answers the one he picks by number, then the one left', async () => {
    const first = await publish()
    const second = await publish({
      title: '代表视察城市污水处理厂',
      kind: 'inspection',
      startAt: '2026-11-27T09:00:00+08:00',
      endAt: '2026-11-27T11:00:00+08:00',
    })
    expect(await says('参加')).to.include('您有 2 个会议等您回复，要参加的是哪一个？请回复数字：')
    expect(await answerOf(first), 'nothing answered before he says which').to.include({ rsvp: 'pending' })
    expect(await says('1')).to.include(
      '已回复参加：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )
    expect(await answerOf(first)).to.include({ rsvp: 'attend' })
    expect(await says('请假')).to.include('请写明请假原因')
    expect(await says('请假 外出学习')).to.equal('已为您请假：代表视察城市污水处理厂，11月27日（星期五）上午9:00至上午11:00。原因：外出学习')
    expect(await answerOf(second)).to.include({ rsvp: 'leave', reason: '外出学习' })
  })
})
