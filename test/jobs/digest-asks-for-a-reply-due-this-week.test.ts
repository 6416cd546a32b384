import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 陈干事 calls the standing committee's 32nd session for Friday 11 December, replies due Friday 4 December at 17:00.
 * 赵敏 (dp0004, a township deputy on WeChat only) does not answer the notice that day. Every morning until the
 * deadline her digest names the meeting and says by when to answer, as people say it; on the day itself, "今天";
 * once she has answered, it lists the meeting with her answer, asking nothing more.
 */
describe('the daily digest asks for a reply due this week, for a meeting further off', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // Monday 30 Nov, 10:00 in Shanghai
    const sunli = await asStaff(app, 'sunli')
    const created = await sunli.post(
      '/api/admin/meetings',
      meetingBody({
        title: '湛河区人大常委会第三十二次会议（邀请代表列席）',
        startAt: '2026-12-11T09:00:00+08:00',
        endAt: '2026-12-11T11:30:00+08:00',
        place: '区人大常委会三楼会议室',
        rsvpDeadline: '2026-12-04T17:00:00+08:00',
        selector: { deputyIds: ['dp0004'] },
      }),
    )
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    meetingId = created.body.id
  })
  afterEach(() => app.close())
  let meetingId: string

  /** The digest job on a morning at 08:15, and the text of what reached 赵敏 that day (null: no digest). */
  async function digestOn(day: string): Promise<string | null> {
    app.clock.set(new Date(`${day}T00:15:00Z`))
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    const sent = (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest', recipientId: 'dp0004' })).items
    const today = sent.find((m) => (m.payload as { day: string }).day === day)
    return today ? (today.payload as { text: string }).text : null
  }

  it('names the meeting with its reply deadline every morning until she answers, and says 今天 on the day', async () => {
    const tuesday = await digestOn('2026-12-01')
    expect(tuesday, 'a meeting eleven days ahead, its answer due in four').to.include(
      '【还没说参不参加的会议 1 个】\n· 12月11日（星期五）上午9:00 湛河区人大常委会第三十二次会议（邀请代表列席），地点 区人大常委会三楼会议室，还没回复，请在12月4日（星期五）下午5:00前回复',
    )
    expect(tuesday).to.include('会议请回复"参加"，或"请假 原因"')
    expect(tuesday, 'one way of writing a time, no two bracket pairs in a row').not.to.match(/(?<!上午|中午|下午|晚上|凌晨|\d)\d{1,2}:\d\d|）（/)

    expect(await digestOn('2026-12-04'), 'on the deadline day').to.include('还没回复，请在今天下午5:00前回复')

    const zhao = await asDeputy(app, 'dp0004')
    expect((await zhao.post(`/api/mp/meetings/${meetingId}/rsvp`, { response: 'attend' })).status).to.equal(200)
    const after = await digestOn('2026-12-05')
    expect(after, 'answered, and now within the week').to.include(
      '【近 7 天会议活动 1 个】\n· 12月11日（星期五）上午9:00 湛河区人大常委会第三十二次会议（邀请代表列席），地点 区人大常委会三楼会议室，已回复参加',
    )
    expect(after).not.to.include('还没回复').and.not.include('还没说参不参加的会议')
  })
})
