import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Two meeting notices reach 张伟 (66, WeChat only) on Monday. He writes "好的" under neither. He used to be told to
 * long-press a notice and tap 引用, which he cannot do; now the two meetings are listed, numbered, and "2 参加" answers
 * the second: the organizer's table shows him coming to it, and the first still waits for his answer. "都参加" answers
 * all of them; with one meeting waiting, "好的" names it and asks 参加 or 请假, as before.
 */
describe('bot: "好的" with two meetings waiting lists them numbered, and "2 参加" answers the second', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story
  const GROUP = '湛河区代表小组活动'
  const TRAINING = '湛河区人大代表履职培训班'
  let group: string
  let training: string

  /** His row in the organizer's answer table of a meeting, through the console's API. */
  const rowOf = async (meetingId: string) => {
    const table = (await (await asAdmin(story.app)).get(`/api/admin/meetings/${meetingId}/invitees`)).body
    return (table.items as Array<{ personId: string; rsvp: string; rsvpLabel: string; reason: string | null }>).find((i) => i.personId === 'dp0001')!
  }

  beforeEach(async () => {
    group = await story.published({
      title: GROUP,
      kind: 'deputy_activity',
      startAt: '2026-11-26T09:00:00+08:00',
      endAt: '2026-11-26T11:00:00+08:00',
      place: '建设路社区党群服务中心',
    })
    training = await story.published({
      title: TRAINING,
      kind: 'training',
      startAt: '2026-12-01T09:00:00+08:00',
      endAt: '2026-12-01T11:30:00+08:00',
      place: '区人大常委会三楼会议室',
    })
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length === 2, 'both notices to reach him')
  })

  it('lists both numbered without asking for 引用; "2 参加" answers the 培训 only, as the organizer sees it', async () => {
    const listed = await says('好的')
    expect(listed).to.equal(
      [
        '您有 2 个会议等您回复：',
        `1. 11月26日（星期四）上午9:00至上午11:00 ${GROUP}`,
        `2. 12月1日（星期二）上午9:00至上午11:30 ${TRAINING}`,
        '要参加哪个，请回复数字和“参加”，例如：1 参加',
        '要请假，请回复数字、“请假”和原因，例如：2 请假 外出开会',
        '都能参加，请回复：都参加',
      ].join('\n'),
    )
    expect(listed).not.to.include('引用')
    expect(await answerOf(group), 'nothing answered by 好的').to.include({ rsvp: 'pending' })
    expect(await answerOf(training)).to.include({ rsvp: 'pending' })

    const answered = await says('2 参加')
    expect(answered).to.include(`已回复参加：${TRAINING}，12月1日（星期二）上午9:00至上午11:30`)
    expect(answered, 'the one left is named, and a plain 参加 answers it').to.include(
      `您还有 1 个会议没有回复：\n${GROUP}，11月26日（星期四）上午9:00至上午11:00\n请回复"参加"，或"请假 原因"。`,
    )
    expect(await rowOf(training)).to.include({ rsvp: 'attend', rsvpLabel: '参加' })
    expect(await rowOf(group), 'the first still waits for his answer').to.include({ rsvp: 'pending' })
  })

  it('"1 请假 外出开会" excuses him from the first; a bare number asks 参加 or 请假 and answers nothing', async () => {
    await says('收到')
    expect(await says('1')).to.equal(
      `第 1 个：${GROUP}，11月26日（星期四）上午9:00至上午11:00。\n要参加，请回复：1 参加\n要请假，请回复数字、“请假”和原因，例如：1 请假 外出开会`,
    )
    expect(await answerOf(group)).to.include({ rsvp: 'pending' })
    expect(await says('1 请假 外出开会')).to.include(`已为您请假：${GROUP}，11月26日（星期四）上午9:00至上午11:00。原因：外出开会`)
    expect(await rowOf(group)).to.include({ rsvp: 'leave', reason: '外出开会' })
    expect(await rowOf(training)).to.include({ rsvp: 'pending' })
  })

  it('"都参加" under the list answers both', async () => {
    await says('好的')
    const said = await says('都参加')
    expect(said).to.include('已回复参加 2 个会议：')
    expect(said).to.include(`1. 11月26日（星期四）上午9:00至上午11:00 ${GROUP}，地点 建设路社区党群服务中心`)
    expect(await rowOf(group)).to.include({ rsvp: 'attend' })
    expect(await rowOf(training)).to.include({ rsvp: 'attend' })
  })

  it('with one meeting left, "好的" names it and asks 参加 or 请假, answering nothing (as before)', async () => {
    await says('好的')
    await says('1 参加')
    expect(await says('好的')).to.equal(`会议：${TRAINING}，12月1日（星期二）上午9:00至上午11:30。请回复"参加"，或"请假 原因"`)
    expect(await answerOf(training)).to.include({ rsvp: 'pending' })
  })
})
