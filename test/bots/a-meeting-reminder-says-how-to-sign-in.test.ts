import { expect } from 'chai'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { dispatch, waitFor } from './helpers.js'
import { useZhangWeiMeetingStory } from './meeting-story.js'

const SIGN_IN = '到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'

/**
 * 张伟 (66, WeChat only) is told in his chat, in the notice and in the reminder the day before, how he signs in on the
 * day: the code posted at the venue, scanned with WeChat's own 扫一扫 (it opens the mini-program's check-in page; the
 * chat cannot sign him in). The staff member invited too cannot scan (the clerk records staff) and is not told to.
 */
describe('bot: a meeting’s notice and reminder say how to sign in at the venue', function () {
  this.timeout(30_000)
  const story = useZhangWeiMeetingStory()
  const reminders = () => story.bot.world.said('张伟').filter((m) => m.startsWith('会议提醒：'))
  const runJob = () => story.app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()

  it('the notice ends with how to sign in; the reminder the day before says it again after 请准时参加', async () => {
    const id = await story.noticeReachesHim()
    const notice = story.bot.world.said('张伟').find((m) => m.startsWith('会议通知：'))!
    expect(notice.endsWith(`回复"参加"，或"请假 原因"。${SIGN_IN}`), notice).to.equal(true)
    expect(await story.says('参加')).to.include('已回复参加')

    // Wednesday 09:30, a day before the meeting (Thursday 09:30).
    story.app.clock.set(new Date('2026-11-25T01:30:00Z'))
    await runJob()
    await dispatch(story.app)
    await waitFor(() => reminders().length === 1, 'the reminder a day ahead to reach him')
    expect(reminders()[0]).to.equal(
      '会议提醒：市人大常委会第十次会议（常委会会议）明天上午9:30召开，时间 11月26日（星期四）上午9:30至上午11:30，' +
        `地点 市人大常委会第一会议室。请准时参加。${SIGN_IN}`,
    )

    const toStaff = (await story.app.liaison.store.outbox.search({ limit: 50, kind: 'meeting.reminder' })).items.find(
      (m) => m.payload.meetingId === id && m.recipientKind === 'staff' && m.recipientId === 'sf01',
    )
    expect(String(toStaff?.payload.text), 'the staff member’s reminder').to.match(/^会议提醒：.*请准时参加。$|^会议提醒：.*"请假 原因"。$/)
  })
})
