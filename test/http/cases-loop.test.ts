import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * The closed loop as the people in it live it: a resident writes, the deputy
 * acknowledges, forwards and replies, the resident rates, reopens or withdraws.
 */
describe("a resident's message round the closed loop", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  it('gives the resident a ticket, the routing in plain words and the deadlines', async () => {
    const resident = await asResident(app)
    const answer = await resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运，臭味很大', regionId: 'c010101' })
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
    expect(answer.body.ticket).to.equal('20261123-0001')
    expect(answer.body, 'where it stands in her words, not the office’s 已分派').to.include({
      status: 'assigned',
      statusLabel: '已交给代表，代表还没有看',
      topic: '环境保护',
    })
    expect(answer.body.routing.summary).to.match(/^已交给轻工街道代表联络站的张伟代表（.*张伟代表关注环境保护.*）$/)
    expect(answer.body.handledBy).to.deep.equal({ station: '轻工街道代表联络站', deputy: '张伟', office: null })
    expect(answer.body.acknowledgeBy).to.equal('2026-11-24T02:00:00.000Z')
    expect(answer.body.replyBy).to.equal('2026-12-14T15:59:59.999Z') // 15 working days, end of that day in Asia/Shanghai
    expect(answer.body.timeline.map((e: { type: string }) => e.type)).to.deep.equal(['submitted', 'assigned'])
    expect((await resident.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101' })).body.ticket).to.equal('20261123-0002')
  })

  it('goes round: acknowledge, reply, rate, each step in the timeline and a message for the next person', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '建设路的路灯坏了一个月了', regionId: 'c010101', phone: '13912345678' })
    const inbox = await deputy.get('/api/mp/deputy/cases')
    expect(inbox.body.items.map((x: { ticket: string }) => x.ticket)).to.deep.equal([c.ticket])
    expect(inbox.body.items[0].overdue).to.equal(false)

    const view = await deputy.get(`/api/mp/deputy/cases/${c.id}`)
    expect(view.body.phoneMasked).to.equal('139****5678')
    expect(JSON.stringify(view.body)).not.to.include(resident.userId)

    app.clock.advance(3 * 3600_000)
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).body.status).to.equal('acknowledged')
    const replied = await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系城管部门，本周内修复。' })
    expect(replied.body).to.include({ status: 'replied', reply: '已联系城管部门，本周内修复。' })

    const mine = await resident.get(`/api/mp/cases/${c.id}`)
    expect(mine.body.timeline.map((e: { label: string }) => e.label)).to.deep.equal([
      '您送出了留言',
      '已交给张伟代表办理',
      '张伟代表看到了留言，开始办理',
      '张伟代表已答复',
    ])
    const rated = await resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 5, comment: '修好了，谢谢' })
    expect(rated.body).to.include({ status: 'closed', statusLabel: '已办结', rating: 5 })

    const messages = (await app.liaison.store.outbox.search({ limit: 20 })).items
    expect(messages.map((m) => `${m.kind}→${m.recipientKind}`).sort()).to.deep.equal([
      'case.acknowledged→mp_user',
      'case.assigned→deputy',
      'case.rated→deputy',
      'case.replied→mp_user',
    ])
    expect(messages.every((m) => m.status === 'pending')).to.equal(true)
    expect(messages.find((m) => m.kind === 'case.replied')!.payload.text).to.include('请为办理结果打分')
  })

  it('lets a dissatisfied resident reopen within the window, and only then', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const written = async (text: string, rating: number) => {
      const { body } = await resident.post('/api/mp/cases', { text, regionId: 'c010101' })
      await deputy.post(`/api/mp/deputy/cases/${body.id}/reply`, { text: '已联系有关部门，本周内处理好。' })
      await resident.post(`/api/mp/cases/${body.id}/rate`, { rating })
      return body.id as string
    }
    const unhappy = await written('垃圾站臭味扰民', 2)
    app.clock.advance(2 * 86_400_000)
    const reopened = await resident.post(`/api/mp/cases/${unhappy}/reopen`, { reason: '问题没有解决' })
    expect(reopened.body.status).to.equal('reopened')
    expect(reopened.body.acknowledgeBy, 'a fresh day to acknowledge').to.equal('2026-11-26T02:00:00.000Z')
    expect((await deputy.get('/api/mp/deputy/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([unhappy])

    const content = await written('楼下噪音', 4)
    expect((await resident.post(`/api/mp/cases/${content}/reopen`, { reason: '再看看' })).body.error.code).to.equal('reopen_not_allowed')
    const late = await written('饭店油烟', 1)
    app.clock.advance(8 * 86_400_000)
    expect((await resident.post(`/api/mp/cases/${late}/reopen`, { reason: '还是不行' })).body.error.code).to.equal('reopen_window_passed')
  })

  it('lets the resident withdraw before a reply, and refuses after it with the current state', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '噪音扰民', regionId: 'c010101' })
    expect((await resident.post(`/api/mp/cases/${c.id}/withdraw`, { reason: '已经解决了' })).body.status).to.equal('withdrawn')
    const { body: d } = await resident.post('/api/mp/cases', { text: '噪音扰民', regionId: 'c010101' })
    await deputy.post(`/api/mp/deputy/cases/${d.id}/reply`, { text: '已联系物业，晚上十点后停止施工。' })
    const refused = await resident.post(`/api/mp/cases/${d.id}/withdraw`, {})
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.deep.include({ code: 'illegal_transition', details: [{ path: 'status', message: 'replied' }] })
    expect(refused.body.error.message).to.equal('这条留言代表已经答复了，不能再撤回。您可以查看答复并评价')
  })

  it('records the department a deputy forwards it to (交办)', async () => {
    const resident = await asResident(app)
    const deputy = await asDeputy(app, 'dp0001')
    const { body: c } = await resident.post('/api/mp/cases', { text: '路面塌陷', regionId: 'c010101' })
    expect((await deputy.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区住建局' })).status, 'acknowledge first').to.equal(409)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    const forwarded = await deputy.post(`/api/mp/deputy/cases/${c.id}/forward`, { department: '区住建局', reference: '湛住建〔2026〕88号' })
    expect(forwarded.body).to.deep.include({ status: 'forwarded', forwardedTo: { department: '区住建局', reference: '湛住建〔2026〕88号' } })
    expect((await resident.get(`/api/mp/cases/${c.id}`)).body.statusLabel).to.equal('已交有关部门办理')
    app.clock.advance(30 * 3600_000)
    await deputy.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '住建局已修复路面' })
    expect((await deputy.get(`/api/mp/deputy/cases/${c.id}`)).body.hoursWithDepartment, "shown apart from the deputy's own time").to.equal(30)
  })

  it("lets a deputy transfer to a colleague, or hand it back to the station's staff", async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    const { body: c } = await resident.post('/api/mp/cases', { text: '孩子上学的学位问题', regionId: 'c010101', deputyCode: 'DP0001' })
    const moved = await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表熟悉教育' })
    expect(moved.body).to.include({ status: 'assigned', transferred: true })
    const gone = await zhang.get(`/api/mp/deputy/cases/${c.id}`)
    expect([gone.status, gone.body.error.message], "no longer Zhang's: told so, as his own move").to.deep.equal([
      403,
      '这条留言您已转给王芳代表办理，您不用再处理',
    ])
    expect((await wang.get('/api/mp/deputy/cases')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([c.id])
    const back = await wang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '需要工作人员协调' })
    expect(back.body.status).to.equal('submitted')
    const queued = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.queued' })).items
    expect(queued.map((m) => m.recipientId)).to.deep.equal(['st001'])
  })
})
