import { expect } from 'chai'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * 张伟 sends "请假", is asked for the reason, and sends the reason alone on the next line (as he was
 * asked): that is his leave, for the meeting he was asked about, and he hears "已为您请假". A command
 * typed instead still works, "取消" asks no more, and the question does not wait for ever.
 */
describe('bot: a deputy gives the reason for his leave on its own line', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story

  const ASKED = '会议：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。请写明请假原因，例如：'

  it('"请假", then "那天要陪老伴去医院复查": he is on leave with that reason', async () => {
    const meeting = await story.published()
    expect(await says('请假'))
      .to.include(ASKED)
      .and.include('也可以直接发送原因')
    expect(await says('那天要陪老伴去医院复查')).to.equal(
      '已为您请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：那天要陪老伴去医院复查',
    )
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '那天要陪老伴去医院复查' })
  })

  it('"去不了", then the reason: the same', async () => {
    const meeting = await story.published()
    expect(await says('去不了')).to.include(ASKED)
    expect(await says('原因：家里有事')).to.equal('已为您请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：家里有事')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '家里有事' })
  })

  it('the reason goes to the meeting he was asked about, though a nearer one was published meanwhile', async () => {
    const inspection = await story.published({
      title: '代表视察城市污水处理厂',
      kind: 'inspection',
      startAt: '2026-11-27T09:00:00+08:00',
      endAt: '2026-11-27T11:00:00+08:00',
    })
    expect(await says('请假')).to.include('会议：代表视察城市污水处理厂，11月27日（星期五）上午9:00至上午11:00。请写明请假原因')
    const nearer = await story.published() // 11月26日: now the nearest waiting for him
    const said = await says('外出学习')
    expect(said).to.include('已为您请假：代表视察城市污水处理厂，11月27日（星期五）上午9:00至上午11:00。原因：外出学习')
    expect(said, 'the one still waiting is named, not answered').to.include(
      '您还有 1 个会议没有回复：\n市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30',
    )
    expect(await answerOf(inspection)).to.include({ rsvp: 'leave', reason: '外出学习' })
    expect(await answerOf(nearer), 'the other meeting is untouched').to.include({ rsvp: 'pending' })
  })

  it('a question under the question is not his reason ("几点开会？"), nor a command in words ("投票"): the reason after them still counts', async () => {
    const meeting = await story.published()
    await says('请假')
    expect(await says('几点开会？')).to.not.include('已为您请假')
    expect(await answerOf(meeting), 'a question is no reason').to.include({ rsvp: 'pending' })
    expect(await says('那天要去外地开会')).to.equal('已为您请假：市人大常委会第十次会议，11月26日（星期四）上午9:30至上午11:30。原因：那天要去外地开会')
    await says('请假')
    expect(await says('投票')).to.include('在微信聊天里不能投票')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '那天要去外地开会' })
  })

  it('a command typed instead is done, and the words after it are no longer taken as a reason', async () => {
    const meeting = await story.published()
    await says('请假')
    expect(await says('待办')).to.include('您目前没有待办留言')
    expect(await says('那天要陪老伴去医院复查')).to.not.include('已为您请假')
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })
  })

  it('"取消" asks no more; and past half an hour the question has lapsed', async () => {
    const meeting = await story.published()
    await says('请假')
    expect(await says('取消')).to.include('好的，没有请假。会议：市人大常委会第十次会议')
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })

    await says('请假')
    story.bot.clock.advance(31 * 60_000)
    expect(await says('那天要陪老伴去医院复查')).to.not.include('已为您请假')
    expect(await answerOf(meeting)).to.include({ rsvp: 'pending' })
  })

  it('"好的" under the question keeps it: the reason after it still counts', async () => {
    const meeting = await story.published()
    await says('请假')
    await says('好的')
    expect(await says('单位有急事')).to.include('已为您请假')
    expect(await answerOf(meeting)).to.include({ rsvp: 'leave', reason: '单位有急事' })
  })
})
