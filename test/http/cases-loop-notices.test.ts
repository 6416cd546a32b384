import { expect } from 'chai'
import { SLA_JOB } from '../../src/jobs/sla-job.js'
import type { OutboxMessage } from '../../src/store/ports.js'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff, meetingCity } from '../helpers/meetings.js'

const HOUR = 3_600_000

/**
 * Who is told what as a message goes round the loop and changes hands: each one who has it now
 * is reminded before their own deadline and reported when they miss it, the one who had it
 * hears it moved, and nobody reads what was not written to them.
 */
describe('the loop tells the right people as a message changes hands', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === SLA_JOB)!.run()
  const about = async (caseId: string, kind: string) =>
    (await app.liaison.store.outbox.search({ limit: 200, kind })).items.filter((m) => m.payload.caseId === caseId)
  const to = (m: OutboxMessage) => `${m.recipientKind}:${m.recipientId}`
  async function toZhangWei(text: string, resident?: Awaited<ReturnType<typeof asResident>>) {
    const sent = await (resident ?? (await asResident(app))).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('reminds the deputy a case was reassigned to before their own deadline, and reports them to the station when they miss it', async () => {
    const c = await toZhangWei('小区垃圾没人清运')
    app.clock.advance(21 * HOUR) // 张伟 lets the day pass: reminded in its last hours, then reported
    await sla()
    expect((await about(c.id, 'case.reminder')).map(to)).to.deep.equal(['deputy:dp0001'])
    app.clock.advance(4 * HOUR)
    await sla()
    expect((await about(c.id, 'case.escalated')).map(to)).to.deep.equal(['station:st001'])

    const lina = await asStaff(app, 'lina')
    const steps = (await lina.get(`/api/admin/cases/${c.id}`)).body.timeline.map((e: { label: string }) => e.label)
    expect(steps, 'the automatic reminder is not taken for a 催办 by staff')
      // 轻工 has no group that receives notices: its 超期督办 says so, never 已报告 (review 37 § 5).
      .to.include.members(['到期提醒', '超期督办：应通知轻工街道代表联络站，但未能送达（这个联络站还没有接收提醒的微信群，可在“绑定码”页绑定本站微信群）'])
      .and.not.include('催办')
    expect((await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    // The report of 张伟's missed day, not sent yet, is taken back: 王芳 has a day of her own to acknowledge.
    expect(await about(c.id, 'case.escalated'), 'not "已过受理期限" about a message 王芳 was just given').to.deep.equal([])
    app.clock.advance(21 * HOUR) // inside 王芳's own last hours
    await sla()
    expect((await about(c.id, 'case.reminder')).map(to), '王芳 is reminded of her deadline').to.deep.equal(['deputy:dp0001', 'deputy:dp0002'])
    app.clock.advance(10 * HOUR) // and she misses it too
    await sla()
    expect((await about(c.id, 'case.escalated')).map(to), 'the station hears again, not only the timeline').to.deep.equal(['station:st001'])
  })

  it('gives the station its own time when a deputy hands back a case they had acknowledged days before, and keeps its note to the next deputy from the resident', async () => {
    const resident = await asResident(app)
    const c = await toZhangWei('孩子上学的学位问题', resident)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    app.clock.advance(5 * 24 * HOUR)
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '需要工作人员协调' })).status).to.equal(200)
    await sla()
    app.clock.advance(60_000)
    await sla()
    expect(await about(c.id, 'case.escalated'), 'not reported late minutes after coming back').to.deep.equal([])

    const note = '该群众多次来访情绪激动，请王代表注意沟通方式' // 给代表的话
    expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note })).status).to.equal(200)
    const mine = (await resident.get(`/api/mp/cases/${c.id}`)).body
    expect(
      mine.timeline.filter((e: { type: string }) => e.type === 'assigned'),
      'assigned by the system, then by staff',
    ).to.have.length(2)
    expect(JSON.stringify(mine), 'a note to the deputy, perhaps about the resident, is not shown to them').not.to.include('情绪激动')
    expect(mine.timeline[0].note ?? mine.timeline[1].note, 'where the system sent it, and why, still is').to.be.a('string')
  })

  it('greets each deputy a new message is given to by name, with the date and time to acknowledge by', async () => {
    const c = (await toZhangWei('路灯坏了')) as { id: string; ticket: string; topic: string }
    const given = async () => (await about(c.id, 'case.assigned')).map((m) => `${to(m)} ${m.payload.text}`)
    expect(await given()).to.deep.equal([`deputy:dp0001 张伟代表，您有一条新留言 ${c.ticket}（${c.topic}）：路灯坏了，请在11月24日（星期二）上午10:00前受理。`])
    app.clock.advance(2 * HOUR)
    expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    expect(
      (await given()).filter((m) => m.startsWith('deputy:dp0002')),
      'the one it moves to reads it in the same words',
    ).to.deep.equal([`deputy:dp0002 王芳代表，您有一条新留言 ${c.ticket}（${c.topic}）：路灯坏了，请在11月24日（星期二）中午12:00前受理。`])
  })

  it('tells the deputy who held a case that staff gave it to another', async () => {
    const resident = await asResident(app)
    const c = await toZhangWei('路灯坏了', resident)
    const zhang = await asDeputy(app, 'dp0001')
    await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})
    const lina = await asStaff(app, 'lina')
    const note = '该群众多次来访情绪激动，请王代表注意沟通方式'
    expect((await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002', note })).status).to.equal(200)

    const told = await about(c.id, 'case.reassigned')
    expect(told.map((m) => `${to(m)} ${m.payload.text}`)).to.deep.equal([`deputy:dp0001 留言 ${c.ticket} 已改由王芳代表办理，您无需再处理。谢谢您！`])
    const mine = await resident.get(`/api/mp/cases/${c.id}`)
    expect(JSON.stringify(mine.body), 'nor does the resident read the note').not.to.include('情绪激动')
  })

  for (const [how, end] of [
    [
      'withdrawn by its resident',
      async (carrier: { id: string }, author: Awaited<ReturnType<typeof asResident>>) =>
        author.post(`/api/mp/cases/${carrier.id}/withdraw`, { reason: '已经修好了' }),
    ],
    [
      'rejected by staff',
      async (carrier: { id: string }) => (await asStaff(app, 'lina')).post(`/api/admin/cases/${carrier.id}/reject`, { reason: '含辱骂内容' }),
    ],
  ] as const) {
    it(`handles a merged message on its own again when the one it was merged into is ${how}, and tells its resident`, async () => {
      const first = await asResident(app)
      const second = await asResident(app)
      const carrier = await toZhangWei('东门路灯坏了', first)
      const merged = await toZhangWei('东门路灯坏了好久', second)
      const lina = await asStaff(app, 'lina')
      expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
      expect((await end(carrier, first)).status).to.equal(200)

      const mine = (await second.get(`/api/mp/cases/${merged.id}`)).body
      expect(mine.status, 'open again, waiting to be assigned').to.equal('submitted')
      const told = (await about(merged.id, 'case.unmerged')).map((m) => m.payload.text)
      expect(told).to.have.length(1)
      expect(told[0])
        .to.include(
          `您${+merged.ticket.slice(4, 6)}月${+merged.ticket.slice(6, 8)}日反映的“东门路灯坏了好久”（编号 ${merged.ticket}）原与留言 ${carrier.ticket} 合并办理`,
        )
        .and.include('您的留言将单独办理')
      expect((await about(merged.id, 'case.queued')).map(to), "back in the station's queue").to.deep.equal(['station:st001'])
      expect((await lina.get(`/api/admin/cases?status=submitted`)).body.items.map((c: { id: string }) => c.id)).to.include(merged.id)
      await app.liaison.services.dispatcher.drain()
      const delivered = (await about(merged.id, 'case.unmerged'))[0]
      expect(delivered.lastError ?? '', 'not dropped as no longer true').not.to.include('已被后来的变化取代')
    })
  }

  /**
   * Moves that change several messages are a write per message. When the process stops half way (or another
   * instance routed a message to a deputy in the minute before it heard they had left), the next SLA round
   * finishes the move, so no message is left waiting on something that will never happen.
   */
  describe('the SLA round finishes moves over several messages left half done', () => {
    it('frees a message still merged into one that was withdrawn when the process stopped before freeing it', async () => {
      const carrier = await toZhangWei('东门路灯坏了')
      const second = await asResident(app)
      const merged = await toZhangWei('东门路灯坏了好久', second)
      const lina = await asStaff(app, 'lina')
      expect((await lina.post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
      // The withdrawal's own write, and then nothing: the process stopped.
      const c = (await app.liaison.store.cases.get(carrier.id))!
      await app.liaison.store.cases.update({ ...c, status: 'withdrawn', closedAt: app.clock.now(), updatedAt: app.clock.now() }, [], [])
      expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status, 'still closed, promised an answer that will not come').to.equal('closed')

      expect(await sla()).to.include({ freed: 1 })
      expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status, 'open again, waiting to be assigned').to.equal('submitted')
      const told = (await about(merged.id, 'case.unmerged')).map((m) => m.payload.text)
      expect(told).to.deep.equal([
        `您${+merged.ticket.slice(4, 6)}月${+merged.ticket.slice(6, 8)}日反映的“东门路灯坏了好久”（编号 ${merged.ticket}）原与留言 ${carrier.ticket} 合并办理，因该留言已撤回，您的留言将单独办理，办理结果会告知您。`,
      ])
      expect((await lina.get('/api/admin/cases?status=submitted')).body.items.map((x: { id: string }) => x.id)).to.include(merged.id)

      expect(await sla(), 'done once').to.include({ freed: 0 })
      expect(await about(merged.id, 'case.unmerged')).to.have.length(1)
    })

    it('leaves a message merged into one still open where it is', async () => {
      const carrier = await toZhangWei('东门路灯坏了')
      const second = await asResident(app)
      const merged = await toZhangWei('东门路灯坏了好久', second)
      expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${merged.id}/merge`, { intoCaseId: carrier.id })).status).to.equal(200)
      expect(await sla()).to.include({ freed: 0, handedBack: 0 })
      expect((await second.get(`/api/mp/cases/${merged.id}`)).body.status).to.equal('closed')
    })

    it('gives back to the station a message that reached a deputy after they left office, and tells its resident', async () => {
      const resident = await asResident(app)
      const sent = await toZhangWei('小区门口下水道堵了', resident)
      expect((await app.liaison.store.cases.get(sent.id))!.deputyId).to.equal('dp0001')
      // One he had already passed to a department, and one with 王芳, who stays in office.
      const forwarded = await toZhangWei('建设路的路灯坏了')
      const zhangWei = await asDeputy(app, 'dp0001')
      expect((await zhangWei.post(`/api/mp/deputy/cases/${forwarded.id}/acknowledge`, {})).status).to.equal(200)
      expect((await zhangWei.post(`/api/mp/deputy/cases/${forwarded.id}/forward`, { department: '市城管局' })).body.status).to.equal('forwarded')
      const wangFang = await (await asResident(app)).post('/api/mp/cases', { text: '菜市场门口占道经营', regionId: 'c010101', deputyCode: 'DP0002' })
      expect(wangFang.status, JSON.stringify(wangFang.body)).to.equal(201)
      // Taken out of service elsewhere: these messages came after their messages were handed back.
      await app.liaison.store.deputies.update('dp0001', { active: false })

      expect(await sla()).to.include({ handedBack: 2 })
      const mine = (await resident.get(`/api/mp/cases/${sent.id}`)).body
      expect(mine.status).to.equal('submitted')
      expect((await about(sent.id, 'case.handed_on')).map((m) => m.payload.text)[0]).to.include('原办理代表已离任')
      expect((await about(sent.id, 'case.queued')).map((m) => `${m.recipientKind}:${m.recipientId}`)).to.deep.equal(['station:st001'])
      const lina = await asStaff(app, 'lina')
      const notes = async (id: string) => (await lina.get(`/api/admin/cases/${id}`)).body.timeline.at(-1).note
      expect(await notes(sent.id)).to.equal('代表已离任，请重新分派')
      expect(await notes(forwarded.id), 'the next deputy follows up where it went').to.equal(
        '代表已离任，请重新分派。此前已交市城管局办理，请新代表继续跟踪督办',
      )
      const kept = (await lina.get(`/api/admin/cases/${wangFang.body.id}`)).body
      expect(kept.handledBy.deputy, "王芳's message stays hers").to.equal('王芳')
      expect(await about(wangFang.body.id, 'case.handed_on')).to.deep.equal([])
      expect(await sla(), 'done once').to.include({ handedBack: 0 })
    })
  })
})
