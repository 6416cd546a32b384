import { expect } from 'chai'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

/**
 * Two meeting notices reach the deputy together on Monday: the 视察 on Thursday and the 培训 next Tuesday. He cannot
 * go to the 培训: he long-presses its notice, taps 引用 and writes "请假 那天要去省里开会". The leave goes to the 培训,
 * the one he quoted — once it went to the 视察, and his later "参加" to the 培训, the opposite of what he meant. A bare
 * "参加" or "请假" while both still wait asks which one, numbered, and his number answers that one; nothing is guessed.
 */
describe('bot: a deputy with two meeting notices answers the one he quotes, and is asked which when he quotes none', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const { says, answerOf } = story
  const INSPECTION = '湛河区人大代表视察老旧小区改造'
  const TRAINING = '湛河区人大代表履职培训班'
  let inspection: string
  let training: string

  beforeEach(async () => {
    inspection = await story.published({
      title: INSPECTION,
      kind: 'inspection',
      startAt: '2026-11-26T14:30:00+08:00',
      endAt: '2026-11-26T16:30:00+08:00',
      place: '建设路社区党群服务中心',
      rsvpDeadline: '2026-11-25T17:00:00+08:00',
    })
    training = await story.published({
      title: TRAINING,
      kind: 'training',
      startAt: '2026-12-01T09:00:00+08:00',
      endAt: '2026-12-01T11:30:00+08:00',
      place: '区人大常委会三楼会议室',
      rsvpDeadline: '2026-11-27T17:00:00+08:00',
    })
    await dispatch(story.app)
    await waitFor(() => story.bot.world.said('张伟').filter((m) => m.startsWith('会议通知：')).length === 2, 'both notices to reach him')
  })

  /** The notice of this meeting as it reached him, quoted as WeChat quotes it, with his words under it. */
  const underNotice = (title: string, words: string) => {
    const notice = story.bot.world.said('张伟').find((m) => m.startsWith('会议通知：') && m.includes(title))!
    return `「联络站小助手：${notice}」\n- - - - - - - - - - - - - - -\n${words}`
  }

  it('a 请假 written under the 培训 notice excuses him from the 培训 and leaves the 视察 waiting', async () => {
    const said = await says(underNotice(TRAINING, '请假 那天要去省里开会'))
    expect(said).to.include(`已为您请假：${TRAINING}，12月1日（星期二）上午9:00至上午11:30。原因：那天要去省里开会`)
    expect(said, 'the one still waiting is named').to.include(`您还有 1 个会议没有回复：\n${INSPECTION}，11月26日（星期四）下午2:30至下午4:30`)
    expect(await answerOf(training)).to.include({ rsvp: 'leave', reason: '那天要去省里开会' })
    expect(await answerOf(inspection), 'the 视察 is untouched').to.include({ rsvp: 'pending' })

    // Now only the 视察 waits: his bare "参加" is for it.
    expect(await says('参加')).to.include(`已回复参加：${INSPECTION}`)
    expect(await answerOf(inspection)).to.include({ rsvp: 'attend' })
    expect(await answerOf(training), 'his leave from the 培训 stands').to.include({ rsvp: 'leave' })
  })

  it('a 参加 written under the 视察 notice answers the 视察, though the 培训 waits too', async () => {
    expect(await says(underNotice(INSPECTION, '参加'))).to.include(`已回复参加：${INSPECTION}`)
    expect(await answerOf(inspection)).to.include({ rsvp: 'attend' })
    expect(await answerOf(training)).to.include({ rsvp: 'pending' })
  })

  it('a bare 请假 with both waiting asks which one, numbered; his "2" excuses him from the 培训 only', async () => {
    const asked = await says('请假 那天要去省里开会')
    expect(asked.split('\n').slice(0, 3)).to.deep.equal([
      '您有 2 个会议等您回复，要请假的是哪一个？请回复数字：',
      `1. ${INSPECTION}，11月26日（星期四）下午2:30至下午4:30`,
      `2. ${TRAINING}，12月1日（星期二）上午9:00至上午11:30`,
    ])
    expect(await answerOf(inspection), 'nothing answered on a guess').to.include({ rsvp: 'pending' })
    expect(await answerOf(training)).to.include({ rsvp: 'pending' })

    expect(await says('3')).to.equal('请回复 1 到 2 之间的数字，选一个会议。')
    expect(await says('2')).to.include(`已为您请假：${TRAINING}，12月1日（星期二）上午9:00至上午11:30。原因：那天要去省里开会`)
    expect(await answerOf(training)).to.include({ rsvp: 'leave', reason: '那天要去省里开会' })
    expect(await answerOf(inspection)).to.include({ rsvp: 'pending' })
  })

  it('a bare 参加 with both waiting asks which one, and "请假" alone asks which and then the reason', async () => {
    expect(await says('参加')).to.include('您有 2 个会议等您回复，要参加的是哪一个？请回复数字：')
    expect(await says('1')).to.include(`已回复参加：${INSPECTION}`)
    expect(await answerOf(training)).to.include({ rsvp: 'pending' })

    // The 视察 is answered; his "请假" can only be for the 培训 (waiting) — no list, his reason is asked for it.
    expect(await says('请假')).to.include(`会议：${TRAINING}，12月1日（星期二）上午9:00至上午11:30。请写明请假原因`)
    expect(await says('那天要去省里开会')).to.include(`已为您请假：${TRAINING}`)
    expect(await answerOf(inspection), 'his 参加 to the 视察 stands').to.include({ rsvp: 'attend' })
  })
})
