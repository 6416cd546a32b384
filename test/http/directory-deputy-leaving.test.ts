import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * A deputy who has left office (resigned, term ended, passed away) is taken out of service by the
 * office: nothing new reaches them, what they held goes back to their station, residents see so.
 */
describe('a deputy who has left office', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  /** Two messages in 张伟's hands: one just assigned, one acknowledged and forwarded to a department. */
  async function zhangWeiHolds() {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const first = (await resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运，臭味很大', regionId: 'c010101' })).body
    const second = (await resident.post('/api/mp/cases', { text: '建设路的路灯坏了', deputyCode: 'DP0001', regionId: 'c010101' })).body
    expect([first.handledBy.deputy, second.handledBy.deputy]).to.deep.equal(['张伟', '张伟'])
    await deputy.post(`/api/mp/deputy/cases/${second.id}/acknowledge`, {})
    expect((await deputy.post(`/api/mp/deputy/cases/${second.id}/forward`, { department: '市城管局' })).body.status).to.equal('forwarded')
    return { resident, deputy, first, second }
  }

  const queuedAt = async (caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.queued' })).items.filter((m) => m.payload.caseId === caseId)

  it('is taken out of service: their open messages go back to the station, told so, each reply deadline kept', async () => {
    const { resident, deputy, first, second } = await zhangWeiHolds()
    const left = await admin.patch('/api/admin/deputies/dp0001', { active: false })
    expect(left.status, JSON.stringify(left.body)).to.equal(200)
    expect(left.body).to.include({ id: 'dp0001', active: false, statusLabel: '已离任', casesReturned: 2 })

    const lina = await asStaff(app, 'lina')
    for (const c of [first, second]) {
      const seen = await lina.get(`/api/admin/cases/${c.id}`)
      expect(seen.body).to.include({ status: 'submitted' })
      expect(seen.body.handledBy).to.deep.include({ station: '轻工街道代表联络站', deputy: null })
      const step = seen.body.timeline.at(-1)
      expect(step.note).to.equal(
        c === second ? '代表已离任，请重新分派。此前已交市城管局办理，请新代表继续跟踪督办' : '代表已离任，请重新分派',
        'a message already with a department is followed up, not started again',
      )
      expect(step.actor.role).to.equal('system')
      expect((await resident.get(`/api/mp/cases/${c.id}`)).body.replyBy, 'the resident keeps the date they were given').to.equal(c.replyBy)
      const told = await queuedAt(c.id)
      expect(told.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
      expect(told[0].payload.text).to.include('已离任')
      const toResident = (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.handed_on' })).items.filter((m) => m.payload.caseId === c.id)
      expect(
        toResident.map((m) => m.recipientId),
        'the resident hears it too',
      ).to.deep.equal([resident.userId])
      expect(toResident[0].payload.text).to.include(`（编号 ${c.ticket}）原办理代表已离任，联络站将尽快安排其他代表办理，仍在`)
    }
    expect((await deputy.get('/api/mp/deputy/cases')).status, 'no deputy pages for one who left').to.equal(403)
    // Staff placing them again are not offered the deputy who left.
    const choices = await lina.get(`/api/admin/cases/${first.id}/deputy-choices`)
    expect(choices.body.items.map((d: { id: string }) => d.id)).not.to.include('dp0001')

    const audit = await admin.get('/api/admin/audit?targetId=dp0001')
    expect(audit.body.items.map((e: { action: string }) => e.action)).to.include('deputy.update')

    // Nor can a message be given to them by hand, by staff or by another deputy passing it on.
    const refused = await lina.post(`/api/admin/cases/${first.id}/assign`, { deputyId: 'dp0001' })
    expect(refused.status).to.equal(422)
    expect(refused.body.error).to.include({ code: 'deputy_inactive', message: '该代表已离任，请选择其他代表' })
    expect((await lina.post(`/api/admin/cases/${first.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    const passedOn = await (await asDeputy(app, 'dp0002')).post(`/api/mp/deputy/cases/${first.id}/transfer`, { deputyCode: 'DP0001', reason: '张代表熟悉' })
    expect(passedOn.status).to.equal(422)
    expect(passedOn.body.error.code).to.equal('deputy_inactive')
    expect((await lina.get(`/api/admin/cases/${first.id}`)).body.handledBy.deputy, 'still with 王芳').to.equal('王芳')
  })

  it('is not given back a message they answered: a resident unhappy after they left goes back to the station', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const sent = (await resident.post('/api/mp/cases', { text: '建设路的路灯坏了', deputyCode: 'DP0001', regionId: 'c010101' })).body
    expect((await deputy.post(`/api/mp/deputy/cases/${sent.id}/reply`, { text: '已联系供电所修好了' })).status).to.equal(200)
    expect((await resident.post(`/api/mp/cases/${sent.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await admin.patch('/api/admin/deputies/dp0001', { active: false })).body).to.include({ active: false })

    const reopened = await resident.post(`/api/mp/cases/${sent.id}/reopen`, { reason: '灯还是不亮' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)
    const seen = (await (await asStaff(app, 'lina')).get(`/api/admin/cases/${sent.id}`)).body
    expect(seen).to.include({ status: 'submitted' })
    expect(seen.handledBy).to.deep.include({ station: '轻工街道代表联络站', deputy: null })
    const toDeputy = (await app.liaison.store.outbox.search({ limit: 100, kind: 'case.reopened' })).items.filter((m) => m.payload.caseId === sent.id)
    expect(toDeputy, 'nothing new for a deputy who has left').to.deep.equal([])
    const told = await queuedAt(sent.id)
    expect(told.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
    expect(told[0].payload.text).to.equal(`留言 ${sent.ticket} 群众不满意（2 分），申请重新办理，原办理代表已离任，请登录工作台分派：灯还是不亮`)
  })

  it('is never routed a new message: by place another deputy takes it, by their code the station does', async () => {
    await admin.patch('/api/admin/deputies/dp0001', { active: false })
    const resident = await asResident(app)
    const byPlace = (await resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101' })).body
    expect(byPlace.handledBy.station).to.equal('轻工街道代表联络站')
    expect(byPlace.handledBy.deputy).to.be.oneOf(['王芳', '李强'])

    const byCode = await resident.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0001' })
    expect(byCode.status).to.equal(201)
    expect(byCode.body).to.include({ status: 'submitted' })
    expect(byCode.body.handledBy).to.deep.include({ station: '轻工街道代表联络站', deputy: null })
    expect(byCode.body.routing.summary).to.equal('您留言的代表已离任，已交给轻工街道代表联络站，由工作人员尽快安排其他代表办理')
  })

  it('shows residents they have left, and offers them no more; the console marks them', async () => {
    await admin.patch('/api/admin/deputies/dp0001', { active: false })
    const visitor = new Client(app.baseUrl)
    const card = await visitor.get('/api/mp/deputies/DP0001')
    expect(card.status).to.equal(200)
    expect(card.body).to.include({ name: '张伟', inOffice: false })
    // In plain words, pointing to the page's button under it (找我的代表).
    expect(card.body.notice).to.equal('张伟代表已经不是人大代表了，不再收留言。有事请点下面的按钮，找您住的地方的代表。')
    expect(card.body.stations).to.deep.equal([])
    const station = await visitor.get('/api/mp/stations/ST001')
    expect(station.body.deputies.map((d: { name: string }) => d.name)).to.deep.equal(['王芳', '李强'])

    const list = await admin.get('/api/admin/deputies?stationId=st001')
    expect(list.body.items.map((d: { name: string; statusLabel: string }) => `${d.name}:${d.statusLabel}`)).to.deep.equal([
      '张伟:已离任',
      '王芳:在任',
      '李强:在任',
    ])
    expect((await admin.get('/api/admin/deputies?active=false')).body.items.map((d: { id: string }) => d.id)).to.deep.equal(['dp0001'])
  })

  it('still says the level of one who has left as people say it where he served (区人大代表), not the list’s 县区人大代表', async () => {
    const before = (await new Client(app.baseUrl).get('/api/mp/deputies/DP0002')).body
    expect(before.levelLabel).to.equal('区人大代表')
    await admin.patch('/api/admin/deputies/dp0002', { active: false })
    const card = (await new Client(app.baseUrl).get('/api/mp/deputies/DP0002')).body
    expect(card).to.include({ inOffice: false, levelLabel: '区人大代表' })
    expect(card.stations).to.deep.equal([])
  })

  it('signs in as the resident they are: no deputy pages, no deputy work, until put back in service', async () => {
    const deputy = await asDeputy(app, 'dp0001')
    expect((await deputy.get('/api/mp/me')).body.roles).to.deep.equal(['resident', 'deputy'])
    await admin.patch('/api/admin/deputies/dp0001', { active: false })

    const me = (await deputy.get('/api/mp/me')).body
    expect(me.roles).to.deep.equal(['resident'])
    expect(me.deputy).to.equal(null)
    const inbox = await deputy.get('/api/mp/deputy/cases')
    expect(inbox.status).to.equal(403)
    expect(inbox.body.error.code).to.equal('not_a_deputy')
    // Writing as a resident still works: their message goes to a deputy in office.
    const own = await deputy.post('/api/mp/cases', { text: '我家楼下路灯坏了', regionId: 'c010101' })
    expect(own.status).to.equal(201)
    expect(own.body.handledBy.deputy).not.to.equal('张伟')

    await admin.patch('/api/admin/deputies/dp0001', { active: true })
    expect((await deputy.get('/api/mp/me')).body.roles, 'the link was kept').to.deep.equal(['resident', 'deputy'])
    expect((await deputy.get('/api/mp/deputy/cases')).status).to.equal(200)
  })

  it('is put back in service: routed to again, their card invites messages', async () => {
    await admin.patch('/api/admin/deputies/dp0001', { active: false })
    const back = await admin.patch('/api/admin/deputies/dp0001', { active: true })
    expect(back.status).to.equal(200)
    expect(back.body).to.include({ active: true, statusLabel: '在任' })
    expect(back.body).not.to.have.property('casesReturned')
    const resident = await asResident(app)
    const c = (await resident.post('/api/mp/cases', { text: '路灯坏了', deputyCode: 'DP0001' })).body
    expect(c.handledBy.deputy).to.equal('张伟')
    const card = (await new Client(app.baseUrl).get('/api/mp/deputies/DP0001')).body
    expect(card).to.include({ inOffice: true, notice: null })
    expect(card.stations.map((s: { code: string }) => s.code)).to.deep.equal(['ST001'])
  })

  it('is taken out of service only by the office that looks after them; others change nothing', async () => {
    const { first } = await zhangWeiHolds()
    // 钱七 organizes 新华区 only; 李娜 is station staff of 张伟's own station.
    const qianqi = await asStaff(app, 'qianqi')
    expect((await qianqi.patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(404)
    const lina = await asStaff(app, 'lina')
    expect((await lina.patch('/api/admin/deputies/dp0001', { active: false })).status).to.equal(403)
    expect((await admin.get('/api/admin/deputies/dp0001')).body).to.include({ active: true })
    expect((await lina.get(`/api/admin/cases/${first.id}`)).body.handledBy.deputy).to.equal('张伟')
    expect(await queuedAt(first.id)).to.deep.equal([])

    // 孙丽 organizes 湛河区, where 张伟's station is.
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.patch('/api/admin/deputies/dp0001', { active: false })).body).to.include({ active: false, casesReturned: 2 })

    // 王芳 also receives at 新华区's station: her leaving reaches there too, so it is the city office's to decide.
    const wang = await admin.get('/api/admin/deputies/dp0002')
    expect((await admin.patch('/api/admin/deputies/dp0002', { stationIds: [...wang.body.stationIds, 'st004'] })).status).to.equal(200)
    const both = await sunli.patch('/api/admin/deputies/dp0002', { active: false })
    expect(both.status).to.equal(403)
    expect(both.body.error.message).to.equal('该代表也在其他辖区的联络站，请由市人大常委会办公室设置')
    expect((await admin.get('/api/admin/deputies/dp0002')).body).to.include({ active: true })
    expect((await admin.patch('/api/admin/deputies/dp0002', { active: false })).body).to.include({ active: false })
  })

  it('refuses bad input with 400 and changes nothing', async () => {
    const { first } = await zhangWeiHolds()
    for (const body of [{ active: 'false' }, { active: null }, { active: 0 }, { active: false, retired: true }]) {
      const answer = await admin.patch('/api/admin/deputies/dp0001', body)
      expect(answer.status, JSON.stringify(body)).to.equal(400)
      expect(answer.body.error.code).to.equal('validation_failed')
    }
    expect((await admin.get('/api/admin/deputies?active=maybe')).status).to.equal(400)
    expect((await admin.get('/api/admin/deputies/dp0001')).body).to.include({ active: true })
    expect((await app.liaison.store.cases.get(first.id))!.deputyId).to.equal('dp0001')
  })

  it('is reported, not removed, when a re-import leaves them out; one out of service stays out', async () => {
    await admin.patch('/api/admin/deputies/dp0002', { active: false })
    const file = caseCity()
    file.deputies = file.deputies.filter((d) => d.id !== 'dp0005')
    const report = await admin.post('/api/admin/directory/import', file)
    expect(report.status, JSON.stringify(report.body)).to.equal(200)
    expect(report.body.notInFile.deputies).to.deep.equal({ count: 1, items: [{ id: 'dp0005', code: 'DP0005', name: '刘洋' }] })
    expect(report.body.warnings.join('\n')).to.include('刘洋(DP0005)')
    expect((await admin.get('/api/admin/deputies/dp0005')).body).to.include({ active: true })
    expect((await admin.get('/api/admin/deputies/dp0002')).body).to.include({ active: false })
    expect(report.body.unchanged.deputies).to.equal(4)
  })
})
