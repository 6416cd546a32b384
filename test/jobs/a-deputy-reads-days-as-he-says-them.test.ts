import { expect } from 'chai'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { pngWithText } from '../helpers/images.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * A deputy of 66 read "视察老旧小区改造（视察调研）将于 22 小时 30 分钟后召开" and had to work out when that was; and "您报告的
 * 12月08日调研活动已审核通过", a day written as nowhere else. Now the reminder says the day as a person says it the day
 * before ("明天下午2:30召开", on the day "今天下午2:30召开"), and the approval "12月8日".
 */
describe('a deputy reads the days of his reminders and approvals as he says them', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00
  })
  afterEach(() => app.close())

  const texts = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 100, kind })).items.map((m) => m.payload.text as string)

  it('the 视察 on Thursday 14:30 is 明天下午2:30 in the run on Wednesday afternoon, 今天下午2:30 on Thursday noon', async () => {
    const office = await asStaff(app, 'sunli')
    const created = await office.post(
      '/api/admin/meetings',
      meetingBody({
        title: '湛河区人大代表视察老旧小区改造',
        kind: 'inspection',
        startAt: '2026-11-26T14:30:00+08:00',
        endAt: '2026-11-26T16:30:00+08:00',
        place: '建设路社区党群服务中心',
        selector: { deputyIds: ['dp0002'] },
      }),
    )
    expect((await office.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    const run = () => app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()

    app.clock.set(new Date('2026-11-25T08:00:00Z')) // Wednesday 16:00: 22 h 30 min before
    await run()
    expect(await texts('meeting.reminder')).to.deep.equal([
      '会议提醒：湛河区人大代表视察老旧小区改造（视察调研）明天下午2:30召开，时间 11月26日（星期四）下午2:30至下午4:30，地点 建设路社区党群服务中心。您还没有回复，请在11月26日（星期四）下午2:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    ])
    app.clock.set(new Date('2026-11-26T04:30:00Z')) // Thursday 12:30
    await run()
    expect((await texts('meeting.reminder')).find((t) => t.includes('今天'))).to.include('（视察调研）今天下午2:30召开，时间 11月26日（星期四）')
    expect((await texts('meeting.reminder')).join('\n')).not.to.include('小时')
  })

  it('the activity of 8 December is approved as 12月8日, not 12月08日', async () => {
    app.clock.set(new Date('2026-12-10T02:00:00Z'))
    const wang = await asDeputy(app, 'dp0002')
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(pngWithText())], { type: 'image/png' }), 'photo.png')
    const uploaded = await (
      await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${wang.bearer}` } })
    ).json()
    const reported = await wang.post('/api/mp/records/activities', {
      kind: 'research',
      date: '2026-12-08',
      place: '建设路社区3号院',
      text: '走访建设路社区3号院，了解楼顶私搭乱建的情况。',
      photos: [uploaded.url],
    })
    expect(reported.status, JSON.stringify(reported.body)).to.equal(201)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/records/activities/${reported.body.id}/review`, { decision: 'approve' })).status).to.equal(200)
    expect(await texts('record.activity_reviewed')).to.deep.equal(['您报告的12月8日调研活动已审核通过，计入履职档案。'])
  })
})
