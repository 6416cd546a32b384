import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingBody, meetingCity } from '../helpers/meetings.js'
import { buildCase } from '../factories.js'

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

/** A photo uploaded from the mini-program by this person, as the activity form does. */
export async function uploadPhoto(app: TestApp, bearer: string) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'photo.png')
  const answer = await fetch(`${app.baseUrl}/api/mp/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${bearer}` } })
  return (await answer.json()).url as string
}

export const activityBody = (photo: string, over: Record<string, unknown> = {}) => ({
  kind: 'research',
  date: '2026-11-20',
  place: '建设路社区',
  text: '走访建设路社区老旧小区，听取居民对加装电梯的意见。',
  photos: [photo],
  ...over,
})

/**
 * 履职档案 through the HTTP API: 张伟 (dp0001, 轻工街道站 st001) attends a meeting, answers a
 * message on time, has reception duty, reports an activity that 李娜 (st001 staff) approves;
 * his year, its points by the office's rules, and 述职评议 by residents of his area.
 */
describe("a deputy's record (履职档案)", () => {
  let app: TestApp
  beforeEach(async () => {
    const city = meetingCity()
    city.deputies[0]!.dutyByStation = { st001: ['2026-11-25', '2026-12-02'] }
    app = await startApp({ directory: city })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** The year so far: one meeting attended (and 王芳 excused), one message answered, an approved activity. */
  async function aYearOfWork() {
    const office = await asStaff(app, 'sunli')
    const created = await office.post('/api/admin/meetings', meetingBody({ selector: { deputyIds: ['dp0001', 'dp0002'] } }))
    await office.post(`/api/admin/meetings/${created.body.id}/publish`)
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    await wang.post(`/api/mp/meetings/${created.body.id}/rsvp`, { response: 'leave', reason: '外出学习' })
    const { case: c } = await buildCase(app, { deputyCode: 'DP0001' })
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系城管部门，本周内修复。' })).status).to.equal(200)
    const reported = await zhang.post('/api/mp/records/activities', activityBody(await uploadPhoto(app, zhang.bearer!)))
    expect(reported.status).to.equal(201)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/records/activities/${reported.body.id}/review`, { decision: 'approve' })).body).to.include({ status: 'approved' })
    // Thursday 09:40, the meeting has begun: 张伟 scans its code.
    app.clock.set(new Date('2026-11-26T01:40:00Z'))
    expect((await zhang.post(`/api/mp/meetings/${created.body.shortCode}/check-in`, {})).status).to.equal(200)
    return { zhang, wang }
  }

  it('shows the deputy his year joined from what Liaison knows, with points explained line by line', async () => {
    const { zhang, wang } = await aYearOfWork()
    // 张伟 puts forward a suggestion and 王芳 co-signs it.
    const draft = (await zhang.post('/api/mp/deputy/suggestions', { title: '关于老旧小区加装电梯的建议', body: '建议财政补贴、居民分摊，分批加装电梯。' })).body
    await zhang.post(`/api/mp/deputy/suggestions/${draft.id}/cosign-invitation`, { days: 7 })
    expect((await wang.post(`/api/mp/deputy/suggestions/${draft.id}/cosign`)).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/suggestions/${draft.id}/submit`)).status).to.equal(200)
    const mine = await zhang.get('/api/mp/records/me?year=2026')
    expect(mine.status).to.equal(200)
    expect(mine.body).to.deep.include({
      year: 2026,
      meetings: { held: 1, attended: 1, excused: 0, absent: 0 },
      // 11月25日 was on his roster, but nothing records that he came (no 进站接待 reported): not served.
      duty: { scheduled: 2, served: 0 },
      ballots: { onRoll: 0, cast: 0 },
      suggestions: { made: 1, coSigned: 0 },
    })
    expect(mine.body.cases).to.include({ handled: 1, answered: 1, answeredOnTime: 1, answeredLate: 0 })
    expect(mine.body.activities).to.deep.equal({ approved: 1, byKind: { research: 1, inspection: 0, reception: 0, other: 0 } })
    const lines = Object.fromEntries(mine.body.points.lines.map((l: { item: string; explanation: string }) => [l.item, l.explanation]))
    expect(lines.meeting_attended).to.equal('参加会议活动 1 次 × 2 分 = 2 分')
    expect(lines.case_answered_on_time).to.equal('按时答复群众留言 1 条 × 3 分 = 3 分')
    // Late in the console's one word for it (超期), not 逾期.
    expect(lines.case_answered_late).to.match(/^超期答复群众留言 0 条 × /)
    expect(lines.activity_approved).to.equal('报告履职活动（已审核） 1 次 × 3 分 = 3 分')
    expect(lines.suggestion_made).to.equal('提出代表建议 1 件 × 5 分 = 5 分')
    expect(mine.body.points.total, '2 + 3 + 3 + 5: no points for a duty day nothing records').to.equal(13)
    const hers = (await wang.get('/api/mp/records/me?year=2026')).body
    expect(hers.meetings).to.deep.equal({ held: 1, attended: 0, excused: 1, absent: 0 })
    expect(hers.suggestions).to.deep.equal({ made: 0, coSigned: 1 })
    expect(mine.body).not.to.have.nested.property('deputy.phone')
  })

  it('lets the office change the points per item; the record is recomputed by the new rules', async () => {
    const { zhang } = await aYearOfWork()
    // Days later: console sessions are signed in afresh.
    const office = await asStaff(app, 'sunli')
    const lina = await asStaff(app, 'lina')
    const rules = await office.get('/api/admin/records/rules')
    expect(rules.body).to.include({ office: 'd01', inherited: true })
    const changed = rules.body.rules.map((r: { item: string; points: number; cap: number | null }) => ({
      item: r.item,
      points: r.item === 'meeting_attended' ? 5 : r.points,
      cap: r.cap,
    }))
    const saved = await office.put('/api/admin/records/rules', { rules: changed })
    expect(saved.status).to.equal(200)
    expect(saved.body).to.include({ office: 'd01', inherited: false })
    const mine = (await zhang.get('/api/mp/records/me?year=2026')).body
    expect(mine.points.lines[0].explanation).to.equal('参加会议活动 1 次 × 5 分 = 5 分')
    expect(mine.points.total).to.equal(11)

    const refused = await lina.put('/api/admin/records/rules', { rules: changed })
    expect(refused.status, 'station staff do not set rules').to.equal(403)
    const other = await asStaff(app, 'qianqi')
    expect((await other.put('/api/admin/records/rules', { office: 'd01', rules: [] })).status, "another district's rules").to.equal(403)
    const bad = await office.put('/api/admin/records/rules', { rules: [{ item: 'meeting_attended', points: 500, cap: null }] })
    expect(bad.status).to.equal(400)
    expect(bad.body.error).to.include({ code: 'validation_failed' })
    expect(bad.body.error.details[0]).to.deep.equal({ path: 'body.rules[0].points', message: '每项分值在 -100 到 100 之间' })
    const twice = await office.put('/api/admin/records/rules', { rules: [changed[0], changed[0]] })
    expect(twice.status).to.equal(422)
    expect((await zhang.get('/api/mp/records/me?year=2026')).body.points.total, 'bad rules changed nothing').to.equal(11)
  })

  it('shows each console user the records of their scope only', async () => {
    await aYearOfWork()
    const lina = await asStaff(app, 'lina')
    const list = await lina.get('/api/admin/records?year=2026')
    expect(list.body.items.map((r: { deputy: { id: string } }) => r.deputy.id)).to.deep.equal(['dp0001', 'dp0002', 'dp0003'])
    // 2 + 3 + 3: the roster day 11月25日 has no record that he came, so no duty points.
    expect(list.body.items[0]).to.include({ points: 8, meetingsAttended: 1 })
    expect((await lina.get('/api/admin/records/dp0001?year=2026')).body.points.total).to.equal(8)
    expect((await lina.get('/api/admin/records/dp0004?year=2026')).status, "another station's deputy").to.equal(404)
    expect((await (await asStaff(app, 'qianqi')).get('/api/admin/records/dp0001')).status, "another district's organizer").to.equal(404)
    expect((await (await asStaff(app, 'sunli')).get('/api/admin/records/dp0001')).status).to.equal(200)
    expect((await (await asResident(app)).get('/api/mp/records/me')).status, 'residents have no record').to.equal(403)
    const admin = await asAdmin(app)
    expect((await admin.get('/api/admin/records?year=2026')).body.total, 'admins see the whole city').to.equal(6)
    expect((await admin.get('/api/admin/records/dp0006?year=2026')).status).to.equal(200)
    expect((await admin.get('/api/admin/records/rules')).body.office, "admins set the city's rules").to.equal('city')
    expect((await admin.get('/api/admin/records/nobody')).status).to.equal(404)
    expect((await admin.get('/api/admin/records/dp0001?year=1900')).body.error.details).to.deep.equal([{ path: 'query.year', message: '年度无效' }])
  })

  it('makes one report of a report sent twice with the same Idempotency-Key', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const body = activityBody(await uploadPhoto(app, zhang.bearer!))
    const first = await zhang.post('/api/mp/records/activities', body, { 'Idempotency-Key': 'visit-1120' })
    const again = await zhang.post('/api/mp/records/activities', body, { 'Idempotency-Key': 'visit-1120' })
    expect(again.status).to.equal(201)
    expect(again.body.id).to.equal(first.body.id)
    expect((await zhang.get('/api/mp/records/activities')).body.items).to.have.length(1)
    const lina = await asStaff(app, 'lina')
    expect((await lina.post('/api/admin/records/activities/ra-x/review', { decision: 'approve' })).body.error.code).to.equal('validation_failed')
    const unknown = await lina.post('/api/admin/records/activities/ra-00000000-0000-0000-0000-000000000000/review', { decision: 'approve' })
    expect(unknown.status).to.equal(404)
  })

  it("has the deputy's station staff review a reported activity: only approved ones count, a returned one comes back with the reason", async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const photo = await uploadPhoto(app, zhang.bearer!)
    const reported = (await zhang.post('/api/mp/records/activities', activityBody(photo, { kind: 'inspection' }))).body
    expect(reported).to.include({ status: 'pending', statusLabel: '待审核', kindLabel: '视察', stationId: 'st001' })
    expect((await zhang.get('/api/mp/records/me?year=2026')).body.activities.approved, 'not yet reviewed').to.equal(0)

    const zhou = await asStaff(app, 'zhoujie')
    expect((await zhou.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'approve' })).status, "another station's staff").to.equal(404)
    const office = await asStaff(app, 'sunli')
    expect(
      (await office.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'approve' })).status,
      'organizers read, the station reviews',
    ).to.equal(403)
    const lina = await asStaff(app, 'lina')
    const queue = await lina.get('/api/admin/records/activities?status=pending')
    expect(queue.body.items.map((a: { id: string; deputyName: string }) => [a.id, a.deputyName])).to.deep.equal([[reported.id, '张伟']])
    expect((await zhou.get('/api/admin/records/activities')).body.items).to.deep.equal([])
    const noReason = await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'return' })
    expect(noReason.status).to.equal(400)
    const returned = await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'return', reason: '照片看不清，请补一张现场照片' })
    expect(returned.body).to.include({ status: 'returned', reviewNote: '照片看不清，请补一张现场照片' })
    expect((await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'approve' })).status, 'reviewed once').to.equal(409)
    const told = (await app.liaison.store.outbox.search({ kind: 'record.activity_reviewed', limit: 10 })).items
    expect(told.map((m) => [m.recipientId, m.payload.text])).to.deep.equal([
      ['dp0001', '您报告的11月20日视察活动被退回，理由：照片看不清，请补一张现场照片。请修改后重新提交。'],
    ])

    const again = await zhang.put(`/api/mp/records/activities/${reported.id}`, activityBody(await uploadPhoto(app, zhang.bearer!), { kind: 'inspection' }))
    expect(again.body).to.include({ status: 'pending', reviewNote: null })
    await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'approve' })
    expect((await zhang.get('/api/mp/records/me?year=2026')).body.activities.byKind.inspection).to.equal(1)
  })

  it("gives the deputy one of his own reports to correct, its photos as uploaded, and nobody else's", async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const photo = await uploadPhoto(app, zhang.bearer!)
    const reported = (await zhang.post('/api/mp/records/activities', activityBody(photo))).body
    const lina = await asStaff(app, 'lina')
    await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'return', reason: '请写清楚听到了哪些意见' })

    const own = await zhang.get(`/api/mp/records/activities/${reported.id}`)
    expect(own.status).to.equal(200)
    expect(own.body).to.include({ id: reported.id, status: 'returned', statusLabel: '已退回', reviewNote: '请写清楚听到了哪些意见', place: '建设路社区' })
    expect(own.body.photoFiles).to.have.length(1)
    expect(own.body.photoFiles[0].url, 'what the upload answered, to send back').to.equal(photo)
    expect(own.body.photoFiles[0].viewUrl)
      .to.equal(own.body.photos[0])
      .and.match(/^\/api\/mp\/uploads\/.+\?expires=\d+&sig=/)
    expect((await fetch(app.baseUrl + own.body.photoFiles[0].viewUrl)).status, 'the link opens the photo').to.equal(200)

    const wang = await asDeputy(app, 'dp0002')
    const theirs = await wang.get(`/api/mp/records/activities/${reported.id}`)
    expect(theirs.status, "another deputy's report").to.equal(404)
    expect(theirs.body.error).to.include({ code: 'not_found', message: '履职活动不存在' })
    expect((await (await asResident(app)).get(`/api/mp/records/activities/${reported.id}`)).status, 'residents have no reports').to.equal(403)
    expect((await zhang.get('/api/mp/records/activities/ra-x')).status).to.equal(400)

    const again = await zhang.put(`/api/mp/records/activities/${reported.id}`, activityBody(own.body.photoFiles[0].url, { text: '居民希望尽快加装电梯。' }))
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect((await zhang.get(`/api/mp/records/activities/${reported.id}`)).body).to.include({
      status: 'pending',
      reviewNote: null,
      text: '居民希望尽快加装电梯。',
    })
  })

  it('takes back the photos a returned report carries after the deputy moved to another WeChat, and only those', async () => {
    const before = await asDeputy(app, 'dp0001')
    const photo = await uploadPhoto(app, before.bearer!)
    const reported = (await before.post('/api/mp/records/activities', activityBody(photo))).body
    const lina = await asStaff(app, 'lina')
    await lina.post(`/api/admin/records/activities/${reported.id}/review`, { decision: 'return', reason: '请写清楚听到了哪些意见' })
    const stray = await uploadPhoto(app, before.bearer!)

    // His new phone: another WeChat account, bound to the same deputy.
    const now = await asResident(app)
    await app.liaison.store.mpUsers.update(before.userId, { deputyId: null })
    await app.liaison.store.mpUsers.update(now.userId, { deputyId: 'dp0001' })
    const kept = (await now.get(`/api/mp/records/activities/${reported.id}`)).body.photoFiles.map((f: { url: string }) => f.url)
    const notOnIt = await now.put(`/api/mp/records/activities/${reported.id}`, activityBody(stray))
    expect(notOnIt.status, 'an old upload that is not on the report').to.equal(422)
    expect(notOnIt.body.error.details).to.deep.equal([{ path: 'body.photos[0]', message: '不是您上传的照片' }])
    const again = await now.put(`/api/mp/records/activities/${reported.id}`, activityBody(kept[0], { text: '居民希望尽快加装电梯。' }))
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body).to.include({ status: 'pending' })
  })

  it('refuses a report it cannot take, saying why, and keeps nothing', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    const someoneElse = await asResident(app)
    const theirs = await uploadPhoto(app, someoneElse.bearer!)
    const notMine = await zhang.post('/api/mp/records/activities', activityBody(theirs))
    expect(notMine.status).to.equal(422)
    expect(notMine.body.error).to.deep.equal({
      code: 'invalid_activity',
      message: '履职活动填写有误',
      details: [{ path: 'body.photos[0]', message: '不是您上传的照片' }],
    })
    const mine = await uploadPhoto(app, zhang.bearer!)
    const ahead = await zhang.post('/api/mp/records/activities', activityBody(mine, { date: '2026-12-01' }))
    expect(ahead.body.error.details).to.deep.equal([{ path: 'body.date', message: '活动日期不能晚于今天' }])
    const noPhoto = await zhang.post('/api/mp/records/activities', activityBody(mine, { photos: [] }))
    expect(noPhoto.status).to.equal(400)
    expect(noPhoto.body.error.details).to.deep.equal([{ path: 'body.photos', message: '请附一张活动照片' }])
    const otherStation = await zhang.post('/api/mp/records/activities', activityBody(mine, { stationId: 'st002' }))
    expect(otherStation.body.error.code).to.equal('invalid_station')
    expect((await zhang.get('/api/mp/records/activities')).body.items).to.deep.equal([])
  })
})
