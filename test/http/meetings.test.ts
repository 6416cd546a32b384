import { expect } from 'chai'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { asAdmin, asDeputy, asResident, type Client, startApp, type TestApp } from '../helpers/app.js'
import { surveyBody } from '../helpers/surveys.js'
import { asStaff, meetingBody, meetingCity, noticesSentAndRead } from '../helpers/meetings.js'

// jsqr is CommonJS whose types describe an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default

const MINUTE = 60_000

/**
 * A meeting as the people in it live it: the office drafts and publishes it, every invitee
 * gets a notice, a new time is announced, deputies answer from the mini-program, the office
 * follows the answers and reminds the silent, the deputies check in at the door, the
 * office reads attendance and exports the sign-in sheet, and a cancellation reaches everyone.
 */
describe('a meeting from notice to sign-in sheet', () => {
  let app: TestApp
  let office: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    office = await asAdmin(app)
  })
  afterEach(() => app.close())

  const messages = async (kind: string) => (await app.liaison.store.outbox.search({ limit: 100, kind })).items
  const recipients = async (kind: string) => (await messages(kind)).map((m) => `${m.recipientKind}:${m.recipientId}`).sort()
  const EVERYONE = ['deputy:dp0001', 'deputy:dp0002', 'deputy:dp0006', 'staff:sf01']

  async function published(over: Record<string, unknown> = {}) {
    const created = await office.post('/api/admin/meetings', meetingBody(over))
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const answer = await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body as { id: string; shortCode: string }
  }

  it('drafts quietly, then publishing sends one notice to each invitee, once', async () => {
    const draft = await office.post('/api/admin/meetings', meetingBody())
    expect(draft.body).to.deep.include({
      status: 'draft',
      statusLabel: '草稿',
      kind: 'standing_committee',
      kindLabel: '常委会会议',
      startAt: '2026-11-26T01:30:00.000Z',
    })
    expect(draft.body.shortCode).to.match(/^[A-Z2-9]{8}$/)
    expect(await messages('meeting.notice'), 'nothing is sent for a draft').to.deep.equal([])

    const published = await office.post(`/api/admin/meetings/${draft.body.id}/publish`)
    expect(published.body).to.include({ status: 'published', statusLabel: '已发布' })
    expect(await recipients('meeting.notice')).to.deep.equal(EVERYONE)
    expect((await messages('meeting.notice'))[0].payload.text).to.equal(
      '会议通知：市人大常委会第十次会议（常委会会议），时间 11月26日（星期四）上午9:30至上午11:30，地点 市人大常委会第一会议室。请在11月26日（星期四）上午9:30前回复"参加"，或"请假 原因"。到会场后，请打开微信“扫一扫”，扫会场张贴的签到二维码签到。',
    )

    const again = await office.post(`/api/admin/meetings/${draft.body.id}/publish`)
    expect(again.status).to.equal(409)
    expect(again.body.error).to.include({ code: 'illegal_state', message: '会议当前为「已发布」，不能执行此操作' })
    expect(await messages('meeting.notice')).to.have.length(4)

    const deputy = await asDeputy(app, 'dp0001')
    const mine = (await deputy.get('/api/mp/meetings')).body.items
    expect(mine.map((m: { title: string; rsvpLabel: string }) => `${m.title} ${m.rsvpLabel}`)).to.deep.equal(['市人大常委会第十次会议 未回复'])
    expect(mine[0].attachments).to.deep.equal([{ name: '会议议程.pdf', url: 'https://rd.example.gov.cn/files/agenda.pdf' }])
    expect(JSON.stringify(mine), 'the check-in code is only in the QR code').not.to.include(draft.body.shortCode)
  })

  it('announces a new time or place to every invitee, once per change; other edits are quiet', async () => {
    const m = await published()
    expect((await office.patch(`/api/admin/meetings/${m.id}`, { agenda: '一、审议城市管理条例草案' })).status).to.equal(200)
    expect(await messages('meeting.changed')).to.deep.equal([])

    const moved = await office.patch(`/api/admin/meetings/${m.id}`, { startAt: '2026-11-26T14:30:00+08:00', endAt: '2026-11-26T16:30:00+08:00' })
    expect(moved.body).to.include({ startAt: '2026-11-26T06:30:00.000Z', changeCount: 1 })
    expect(await recipients('meeting.changed')).to.deep.equal(EVERYONE)
    expect((await messages('meeting.changed'))[0].payload.text).to.equal(
      '会议变更：市人大常委会第十次会议（常委会会议）调整为11月26日（星期四）下午2:30至下午4:30，地点 市人大常委会第一会议室。请在11月26日（星期四）下午2:30前回复"参加"，或"请假 原因"。',
    )

    await office.patch(`/api/admin/meetings/${m.id}`, { place: '市民中心三楼报告厅' })
    expect(await messages('meeting.changed'), 'a second change is a second notice').to.have.length(8)

    const fixed = await office.patch(`/api/admin/meetings/${m.id}`, { selector: { levels: ['national'] } })
    expect(fixed.status).to.equal(409)
    expect(fixed.body.error.code).to.equal('invitees_fixed')
  })

  it('takes answers from the mini-program, shows them live, and reminds those who have not answered', async () => {
    const m = await published()
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const attend = await zhang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })
    expect(attend.body).to.include({ rsvp: 'attend', rsvpLabel: '参加', rsvpAt: '2026-11-23T02:00:00.000Z' })
    const noReason = await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave' })
    expect(noReason.status).to.equal(400)
    expect(noReason.body.error.details.map((d: { path: string }) => d.path)).to.deep.equal(['body.reason'])
    expect((await wang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'leave', reason: '外出学习' })).body).to.include({
      rsvpLabel: '请假',
      reason: '外出学习',
    })

    const table = (await office.get(`/api/admin/meetings/${m.id}/invitees`)).body
    expect(table.counts).to.deep.equal({ invited: 4, attend: 1, leave: 1, pending: 2, checkedIn: 0, rate: 0, withdrawn: 0 })
    expect(
      table.items.map((i: { name: string; rsvpLabel: string; reason: string | null }) => `${i.name} ${i.rsvpLabel} ${i.reason ?? ''}`.trim()),
    ).to.deep.equal(['张伟 参加', '王芳 请假 外出学习', '陈静 未回复', '李娜 未回复'])

    // 11:00: the notices went out at 10:00 and have had an hour to be read.
    await noticesSentAndRead(app)
    expect((await office.post(`/api/admin/meetings/${m.id}/remind`)).body).to.deep.equal({ reminded: 2, round: 1, held: null })
    expect(await recipients('meeting.rsvp_nudge')).to.deep.equal(['deputy:dp0006', 'staff:sf01'])
    await (await asDeputy(app, 'dp0006')).post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })
    app.clock.set(new Date('2026-11-23T04:00:00Z'))
    expect((await office.post(`/api/admin/meetings/${m.id}/remind`)).body, 'a new round, for who is still silent').to.deep.equal({
      reminded: 1,
      round: 2,
      held: null,
    })
    expect(await recipients('meeting.rsvp_nudge')).to.deep.equal(['deputy:dp0006', 'staff:sf01', 'staff:sf01'])
  })

  it('lets an organizer press "remind" again only after the cooldown, and says when', async () => {
    const m = await published()
    await noticesSentAndRead(app) // 11:00
    expect((await office.post(`/api/admin/meetings/${m.id}/remind`)).body).to.deep.equal({ reminded: 4, round: 1, held: null })
    app.clock.set(new Date('2026-11-23T03:40:00Z'))
    const again = await office.post(`/api/admin/meetings/${m.id}/remind`)
    expect(again.status).to.equal(429)
    expect(again.headers.get('retry-after')).to.equal('1200')
    expect(again.body).to.deep.equal({
      error: {
        code: 'remind_cooldown',
        message: '刚刚已提醒过，请在 11月23日 12:00 以后再催促',
        details: [{ path: 'retryAt', message: '2026-11-23T04:00:00.000Z' }],
      },
    })
    expect(await recipients('meeting.rsvp_nudge'), 'nobody was reminded twice').to.have.length(4)
    expect((await office.get(`/api/admin/meetings/${m.id}`)).body).to.include({ reminderRounds: 1, lastRemindedAt: '2026-11-23T03:00:00.000Z' })
    app.clock.set(new Date('2026-11-23T04:00:00Z'))
    expect((await office.post(`/api/admin/meetings/${m.id}/remind`)).body).to.deep.equal({ reminded: 4, round: 2, held: null })
  })

  it('signs deputies in by the code at the door, within the window and once', async () => {
    const m = await published()
    const png = (await office.get(`/api/admin/meetings/${m.id}/qrcode.png`)).body as Buffer
    const image = PNG.sync.read(png)
    const link = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
    expect(link).to.equal(`https://liaison.example.gov.cn/mp?scene=m%3D${m.shortCode}`)
    const scanned = decodeURIComponent(new URL(link!).searchParams.get('scene')!).slice(2)

    const zhang = await asDeputy(app, 'dp0001')
    app.clock.set(new Date(Date.parse('2026-11-26T01:30:00Z') - 61 * MINUTE))
    const early = await zhang.post(`/api/mp/meetings/${scanned}/check-in`, {})
    expect(early.status).to.equal(409)
    expect(early.body.error).to.include({
      code: 'check_in_not_open',
      message: '还没到签到时间，11月26日（星期四）上午8:30开始签到。会议时间：11月26日（星期四）上午9:30至上午11:30。到时请再扫一次会场的签到二维码。',
    })

    app.clock.advance(2 * MINUTE) // 08:31
    const signed = await zhang.post(`/api/mp/meetings/${scanned}/check-in`, {})
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200)
    expect(signed.body.checkedInAt).to.equal('2026-11-26T00:31:00.000Z')
    const twice = await zhang.post(`/api/mp/meetings/${m.id}/check-in`, { code: scanned })
    expect(twice.body.error.code).to.equal('already_checked_in')

    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.post(`/api/mp/meetings/${m.id}/check-in`, { code: 'WRONG234' })).body.error.code, 'the id alone is not a scan').to.equal(
      'wrong_check_in_code',
    )
    expect((await wang.post(`/api/mp/meetings/${m.id}/check-in`, { code: scanned.toLowerCase() })).status).to.equal(200)
    office = await asAdmin(app) // days later: a fresh console session
    expect((await office.get(`/api/admin/meetings/${m.id}/invitees`)).body.counts.checkedIn).to.equal(2)
  })

  it('gives attendance per meeting and per deputy, and a sign-in sheet that opens in Excel', async () => {
    const first = await published()
    const second = await published({
      title: '代表视察城市污水处理厂',
      kind: 'inspection',
      startAt: '2026-11-27T09:00:00+08:00',
      endAt: '2026-11-27T11:00:00+08:00',
    })
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    await zhang.post(`/api/mp/meetings/${first.id}/rsvp`, { response: 'attend' })
    await wang.post(`/api/mp/meetings/${first.id}/rsvp`, { response: 'leave', reason: '=外出学习' })
    app.clock.set(new Date('2026-11-26T01:25:00Z'))
    await zhang.post(`/api/mp/meetings/${first.shortCode}/check-in`, {})
    app.clock.set(new Date('2026-11-27T01:10:00Z'))
    await zhang.post(`/api/mp/meetings/${second.shortCode}/check-in`, {})
    await wang.post(`/api/mp/meetings/${second.shortCode}/check-in`, {})
    app.clock.set(new Date('2026-11-28T02:00:00Z'))
    office = await asAdmin(app) // days later: a fresh console session

    const one = (await office.get(`/api/admin/meetings/${first.id}/attendance`)).body
    expect(one).to.deep.include({ invited: 4, attend: 1, leave: 1, pending: 2, checkedIn: 1, rate: 0.25 })
    const period = (await office.get('/api/admin/meetings/attendance?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00')).body
    expect(period.meetings).to.equal(2)
    const line = (p: { name: string; invited: number; attended: number; excused: number; absent: number; rate: number }) =>
      `${p.name} ${p.attended}/${p.invited} 请假${p.excused} 缺席${p.absent} ${p.rate}`
    expect(period.items.map(line)).to.deep.equal(['张伟 2/2 请假0 缺席0 1', '王芳 1/2 请假1 缺席0 0.5', '陈静 0/2 请假0 缺席2 0', '李娜 0/2 请假0 缺席2 0'])
    const justWang = (await office.get('/api/admin/meetings/attendance?deputyId=dp0002')).body.items
    expect(justWang.map(line)).to.deep.equal(['王芳 1/2 请假1 缺席0 0.5'])

    const csv = await office.get(`/api/admin/meetings/${first.id}/attendance.csv`)
    expect(csv.headers.get('content-type')).to.equal('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).to.include(`filename*=UTF-8''${encodeURIComponent('市人大常委会第十次会议-签到表.csv')}`)
    const bytes = csv.body as Buffer
    expect([...bytes.subarray(0, 3)], 'UTF-8 byte-order mark, for Excel').to.deep.equal([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).to.deep.equal([
      '姓名,身份,回复,请假原因,回复时间,签到,签到时间,工作人员登记',
      '张伟,代表,参加,,2026-11-23 10:00,扫码签到,2026-11-26 09:25,',
      "王芳,代表,请假,'=外出学习,2026-11-23 10:00,未签到,,",
      '陈静,代表,未回复,,,未签到,,',
      '李娜,工作人员,未回复,,,未签到,,',
      '',
    ])
  })

  it('tells every invitee of a cancellation, once, and takes no more answers', async () => {
    const m = await published()
    const cancelled = await office.post(`/api/admin/meetings/${m.id}/cancel`, { reason: '因工作安排调整' })
    expect(cancelled.body).to.include({ status: 'cancelled', statusLabel: '已取消', cancelReason: '因工作安排调整' })
    expect(await recipients('meeting.cancelled')).to.deep.equal(EVERYONE)
    expect((await messages('meeting.cancelled'))[0].payload.text).to.equal(
      '会议取消：原定11月26日（星期四）上午9:30至上午11:30召开的市人大常委会第十次会议（常委会会议）已取消。原因：因工作安排调整',
    )
    expect((await office.post(`/api/admin/meetings/${m.id}/cancel`, {})).status).to.equal(409)
    expect(await messages('meeting.cancelled')).to.have.length(4)

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get('/api/mp/meetings')).body.items.map((x: { statusLabel: string }) => x.statusLabel)).to.deep.equal(['已取消'])
    const late = await zhang.post(`/api/mp/meetings/${m.id}/rsvp`, { response: 'attend' })
    expect(late.status).to.equal(409)
    expect(late.body.error.code).to.equal('meeting_cancelled')
  })

  it('creates once per Idempotency-Key, replaying the first answer', async () => {
    const key = { 'Idempotency-Key': 'meeting-2026-11-26' }
    const first = await office.post('/api/admin/meetings', meetingBody(), key)
    const again = await office.post('/api/admin/meetings', meetingBody(), key)
    expect(again.status).to.equal(201)
    expect(again.headers.get('idempotent-replayed')).to.equal('true')
    expect(again.body.id).to.equal(first.body.id)
    expect((await office.post('/api/admin/meetings', meetingBody({ title: '另一个会' }), key)).status).to.equal(422)
    expect((await office.get('/api/admin/meetings')).body.items).to.have.length(1)
  })

  it('cancels a draft without telling anyone', async () => {
    const { body } = await office.post('/api/admin/meetings', meetingBody())
    expect((await office.post(`/api/admin/meetings/${body.id}/cancel`, {})).body.status).to.equal('cancelled')
    expect(await app.liaison.store.outbox.search({ limit: 10 })).to.deep.include({ items: [] })
  })

  it('offers places for public attendance (公民旁听) up to the cap', async () => {
    const m = await published({ publicSeats: 1 })
    const card = await (await asResident(app)).get(`/api/mp/public-meetings/${m.id}`)
    expect(card.body).to.include({ title: '市人大常委会第十次会议', publicSeats: 1, seatsLeft: 1 })
    const first = await asResident(app)
    expect((await first.post(`/api/mp/public-meetings/${m.id}/registrations`, { name: '王大爷' })).status).to.equal(201)
    expect((await first.post(`/api/mp/public-meetings/${m.id}/registrations`, { name: '王大爷' })).body.error.code).to.equal('already_registered')
    const full = await (await asResident(app)).post(`/api/mp/public-meetings/${m.id}/registrations`, { name: '李阿姨' })
    expect(full.status).to.equal(409)
    expect(full.body.error).to.include({ code: 'public_seats_full', message: '旁听名额已满' })
    expect((await office.get(`/api/admin/meetings/${m.id}/invitees`)).body.publicSeats).to.deep.equal({ cap: 1, taken: 1 })
    const closed = await published({ title: '内部培训', kind: 'training' })
    expect((await first.get(`/api/mp/public-meetings/${closed.id}`)).status).to.equal(404)
  })

  it('keeps district organizers to their districts, and station staff out', async () => {
    const sunli = await asStaff(app, 'sunli')
    const qianqi = await asStaff(app, 'qianqi')
    const ours = await sunli.post('/api/admin/meetings', meetingBody({ title: '湛河区代表活动', kind: 'deputy_activity' }))
    expect(ours.status, JSON.stringify(ours.body)).to.equal(201)
    expect(ours.body.districtIds).to.deep.equal(['d01'])
    const theirs = await qianqi.post(
      '/api/admin/meetings',
      meetingBody({ title: '新华区接待日', kind: 'reception_day', selector: { deputyIds: ['dp0006'], staffIds: ['sf04'] } }),
    )
    expect(theirs.status, JSON.stringify(theirs.body)).to.equal(201)
    await qianqi.post(`/api/admin/meetings/${theirs.body.id}/publish`)

    expect((await sunli.get('/api/admin/meetings')).body.items.map((m: { title: string }) => m.title)).to.deep.equal(['湛河区代表活动'])
    expect((await office.get('/api/admin/meetings')).body.items).to.have.length(2)
    for (const path of ['', '/invitees', '/attendance', '/attendance.csv', '/qrcode.png']) {
      expect((await sunli.get(`/api/admin/meetings/${theirs.body.id}${path}`)).status, path).to.equal(404)
    }
    expect((await sunli.post(`/api/admin/meetings/${theirs.body.id}/cancel`, {})).status).to.equal(404)
    expect((await (await asStaff(app, 'lina')).get('/api/admin/meetings')).status).to.equal(403)

    await sunli.post(`/api/admin/meetings/${ours.body.id}/publish`)
    const invited = (await sunli.get(`/api/admin/meetings/${ours.body.id}/invitees`)).body.items.map((i: { personId: string }) => i.personId)
    expect(invited, 'the city deputy of 新华区 is not theirs to invite').to.deep.equal(['dp0001', 'dp0002', 'sf01'])
  })

  it('leaves an organizer moved to another district without the meetings and surveys they made in the old one', async () => {
    const qianqi = await asStaff(app, 'qianqi') // 新华区
    const meeting = await qianqi.post('/api/admin/meetings', meetingBody({ title: '新华区接待日', kind: 'reception_day', selector: { deputyIds: ['dp0006'] } }))
    expect(meeting.status, JSON.stringify(meeting.body)).to.equal(201)
    await qianqi.post(`/api/admin/meetings/${meeting.body.id}/publish`)
    const survey = await qianqi.post('/api/admin/surveys', surveyBody({ title: '新华区绿化问卷' }))
    expect(survey.status, JSON.stringify(survey.body)).to.equal(201)

    const moved = await office.patch('/api/admin/staff/sf05', { regionIds: ['d03'] }) // 钱七 now works for 卫东区
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200)
    const now = await asStaff(app, 'qianqi')
    expect((await now.get('/api/admin/meetings')).body.items, "新华区's meetings are no longer his").to.deep.equal([])
    expect((await now.get('/api/admin/surveys')).body.items.map((s: { title: string }) => s.title)).to.deep.equal([])
    for (const path of ['', '/invitees', '/attendance.csv']) expect((await now.get(`/api/admin/meetings/${meeting.body.id}${path}`)).status, path).to.equal(404)
    expect((await now.patch(`/api/admin/meetings/${meeting.body.id}`, { place: '别处' })).status).to.equal(404)
    for (const path of ['', '/results', '/responses.csv']) expect((await now.get(`/api/admin/surveys/${survey.body.id}${path}`)).status, path).to.equal(404)
    expect((await now.patch(`/api/admin/surveys/${survey.body.id}`, { description: '改了' })).status).to.equal(404)
    expect((await office.get(`/api/admin/meetings/${meeting.body.id}`)).body.place, 'nothing changed').to.equal(meetingBody().place)
  })
})
