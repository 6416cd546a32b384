import { expect } from 'chai'
import { DIGEST_JOB } from '../../src/jobs/digest-job.js'
import type { MeetingRecord } from '../../src/domain/meeting.js'
import { startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'

/**
 * 湛河区 publishes its calendar ahead: a 接待日 next March with no reply asked, a briefing next January whose replies
 * are due this Friday, and a meeting on Thursday. 赵敏 (dp0004) reads on Tuesday morning the meeting of the week and the
 * January one she must answer by Friday; the March day is not hers to think of yet, and the morning's run never reads
 * it at all (a city that publishes a year of reception days is not read whole every morning).
 */
describe('the daily digest reads the meetings of the week and the answers due within it, no further', () => {
  let app: TestApp
  afterEach(() => app.close())

  it("names next month's meeting whose reply is due this week, and reads no meeting beyond", async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-30T02:00:00Z')) // Monday 30 Nov, 10:00 in Shanghai
    const sunli = await asStaff(app, 'sunli')
    const publish = async (over: Record<string, unknown>) => {
      const created = await sunli.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0004'] }, ...over }))
      expect(created.status, JSON.stringify(created.body)).to.equal(201)
      expect((await sunli.post(`/api/admin/meetings/${created.body.id}/publish`)).status).to.equal(200)
    }
    await publish({
      title: '湛河区代表工作情况通报会',
      startAt: '2027-01-08T09:00:00+08:00',
      endAt: '2027-01-08T11:00:00+08:00',
      place: '区人大常委会三楼会议室',
      rsvpDeadline: '2026-12-04T17:00:00+08:00',
    })
    await publish({ title: '三月代表接待日', startAt: '2027-03-15T09:00:00+08:00', endAt: '2027-03-15T11:00:00+08:00', place: '湛河区代表联络站' })
    await publish({ title: '十二月代表接待日', startAt: '2026-12-03T09:00:00+08:00', endAt: '2026-12-03T11:00:00+08:00', place: '湛河区代表联络站' })

    // Every meeting the morning's run reads, whichever read it makes.
    const meetings = app.liaison.store.meetings
    const list = meetings.list.bind(meetings)
    const read: string[] = []
    meetings.list = async (filter) => {
      const found: MeetingRecord[] = await list(filter)
      read.push(...found.map((m) => m.title))
      return found
    }

    app.clock.set(new Date('2026-12-01T00:15:00Z')) // Tuesday 08:15
    await app.liaison.jobs.find((j) => j.name === DIGEST_JOB)!.run()
    const sent = (await app.liaison.store.outbox.search({ limit: 50, kind: 'digest', recipientId: 'dp0004' })).items
    const text = (sent[0]?.payload as { text?: string } | undefined)?.text ?? ''

    expect(text, 'the January meeting, its reply due Friday').to.include(
      '【还没说参不参加的会议 1 个】\n· 2027年1月8日（星期五）上午9:00 湛河区代表工作情况通报会（区人大常委会三楼会议室），还没回复，请在12月4日（星期五）下午5:00前回复',
    )
    expect(text, 'the meeting of the week').to.include('十二月代表接待日')
    expect(text, 'nothing asked of her for March yet').not.to.include('三月代表接待日')
    expect(read, 'the March day is never read').not.to.include('三月代表接待日')
  })
})
