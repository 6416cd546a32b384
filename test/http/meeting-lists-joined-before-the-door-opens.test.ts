import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { meetingCity, publishMeeting } from '../helpers/meetings.js'

/**
 * Published on Monday 11月23日, two meetings invite 马庄街道代表联络站's deputies: its reception day on Friday (answers
 * due Tuesday noon) and its deputies' group activity on Wednesday at 09:00. 张伟 comes to 马庄 on Wednesday at 08:30 —
 * as the hourly maintenance job first finds him after the release that made lists follow moves, or as the office
 * moves him. He is put on Friday's list and told, and may still answer until it starts (his notice says so), though
 * its reply deadline passed: it is his station's day, and without a way to 请假 he would be counted absent. Not on
 * Wednesday's, whose door (check-in) is already open: a notice 30 minutes before could not bring him, and an absence
 * he was never told of in time would go on his 履职档案.
 */
describe('a deputy who comes to a station joins the lists of its meetings he can still be told of', () => {
  let app: TestApp
  let office: Client
  let friday: string
  let wednesday: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    friday = (
      await publishMeeting(office, {
        title: '马庄街道代表联络站11月接待日',
        kind: 'reception_day',
        startAt: '2026-11-27T09:00:00+08:00',
        endAt: '2026-11-27T11:30:00+08:00',
        rsvpDeadline: '2026-11-24T12:00:00+08:00',
        place: '马庄街道代表联络站',
        selector: { stationIds: ['st002'] },
      })
    ).id
    wednesday = (
      await publishMeeting(office, {
        title: '马庄街道代表小组活动',
        kind: 'deputy_activity',
        startAt: '2026-11-25T09:00:00+08:00',
        endAt: '2026-11-25T10:30:00+08:00',
        place: '马庄街道代表联络站',
        selector: { stationIds: ['st002'] },
      })
    ).id
    app.clock.set(new Date('2026-11-25T00:30:00Z')) // Wednesday 08:30: the activity's check-in opened at 08:00
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const names = async (id: string) => (await office.get(`/api/admin/meetings/${id}/invitees`)).body.items.map((i: { name: string }) => i.name)
  const noticesTo = async (meetingId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.notice', recipientId: 'dp0001' })).items
      .filter((m) => (m.payload as { meetingId?: string }).meetingId === meetingId)
      .map((m) => (m.payload as { text: string }).text)
  const FRIDAY_NOTICE =
    '会议通知：马庄街道代表联络站11月接待日（接待日），时间 11月27日（星期五）上午9:00至上午11:30，地点 马庄街道代表联络站。' +
    '请在11月27日（星期五）上午9:00前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。'

  async function whatHeSees() {
    expect(await noticesTo(friday), 'told of Friday, answers open until it starts').to.deep.equal([FRIDAY_NOTICE])
    expect(await noticesTo(wednesday), 'no notice 30 minutes before a meeting').to.deep.equal([])
    expect(await names(friday)).to.include('张伟')
    expect(await names(wednesday)).not.to.include('张伟')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get('/api/mp/meetings')).body.items.map((m: { title: string }) => m.title)).to.deep.equal(['马庄街道代表联络站11月接待日'])
    const leave = await zhang.post(`/api/mp/meetings/${friday}/rsvp`, { response: 'leave', reason: '外出学习' })
    expect(leave.status, JSON.stringify(leave.body)).to.equal(200)
    expect(leave.body).to.include({ rsvpLabel: '请假' })
  }

  it('by the first maintenance run that finds him: Friday’s list with its notice, not the one whose door is open', async () => {
    // Moved before lists followed moves: no list was judged then.
    await app.liaison.store.deputies.update('dp0001', { stationIds: ['st002'], today: '2026-11-25' })
    const job = app.liaison.jobs.find((j) => j.name === 'maintenance')!
    const run = (await job.run()) as { meetingLists: Record<string, number> }
    expect(run.meetingLists).to.include({ joined: 1 })
    await whatHeSees()
  })

  it('by the office moving him: the same lists', async () => {
    const moved = await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body).to.include({ meetingsJoined: 1 })
    await whatHeSees()
  })
})
