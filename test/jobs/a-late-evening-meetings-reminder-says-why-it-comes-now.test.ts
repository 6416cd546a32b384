import { expect } from 'chai'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity, publishMeeting } from '../helpers/meetings.js'

const QUIET = { start: '21:00', end: '08:00', immediateKinds: [] }
/** Shanghai wall time on a day of 23–26 November 2026 (Monday 23rd). */
const at = (day: number, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+08:00`)

/**
 * Review 38, finding 11. Nothing is sent from 21:00 to 08:00, so a reminder whose moment falls then comes before 21:00
 * (reminder-moments.ts). For the morning market at 07:30 it says 会议开始得早, which is true. For a meeting at 23:00
 * that evening (the 2-hour reminder's moment, 21:00, falls in quiet hours) it said the same: 今天晚上11:00召开…会议开始得早,
 * which is false. Now it says the true reason it comes now.
 */
describe('meeting reminders: one brought forward says truly why it comes now', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { outbox: { quietHours: QUIET } } })
    app.clock.set(at(23, '10:00'))
  })
  afterEach(() => app?.close())

  const runJob = () => app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()
  /** The reminders 张伟 (dp0001) has been written, oldest first. */
  const hisReminders = async () =>
    (await app.liaison.store.outbox.search({ limit: 20, kind: 'meeting.reminder', recipientId: 'dp0001' })).items
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((m) => (m.payload as { text: string }).text)

  it('a meeting at 23:00 that evening: not 开始得早, but that nothing is sent at night', async () => {
    await publishMeeting(await asAdmin(app), {
      title: '夜间渣土车专项检查',
      kind: 'inspection',
      startAt: '2026-11-25T23:00:00+08:00',
      endAt: '2026-11-26T00:30:00+08:00',
      place: '建设路与光明路交叉口',
      attachments: [],
      selector: { deputyIds: ['dp0001'] },
    })
    app.clock.set(at(25, '08:00')) // the day's reminder, when quiet hours end
    await runJob()
    app.clock.set(at(25, '20:00')) // before quiet hours: the 2-hour reminder, whose moment (21:00) falls in them
    await runJob()
    const [, evening] = await hisReminders()
    expect(evening).to.include('今天晚上11:00召开')
    expect(evening).not.to.include('开始得早')
    expect(evening).to.include('夜间免打扰时段不发消息，现在先提醒您。')
  })

  it('a meeting at 07:30 the next morning: 会议开始得早, as before', async () => {
    await publishMeeting(await asAdmin(app), {
      title: '早市食品安全视察',
      kind: 'inspection',
      startAt: '2026-11-26T07:30:00+08:00',
      endAt: '2026-11-26T09:00:00+08:00',
      place: '建设路早市',
      attachments: [],
      selector: { deputyIds: ['dp0001'] },
    })
    app.clock.set(at(25, '08:00'))
    await runJob()
    app.clock.set(at(25, '20:00'))
    await runJob()
    const [, evening] = await hisReminders()
    expect(evening).to.include('明天上午7:30召开')
    expect(evening).to.include('会议开始得早，今晚先提醒您。')
  })
})
