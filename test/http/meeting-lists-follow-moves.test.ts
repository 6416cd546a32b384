import { expect } from 'chai'
import { asAdmin, asDeputy, startApp, type Client, type TestApp } from '../helpers/app.js'
import { meetingCity, publishMeeting } from '../helpers/meetings.js'

/**
 * Monday 11月23日: three meetings ahead are published for Friday 11月27日. 轻工街道代表联络站's reception day invites
 * its deputies (by station), 马庄街道代表联络站's too, and a 马庄 inspection names 赵敏 alone. 张伟 answers 参加 to
 * 轻工's day, then moves to 马庄. The lists follow him: 轻工's marks him 已调到马庄街道代表联络站, 马庄's reception day takes
 * him and he is sent its notice, the inspection by name does not; an organizer who names him again on 轻工's list
 * brings him back; at 轻工's door while marked his scan is refused in words; and when the move's own request
 * stopped before the lists were judged, the hourly maintenance job puts them right.
 */
describe('the lists of meetings ahead follow a deputy who moves station', () => {
  let app: TestApp
  let office: Client
  let qinggong: string
  let mazhuang: string
  let inspection: string
  let qinggongCode: string

  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
    const publish = (body: Record<string, unknown>) => publishMeeting(office, body)
    const day = (station: string, id: string, hour: string) => ({
      title: `${station}11月接待日`,
      kind: 'reception_day',
      startAt: `2026-11-27T${hour}:00:00+08:00`,
      endAt: `2026-11-27T${hour}:50:00+08:00`,
      place: station,
      selector: { stationIds: [id] },
    })
    const first = await publish(day('轻工街道代表联络站', 'st001', '09'))
    ;({ id: qinggong, shortCode: qinggongCode } = first)
    mazhuang = (await publish(day('马庄街道代表联络站', 'st002', '14'))).id
    inspection = (
      await publish({
        title: '马庄社区老旧小区改造视察',
        kind: 'inspection',
        startAt: '2026-11-27T15:00:00+08:00',
        endAt: '2026-11-27T16:30:00+08:00',
        selector: { deputyIds: ['dp0004'] },
      })
    ).id
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/meetings/${qinggong}/rsvp`, { response: 'attend' })).status).to.equal(200)
  })
  afterEach(() => app.close())

  const replies = async (id: string) => {
    const answer = await office.get(`/api/admin/meetings/${id}/invitees`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return Object.fromEntries(answer.body.items.map((i: { name: string; rsvpLabel: string }) => [i.name, i.rsvpLabel]))
  }
  const noticesTo = async (deputyId: string, meetingId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.notice' })).items.filter(
      (m) => m.recipientId === deputyId && (m.payload as { meetingId?: string }).meetingId === meetingId,
    )
  const hisMeetings = async () => (await (await asDeputy(app, 'dp0001')).get('/api/mp/meetings')).body.items.map((m: { title: string }) => m.title)
  const maintenance = () => app.liaison.jobs.find((j) => j.name === 'maintenance')!.run() as Promise<{ meetingLists: unknown }>

  it('puts him on the list of the reception day of the station he comes to, sent its notice, and on no list by name', async () => {
    const moved = await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    expect(moved.body).to.include({ meetingsWithdrawn: 1, meetingsJoined: 1 })

    expect(await replies(mazhuang)).to.deep.equal({ 李强: '未回复', 赵敏: '未回复', 张伟: '未回复' })
    expect(await replies(inspection), 'a list by name is the organizer’s to change').to.deep.equal({ 赵敏: '未回复' })
    expect(await replies(qinggong)).to.include({ 张伟: '已调到马庄街道代表联络站' })
    expect(await hisMeetings()).to.deep.equal(['马庄街道代表联络站11月接待日'])
    const [notice] = await noticesTo('dp0001', mazhuang)
    expect((notice.payload as { text: string }).text).to.match(
      /^会议通知：马庄街道代表联络站11月接待日.*时间 11月27日（星期五）下午2:00.*请在.*回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。$/,
    )
  })

  it('are put right by the maintenance job when the move’s own request stopped before judging them', async () => {
    // The directory moved, the request ended there (timed out, restarted): no list was judged.
    await app.liaison.store.deputies.update('dp0001', { stationIds: ['st002'], today: '2026-11-23' })
    expect(await replies(qinggong)).to.include({ 张伟: '参加' })
    expect(await replies(mazhuang)).not.to.have.property('张伟')

    const mended = await maintenance()
    expect(await replies(qinggong)).to.include({ 张伟: '已调到马庄街道代表联络站' })
    expect(await replies(mazhuang)).to.include({ 张伟: '未回复' })
    expect(mended.meetingLists).to.deep.equal({ marked: 1, cleared: 0, joined: 1 })
    expect(await noticesTo('dp0001', mazhuang)).to.have.length(1)
    expect(await hisMeetings()).to.deep.equal(['马庄街道代表联络站11月接待日'])
    expect((await maintenance()).meetingLists, 'nothing left to put right').to.deep.equal({ marked: 0, cleared: 0, joined: 0 })

    // The day before, the reminder of 轻工's day goes to those still expected there, not to him.
    app.clock.set(new Date('2026-11-26T01:30:00Z'))
    await app.liaison.services.meetingReminders.sendDue()
    const reminded = (await app.liaison.store.outbox.search({ limit: 100, kind: 'meeting.reminder' })).items
      .filter((m) => (m.payload as { meetingId?: string }).meetingId === qinggong)
      .map((m) => m.recipientId)
    expect(reminded).to.have.members(['dp0002', 'dp0003'])
  })

  it('brings him back when the organizer names him again, with his answer and one notice, and keeps him there', async () => {
    await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    const preview = await office.post(`/api/admin/meetings/${qinggong}/invitee-preview`, { selector: { deputyIds: ['dp0001'] } })
    expect(preview.status, JSON.stringify(preview.body)).to.equal(200)
    expect(preview.body).to.include({ alreadyInvited: 0 })

    const added = await office.post(`/api/admin/meetings/${qinggong}/invitees`, { selector: { deputyIds: ['dp0001'] } })
    expect(added.status, JSON.stringify(added.body)).to.equal(200)
    expect(added.body.added.map((i: { name: string }) => i.name)).to.deep.equal(['张伟'])
    expect(await replies(qinggong)).to.include({ 张伟: '参加' })
    expect(await hisMeetings()).to.deep.equal(['轻工街道代表联络站11月接待日', '马庄街道代表联络站11月接待日'])
    // His first notice had not gone yet: now that he is back it goes, and no second one follows it.
    expect(
      (await noticesTo('dp0001', qinggong)).map((m) => m.status),
      'told once that he is on the list',
    ).to.deep.equal(['pending'])

    // Named now: his next move leaves him on it.
    expect((await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st003'] })).status).to.equal(200)
    expect(await replies(qinggong)).to.include({ 张伟: '参加' })
  })

  it('refuses his scan at the door of a meeting he is marked on, in words, and records nothing', async () => {
    await office.patch('/api/admin/deputies/dp0001', { stationIds: ['st002'] })
    app.clock.set(new Date('2026-11-27T00:30:00Z')) // Friday 08:30, scanning open since 08:00
    office = await asAdmin(app)
    const zhang = await asDeputy(app, 'dp0001')
    const scan = await zhang.post(`/api/mp/meetings/${qinggongCode}/check-in`, {})
    expect(scan.status).to.equal(409)
    expect(scan.body.error).to.include({
      code: 'no_longer_invited',
      message:
        '您已调到马庄街道代表联络站，不在这次会议的参会名单上了，扫码签到不会记入。如果您仍要参加，请在会议开始前联系组织会议的市人大常委会办公室，请工作人员把您重新加入参会名单，加入后再扫一次码。',
    })
    expect(await replies(qinggong)).to.include({ 张伟: '已调到马庄街道代表联络站' })
  })
})
