import { expect } from 'chai'
import { MEETING_REMINDERS_JOB } from '../../src/jobs/meeting-reminders-job.js'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

const SESSION = '湛河区人大常委会第三十二次会议（邀请代表列席）'

/**
 * What 赵敏 reads of the standing committee's 32nd session, and what 孙丽's sheet says of the inspection: one time
 * written one way in a message (never "下午5:00" in one line and "17:00" in the next, never "24:00"), the title's own
 * brackets not followed by another pair, a reminder that asks her to answer when she never did instead of
 * "请准时参加", and no leave reason beside 已签到出席.
 */
describe('meeting words said one way', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // Monday 30 Nov, 10:00
  })
  afterEach(() => app.close())

  async function published(over: Record<string, unknown>) {
    const sunli = await asStaff(app, 'sunli')
    const created = await sunli.post('/api/admin/meetings', meetingBody(over))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    return created.body as { id: string; shortCode: string }
  }
  const texts = async (kind: string, deputyId: string) =>
    (await app.liaison.store.outbox.search({ limit: 10, kind, recipientId: deputyId })).items.map((m) => (m.payload as { text: string }).text)
  const session = (over: Record<string, unknown> = {}) =>
    published({
      title: SESSION,
      startAt: '2026-12-11T09:00:00+08:00',
      endAt: '2026-12-11T11:30:00+08:00',
      place: '区人大常委会三楼会议室',
      rsvpDeadline: '2026-12-04T17:00:00+08:00',
      selector: { deputyIds: ['dp0001', 'dp0004'] },
      ...over,
    })

  it('writes the notice with one way of saying times, and no two bracket pairs in a row', async () => {
    await session()
    const [notice] = await texts('meeting.notice', 'dp0004')
    expect(notice).to.equal(
      `会议通知：${SESSION}，时间 12月11日（星期五）上午9:00至上午11:30，地点 区人大常委会三楼会议室。请在12月4日（星期五）下午5:00前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。`,
    )
    // Every time of day with the part of the day people name ("下午5:00"), never a bare "17:00".
    expect(notice).not.to.match(/(?<!上午|中午|下午|晚上|凌晨|\d)\d{1,2}:\d\d|）（/)
  })

  it('says a reply due at midnight as the day before, the whole day counting, never 24:00, in her notice and on her page', async () => {
    const m = await session({ rsvpDeadline: '2026-12-05T00:00:00+08:00' })
    const [notice] = await texts('meeting.notice', 'dp0004')
    expect(notice).to.include('请在12月4日（星期五）前（含当日）回复"参加"').and.not.include('24:00').and.not.include('0:00')
    // Her meeting page, in the same words: not "12月5日（星期六）凌晨0:00", which reads as if Saturday were hers.
    const page = (await (await asDeputy(app, 'dp0004')).get(`/api/mp/meetings/${m.id}`)).body
    expect(page).to.include({ rsvpByText: '12月4日（星期五）前（含当日）', rsvpClosedText: '12月4日（星期五）' })
  })

  it('asks one who never answered to answer, or whom to tell, in the 24 h reminder; 请准时参加 only to who said yes', async () => {
    const m = await session()
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })).status).to.equal(200)
    app.clock.set(new Date('2026-12-10T01:00:00Z')) // Thursday 09:00: answers closed on Friday
    await app.liaison.jobs.find((j) => j.name === MEETING_REMINDERS_JOB)!.run()
    const head = `会议提醒：${SESSION}明天上午9:00召开，时间 12月11日（星期五）上午9:00至上午11:30，地点 区人大常委会三楼会议室。`
    expect(await texts('meeting.reminder', 'dp0004')).to.deep.equal([
      `${head}您还没有回复；如能参加请准时到会，不能参加请联系组织会议的湛河区人大常委会办公室。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。`,
    ])
    expect(await texts('meeting.reminder', 'dp0001')).to.deep.equal([`${head}请准时参加。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。`])
  })

  it('leaves the reason out of the sign-in sheet for one who asked leave and came after all', async () => {
    const m = await published({ selector: { deputyIds: ['dp0002'] }, startAt: '2026-12-03T09:30:00+08:00', endAt: '2026-12-03T11:30:00+08:00' })
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '孙子发烧了要在家照看' })).status).to.equal(200)
    app.clock.set(new Date('2026-12-03T01:25:00Z')) // Thursday 09:25, at the door
    expect((await wang.post(`/api/mp/meetings/${m.shortCode}/check-in`, {})).status).to.equal(200)
    const csv = await (await asStaff(app, 'sunli')).get(`/api/admin/meetings/${m.id}/attendance.csv`)
    const [, row] = (csv.body as Buffer).subarray(3).toString('utf8').split('\r\n')
    expect(row.split(',').slice(0, 4)).to.deep.equal(['王芳', '代表', '已签到出席', ''])
    expect(row).not.to.include('孙子发烧了')
  })
})
