import { expect } from 'chai'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'
import { ask, BOT_SECRET, dispatch, startBot, waitFor, type BotUnderTest, type Person } from './helpers.js'
import { bindZhangWei } from './zhang-wei.js'

const QUIET = { start: '21:00', end: '08:00', immediateKinds: [] }
/** Shanghai wall time on a day of the week of 23–26 November 2026 (Monday 23rd). */
const at = (day: number, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+08:00`)

/**
 * 张伟 is to inspect the morning market at 07:30 on Thursday. Nothing is sent between 21:00 and 08:00, so the reminder
 * two hours before (05:30) used to be held until 08:00, after the start, and never went. Now it reaches him in the chat
 * on Wednesday evening at a decent hour, saying 明天上午7:30 and why it comes the evening before; nothing follows at dawn.
 */
describe('bot: an early meeting’s reminder comes the evening before, not at night nor too late', function () {
  this.timeout(30_000)
  let app: TestApp
  let t: BotUnderTest
  let zhang: Person
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { bot: { secret: BOT_SECRET }, outbox: { quietHours: QUIET } } })
    app.clock.set(at(23, '10:00'))
    t = await startBot(app.baseUrl)
    zhang = await bindZhangWei(app, t)
  })
  afterEach(async () => {
    await t?.stop()
    await app?.close()
  })

  const reminders = () => t.world.said('张伟').filter((m) => m.startsWith('会议提醒：'))
  const runJob = () => app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()

  it('reminds him on Wednesday at 20:00 of Thursday 07:30, and not again at 05:30', async () => {
    const office = await asAdmin(app)
    const created = await office.post(
      '/api/admin/meetings',
      meetingBody({
        title: '早市食品安全视察',
        kind: 'inspection',
        startAt: '2026-11-26T07:30:00+08:00',
        endAt: '2026-11-26T09:00:00+08:00',
        place: '建设路早市',
        attachments: [],
        selector: { deputyIds: ['dp0001'] },
      }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    await dispatch(app)
    await waitFor(() => t.world.said('张伟').find((m) => m.startsWith('会议通知：')), 'the notice to reach him')
    expect(await ask(t, zhang, '参加')).to.include('已回复参加')

    // The reminder a day ahead, at 08:00 on Wednesday when quiet hours end.
    app.clock.set(at(25, '08:00'))
    await runJob()
    await dispatch(app)
    await waitFor(() => reminders().length === 1, 'the reminder a day ahead')

    // Wednesday 20:00, before quiet hours: the reminder of the morning reaches him now.
    app.clock.set(at(25, '20:00'))
    await runJob()
    await dispatch(app)
    await waitFor(() => reminders().length === 2, 'the evening reminder to reach him')
    expect(reminders()[1]).to.equal(
      '会议提醒：早市食品安全视察（视察调研）明天上午7:30召开，时间 11月26日（星期四）上午7:30至上午9:00，地点 建设路早市。' +
        '会议开始得早，今晚先提醒您。请准时参加。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )

    // 05:30 on Thursday, two hours before: nothing more, at night.
    app.clock.set(at(26, '05:30'))
    expect(await runJob()).to.deep.equal({ reminded: 0 })
    app.clock.set(at(26, '07:00'))
    expect(await runJob()).to.deep.equal({ reminded: 0 })
    await dispatch(app)
    expect(reminders()).to.have.length(2)
  })
})
