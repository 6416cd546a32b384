import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 (60+) answers a meeting notice as he would a person: "好的，我准时参加" is 参加, "我又能去了" after a
 * 请假 changes it back; words with a negation or a maybe are never a yes ("不参加", "尽量参加"); and a new
 * "请假 原因" while on leave updates the reason instead of hearing that nothing waits for him.
 */
describe('bot: a deputy says yes to a meeting in his own words, and changes his leave reason', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story
  let meeting: string
  beforeEach(async () => {
    meeting = await story.noticeReachesHim()
  })
  const answer = () => answerOf(meeting)
  const ATTENDING =
    '市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'
  const MEETING = '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30'

  it('"好的，我准时参加" under the notice is 参加, recorded', async () => {
    expect(await says('好的，我准时参加')).to.equal(`已回复参加：${ATTENDING}`)
    expect(await answer()).to.include({ rsvp: 'attend' })
  })

  it('"准时到" is 参加 too', async () => {
    expect(await says('准时到')).to.equal(`已回复参加：${ATTENDING}`)
    expect(await answer()).to.include({ rsvp: 'attend' })
  })

  it('negations are never a yes: "不参加", "参加不了", "没法参加" ask the reason of a leave; a maybe asks which', async () => {
    for (const words of ['不参加', '参加不了', '没法参加']) {
      expect(await says(words), words).to.equal(`${MEETING}。请写明请假原因，例如：\n请假 外出学习\n也可以直接发送原因，如：那天要去外地开会`)
    }
    expect(await says('尽量参加')).to.equal(`是要参加吗？${MEETING}。请回复"参加"，去不了请回复"请假 原因"`)
    expect(await says('我还不确定能不能去')).to.equal(`是要参加吗？${MEETING}。请回复"参加"，去不了请回复"请假 原因"`)
    expect(await answer(), 'nothing recorded on a guess').to.include({ rsvp: 'pending' })
  })

  it('after a leave, "我又能去了" changes it back to 参加', async () => {
    expect(await says('不好意思，那天临时有事，去不了了')).to.include('已为您请假')
    expect(await says('我又能去了')).to.equal(`已改为参加：${ATTENDING}`)
    expect(await answer()).to.include({ rsvp: 'attend' })
  })

  it('"请假 新原因" while already on leave updates the reason', async () => {
    expect(await says('哎呀那天我要去医院复查，去不了')).to.include('已为您请假')
    expect(await says('请假 临时要陪老伴去医院')).to.equal(`已更新请假原因：临时要陪老伴去医院。${MEETING}。`)
    expect(await answer()).to.include({ rsvp: 'leave', reason: '临时要陪老伴去医院' })
    expect(await says('去不了，单位要加班')).to.equal(`已更新请假原因：单位要加班。${MEETING}。`)
    expect(await answer()).to.include({ rsvp: 'leave', reason: '单位要加班' })
  })
})
