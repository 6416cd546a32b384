import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { meetingCity, noticesSentAndRead, publishMeeting, QINGGONG_RECEPTION_DAY } from '../helpers/meetings.js'

/**
 * Two meetings ahead, both published on Monday 11月23日: the standing committee's (city and county deputies, 11月26日)
 * and 轻工街道代表联络站's reception day (its deputies, 11月27日). 张伟 answers 参加 to both. Then 王芳 leaves office,
 * and 张伟 moves to 马庄街道代表联络站. The organizer's tables, counts and reminders, 张伟's own list, his digest and
 * his 履职档案 follow: neither is counted, reminded or listed where he is no longer expected.
 */
describe('meeting invitees who left office or moved station', () => {
  let app: TestApp
  let office: Client
  let standing: string
  let reception: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    const publish = async (body: Record<string, unknown>) => (await publishMeeting(office, body)).id
    standing = await publish({ selector: { levels: ['city', 'county'] } })
    reception = await publish(QINGGONG_RECEPTION_DAY)
    const zhang = await asDeputy(app, 'dp0001')
    for (const id of [standing, reception]) expect((await zhang.post(`/api/mp/meetings/${id}/rsvp`, { response: 'attend' })).status).to.equal(200)
  })
  afterEach(() => app.close())

  const table = async (id: string) => {
    const answer = await office.get(`/api/admin/meetings/${id}/invitees`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body
  }
  const replies = (body: { items: Array<{ name: string; rsvpLabel: string }> }) => Object.fromEntries(body.items.map((i) => [i.name, i.rsvpLabel]))

  it('tells a cancellation only to those still expected there, never to one who left office or moved', async () => {
    expect((await office.patch('/api/admin/deputies/dp0002', { active: false })).status).to.equal(200)
    expect((await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })).status).to.equal(200)
    const cancelled = await office.post(`/api/admin/meetings/${reception}/cancel`, { reason: '场地临时维修' })
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200)
    const told = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.cancelled' })).items
    expect(told.map((m) => m.recipientId)).to.deep.equal(['dp0003'])
  })

  it('are marked on the lists of meetings ahead, counted, reminded and listed nowhere they are no longer expected', async () => {
    const left = await office.patch('/api/admin/deputies/dp0002', { active: false })
    expect(left.body).to.include({ active: false, meetingsWithdrawn: 2 })
    const moved = await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    expect(moved.body, 'the reception day only: the standing committee invites him as a city deputy').to.include({ meetingsWithdrawn: 1 })

    const day = await table(reception)
    expect(replies(day)).to.deep.equal({ 张伟: '已调到马庄街道代表联络站', 王芳: '已离任', 李强: '未回复' })
    expect(day.items.find((i: { name: string }) => i.name === '张伟').withdrawn).to.include({ reason: 'moved', label: '已调到马庄街道代表联络站' })
    expect(day.counts).to.include({ invited: 1, attend: 0, pending: 1, withdrawn: 2 })
    const committee = await table(standing)
    expect(replies(committee)).to.include({ 张伟: '参加', 王芳: '已离任' })
    expect(committee.counts).to.include({ attend: 1, withdrawn: 1 })
    expect(committee.counts.invited).to.equal(committee.items.length - 1)

    // 提醒未回复 asks 李强 only; those who left are not "请电话联系" either.
    await noticesSentAndRead(app)
    const ready = await table(reception)
    expect(ready.remindable).to.equal(1)
    expect(ready.remindHeld ?? '').not.to.include('请电话联系')
    const reminded = await office.post(`/api/admin/meetings/${reception}/remind`, {})
    expect(reminded.body).to.include({ reminded: 1 })
    const nudges = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.rsvp_nudge' })).items
    expect(nudges.map((m) => m.recipientId)).to.deep.equal(['dp0003'])

    // The reminder a day ahead goes to who is still expected and has not declined: 李强 alone.
    app.clock.set(new Date('2026-11-26T01:30:00Z')) // Thursday 09:30, 24 hours before the reception day
    office = await asAdmin(app)
    await app.liaison.services.meetingReminders.sendDue()
    const reminders = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.reminder' })).items.filter(
      (m) => (m.payload as { meetingId?: string }).meetingId === reception,
    )
    expect(reminders.map((m) => m.recipientId)).to.deep.equal(['dp0003'])

    // 张伟's own list and his digest no longer hold the reception day; answering it is refused in words.
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get('/api/mp/meetings')).body.items.map((m: { title: string }) => m.title)).to.deep.equal(['市人大常委会第十次会议'])
    const preview = await office.get('/api/admin/deputies/dp0001/digest?date=2026-11-26')
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200)
    const digest = preview.body.digest
    expect(digest.text).not.to.include('轻工街道代表联络站11月接待日')
    const refused = await zhang.post(`/api/mp/meetings/${reception}/rsvp`, { response: 'leave', reason: '出差' })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({ code: 'no_longer_invited', message: '您已调到马庄街道代表联络站，不在这次会议的参会名单上了，无需回复' })

    // After the day it is history as it was: no absence in anyone's attendance, the table still says why.
    app.clock.set(new Date('2026-11-28T02:00:00Z'))
    office = await asAdmin(app)
    expect(replies(await table(reception))).to.include({ 张伟: '已调到马庄街道代表联络站', 王芳: '已离任' })
    const attendance = (await office.get('/api/admin/meetings/attendance?from=2026-11-27T00:00:00%2B08:00&to=2026-11-28T00:00:00%2B08:00')).body
    expect(attendance.items.map((p: { name: string; absent: number }) => [p.name, p.absent])).to.deep.equal([['李强', 1]])
    expect(
      (await office.get('/api/admin/records/dp0001?year=2026')).body.meetings,
      'his record counts the meeting he was invited to as a city deputy only',
    ).to.deep.equal({
      held: 1,
      attended: 0,
      excused: 0,
      absent: 1,
    })
  })

  it('are not sent the notice of a meeting no longer theirs that still waited to go', async () => {
    await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    await app.liaison.services.dispatcher.drain()
    const notices = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.notice' })).items.filter(
      (m) => m.recipientId === 'dp0001' && (m.payload as { meetingId?: string }).meetingId === reception,
    )
    expect(notices.map((m) => [m.status, m.lastError])).to.deep.equal([
      ['dead', '已被后来的变化取代，未发送（已不在参会名单上：已离任或已调到别的联络站，不再通知）'],
    ])
  })

  it('are expected again when they come back before the meeting', async () => {
    await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    const back = await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st001'] })
    expect(back.body.meetingsWithdrawn).to.equal(0)
    expect(replies(await table(reception))).to.include({ 张伟: '参加' })
    expect((await table(reception)).counts).to.include({ attend: 1, withdrawn: 0 })
  })
})
