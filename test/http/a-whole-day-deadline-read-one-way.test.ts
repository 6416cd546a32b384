import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * A message written on a Saturday waits for Monday: 张伟 has all of Monday 30 November to 受理 it, and until the end of
 * Friday 18 December to answer. His mini-program page says so as "11月30日（星期一）前（含当日）"; every WeChat notice he reads
 * says it the same way, never "24:00", which an older reader does not say: 王芳 when he hands it to her, 张伟 when
 * 李娜 presses him (催办), 张伟 when 王阿姨 sends his answer back. 王阿姨's copy of her data says her days as her page does.
 */
describe('a deadline that takes the whole day reads one way in every notice and page', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-28T01:30:00Z')) // Saturday 28 November 2026, 09:30 in Beijing
  })
  afterEach(() => app.close())

  const sent = async (kind: string, to: string) =>
    (await app.liaison.store.outbox.search({ limit: 50, kind, recipientId: to })).items.map((m) => m.payload as { text: string; cardText?: string })

  async function toZhangWei(text: string) {
    const resident = await asResident(app)
    const posted = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(posted.status, JSON.stringify(posted.body)).to.equal(201)
    return { ...(posted.body as { id: string; ticket: string; topic: string }), resident }
  }

  it('handed on to 王芳 on Saturday: "请在11月30日（星期一）前（含当日）受理", in the notice, on its card and on her page', async () => {
    const c = await toZhangWei('小区路灯坏了')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '这件事王芳代表更熟悉' })).status).to.equal(200)

    const [handed] = await sent('case.assigned', 'dp0002')
    expect(handed.text).to.equal(
      `王芳代表，张伟代表把留言 ${c.ticket}（${c.topic}：小区路灯坏了）转给您办理：这件事王芳代表更熟悉。请在11月30日（星期一）前（含当日）受理。`,
    )
    expect(handed.cardText, 'the card’s 20 characters').to.equal('请在11月30日前（含当日）受理')
    const wang = await asDeputy(app, 'dp0002')
    expect((await wang.get(`/api/mp/deputy/cases/${c.id}`)).body.acknowledgeByText, 'her page, the same words').to.equal('11月30日（星期一）前（含当日）')
  })

  it('催办 once he has accepted it: "请在12月18日（星期五）前（含当日）答复", as his other notices say it', async () => {
    const c = await toZhangWei('楼下的垃圾桶满了三天没人清理')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)

    const [told] = await sent('case.urged', 'dp0001')
    expect(told.text).to.equal(`催办：张伟代表，工作人员李娜催办留言 ${c.ticket}（${c.topic}）：请在12月18日（星期五）前（含当日）答复。`)
    expect((await zhang.get(`/api/mp/deputy/cases/${c.id}`)).body.replyByText, 'his page, the same words').to.equal('12月18日（星期五）前（含当日）')
  })

  it('催办 before he has accepted it: "请在11月30日（星期一）前（含当日）受理"', async () => {
    const c = await toZhangWei('楼道的灯不亮了')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const urged = await lina.post(`/api/admin/cases/${c.id}/urge`, {})
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    const [told] = await sent('case.urged', 'dp0001')
    expect(told.text).to.equal(`催办：张伟代表，工作人员李娜催办留言 ${c.ticket}（${c.topic}）：请在11月30日（星期一）前（含当日）受理。`)
  })

  it('sent back on Saturday by a resident not satisfied: "请在11月30日（星期一）前（含当日）受理"', async () => {
    app.clock.set(new Date('2026-11-27T02:00:00Z')) // Friday 10:00
    const c = await toZhangWei('小区东门的路灯坏了半个月了')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系物业，这周内修好' })).status).to.equal(200)
    app.clock.set(new Date('2026-11-28T01:30:00Z')) // Saturday 09:30
    expect((await c.resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2 })).status).to.equal(200)
    const reopened = await c.resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '灯还是不亮' })
    expect(reopened.status, JSON.stringify(reopened.body)).to.equal(200)

    const [back] = await sent('case.reopened', 'dp0001')
    expect(back.text).to.equal(`张伟代表，留言 ${c.ticket} 群众不满意（2 分），已重新交您办理：灯还是不亮。请在11月30日（星期一）前（含当日）受理。`)
  })

  it('her copy of her data says her days as her page does, not the office’s "24:00"', async () => {
    const c = await toZhangWei('小区路灯坏了')
    const page = (await c.resident.get(`/api/mp/cases/${c.id}`)).body
    const copy = (await c.resident.get('/api/mp/me/export')).body
    const mine = (copy.cases as Array<{ ticket: string; acknowledgeByText: string; replyByText: string }>).find((x) => x.ticket === c.ticket)!
    expect(mine).to.include({ acknowledgeByText: '11月30日前（含当日）', replyByText: '12月18日前（含当日）' })
    expect(mine).to.include({ acknowledgeByText: page.acknowledgeByText, replyByText: page.replyByText })
  })
})
