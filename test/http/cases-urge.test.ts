import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

interface TimelineStep {
  type: string
  label: string
  note: string | null
  actor: { name: string | null; roleLabel: string }
  to: { deputy: string | null } | null
}

/**
 * 催办: 孙丽 of 湛河区's congress office finds a message to 张伟 that has waited past its
 * deadline and presses him. He gets a message saying who urged which message and why; the
 * timeline shows the step; the station's 李娜, urging again the same day, is told it was
 * already done, when and by whom, and nothing more is written. 新华区's 钱七 cannot see it
 * at all, and a message already answered is no longer the deputy's to hurry.
 */
describe('staff urge the deputy holding a slow message (催办)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const urges = async (caseId: string) =>
    (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === caseId)
  const audited = async (caseId: string) => (await app.liaison.services.audit.list({ action: 'case.urged', targetId: caseId, limit: 50 })).items
  const steps = async (caseId: string) => (await app.liaison.store.cases.events(caseId)).length
  async function toZhangWei(text: string) {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { ...(sent.body as { id: string; ticket: string }), resident }
  }

  it('tells the deputy, shows the step in the timeline, and refuses a second urge the same day, saying when and by whom', async () => {
    const c = await toZhangWei('小区垃圾好几天没人清运，臭气熏天')
    app.clock.advance(26 * HOUR) // Tuesday 12:00: a day to acknowledge has passed
    const sunli = await asStaff(app, 'sunli')
    const before = (await sunli.get(`/api/admin/cases/${c.id}`)).body
    expect(before.sla.text, 'the office sees it is late to be acknowledged').to.equal('未按时受理')

    const urged = await sunli.post(`/api/admin/cases/${c.id}/urge`, { note: '群众反映多次，请今天联系' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const last = (urged.body.timeline as TimelineStep[]).at(-1)!
    expect(last).to.deep.include({ type: 'urged', label: '催办', note: '群众反映多次，请今天联系' })
    expect(last.actor, 'her office by its name').to.deep.include({ name: '孙丽', roleLabel: '湛河区人大常委会办公室' })
    expect(last.to?.deputy, 'whom it pressed').to.equal('张伟')
    expect(urged.body.status, 'no state changes').to.equal('assigned')

    const told = await urges(c.id)
    expect(told.map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['deputy:dp0001'])
    expect(told[0].payload.text).to.equal(
      `催办：张伟代表，工作人员孙丽催办留言 ${c.ticket}（${before.topic}）：今天已过受理期限，请尽快办理。附言：群众反映多次，请今天联系`,
    )

    const zhang = await asDeputy(app, 'dp0001')
    const seen = (await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body.timeline as TimelineStep[]
    expect(seen.at(-1), 'the deputy reads it in his own timeline').to.deep.include({
      label: '湛河区人大常委会办公室孙丽催办',
      note: '群众反映多次，请今天联系',
    })
    const mine = (await c.resident.get(`/api/mp/cases/${c.id}`)).body.timeline as TimelineStep[]
    expect(
      mine.map((e) => e.type),
      'an internal step, not shown to the resident',
    ).not.to.include('urged')
    const [entry] = await audited(c.id)
    expect(entry).to.deep.include({ action: 'case.urged', actorId: 'sf03' })

    app.clock.advance(3 * HOUR) // 15:00 the same day
    const written = await steps(c.id)
    const lina = await asStaff(app, 'lina')
    const again = await lina.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(again.status).to.equal(409)
    expect(again.body.error.code).to.equal('already_urged')
    expect(again.body.error.message).to.equal('这条留言今天 12:00 已由孙丽向张伟代表催办过，同一位代表每天只能催办一次，请明天再催办')
    expect(await steps(c.id), 'no timeline step').to.equal(written)
    expect(await urges(c.id), 'no second message').to.have.length(1)
    expect(await audited(c.id), 'no second audit record').to.have.length(1)

    app.clock.advance(20 * HOUR) // Wednesday 11:00: another day
    const nextDay = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/urge`, {})
    expect(nextDay.status, JSON.stringify(nextDay.body)).to.equal(200)
    expect((await urges(c.id)).map((m) => m.payload.text)[1]).to.equal(
      `催办：张伟代表，工作人员李娜催办留言 ${c.ticket}（${before.topic}）：已过受理期限 1 天，请尽快办理。`,
    )
  })

  it('the case page says whether it may be urged now, and once urged today, when and by whom until the business day ends', async () => {
    const c = await toZhangWei('楼道里的灯坏了一个月，晚上老人上下楼看不见')
    app.clock.advance(26 * HOUR) // Tuesday 12:00 in Asia/Shanghai
    const sunli = await asStaff(app, 'sunli')
    // Logged in afresh each time: the clock moves past a session's life.
    const urgeOf = async (username: string) => {
      const page = await (await asStaff(app, username)).get(`/api/admin/cases/${c.id}`)
      expect(page.status, JSON.stringify(page.body)).to.equal(200)
      return page.body.urge
    }
    expect(await urgeOf('sunli'), 'not urged yet: the button is offered').to.deep.equal({ allowed: true, urgedToday: null, text: null })

    const urged = await sunli.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const spent = {
      allowed: false,
      urgedToday: { at: '2026-11-24T04:00:00.000Z', by: '孙丽' },
      text: '今天 12:00 已由孙丽催办，明天可再次催办',
    }
    expect(urged.body.urge, 'the answer to the urge already says it is done for today').to.deep.equal(spent)
    expect(await urgeOf('lina'), "the station's staff read the same line").to.deep.equal(spent)

    app.clock.set(new Date('2026-11-24T15:50:00Z')) // Tuesday 23:50 in Asia/Shanghai: still the same business day
    expect(await urgeOf('lina')).to.deep.equal(spent)

    // Wednesday 00:30 in Asia/Shanghai, while in UTC it is still Tuesday: the business day decides.
    app.clock.set(new Date('2026-11-24T16:30:00Z'))
    expect(await urgeOf('lina'), 'a new business day: the button again').to.deep.equal({ allowed: true, urgedToday: null, text: null })
    const again = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/urge`, { note: '请今天联系群众' })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.urge.text).to.equal('今天 0:30 已由李娜催办，明天可再次催办')

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系物业，本周换灯' })).status).to.equal(200)
    const answered = await urgeOf('sunli')
    expect(answered.allowed, "answered: no longer the deputy's to hurry").to.equal(false)
    expect(answered.text, 'and no "明天可再次催办" either').to.equal(null)
  })

  it('presses only the deputy holding it: his page and 我的待办 say who urged, and a colleague it is handed to is not pressed by it', async () => {
    const c = await toZhangWei('小区门口的路灯坏了，晚上出门看不见')
    const calm = await toZhangWei('楼下的快递柜门关不上')
    app.clock.advance(25 * HOUR) // Tuesday 11:00
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.post(`/api/admin/cases/${c.id}/urge`, {})).status).to.equal(200)

    const zhang = await asDeputy(app, 'dp0001')
    const page = (await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body
    expect(page.urgeNote, 'no words added: who and when').to.equal('湛河区人大常委会办公室孙丽 11月24日（星期二）上午11:00 催办，请尽快办理。')
    expect((await zhang.get(`/api/mp/deputy/cases/${calm.id}`)).body.urgeNote).to.equal(null)
    const tasks = (await zhang.get('/api/mp/tasks')).body.cases as Array<{ id: string; urgedText: string | null }>
    expect(tasks.map((t) => [t.id, t.urgedText])).to.have.deep.members([
      [c.id, '工作人员在催'],
      [calm.id, null],
    ])

    const handed = await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '王芳代表住在这个小区，更方便办理', deputyCode: 'DP0002' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    const wangfang = await asDeputy(app, 'dp0002')
    expect((await wangfang.get(`/api/mp/deputy/cases/${c.id}`)).body.urgeNote, 'the urge pressed 张伟, not her').to.equal(null)
    const hers = (await wangfang.get('/api/mp/tasks')).body.cases as Array<{ id: string; urgedText: string | null }>
    expect(hers.find((t) => t.id === c.id)?.urgedText).to.equal(null)
  })

  it("is not found for another district's organizer, and refused for a message already answered; nothing is written", async () => {
    const c = await toZhangWei('路口红绿灯时间太短，老人过不去马路')
    const written = await steps(c.id)
    const qianqi = await asStaff(app, 'qianqi')
    const elsewhere = await qianqi.post(`/api/admin/cases/${c.id}/urge`, { note: '请尽快' })
    expect(elsewhere.status).to.equal(404)
    expect(elsewhere.body.error.code).to.equal('not_found')

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系交警部门延长绿灯时间' })).status).to.equal(200)
    const answered = await steps(c.id)
    expect(answered).to.equal(written + 1)
    const sunli = await asStaff(app, 'sunli')
    const late = await sunli.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(late.status).to.equal(409)
    expect(late.body.error.message).to.equal('代表已经答复了，不用再催办')

    const bad = await sunli.post(`/api/admin/cases/${c.id}/urge`, { note: 42 })
    expect(bad.status).to.equal(400)
    expect(bad.body.error.code).to.equal('validation_failed')
    expect(bad.body.error.details[0].path).to.equal('body.note')

    expect(await steps(c.id)).to.equal(answered)
    expect(await urges(c.id)).to.deep.equal([])
    expect(await audited(c.id)).to.deep.equal([])
  })
})
