import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff } from '../helpers/meetings.js'

/**
 * 李娜 urged 张伟 about a broken street lamp this morning; he answered, the resident rated it 2 and
 * asked for it to be handled again (重新办理) the same day. The new round is new work: 催办 is
 * offered again, and 张伟 gets the new urge. A message merged into another says which one carries it
 * and who handles that one, not the deputy it had of its own.
 */
describe('the case page after 重新办理 and after 合并', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function write(text: string) {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101' }) // 张伟 of 轻工街道
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { ...(sent.body as { id: string; ticket: string }), resident }
  }

  it('offers 催办 again on the new round the same day, and the deputy is told again', async () => {
    const c = await write('建设路的路灯坏了一个月，晚上很黑')
    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${c.id}/urge`, {})).status).to.equal(200)
    const urgedPage = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(urgedPage.urge).to.deep.include({ allowed: false, text: '今天 10:00 已由李娜催办，明天可再次催办' })

    app.clock.advance(60 * 60_000)
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系供电所，本周五前修好路灯，请您留意。' })).status).to.equal(200)
    expect((await c.resident.post(`/api/mp/cases/${c.id}/rate`, { rating: 2 })).status).to.equal(200)
    expect((await c.resident.post(`/api/mp/cases/${c.id}/reopen`, { reason: '路灯还是不亮' })).status).to.equal(200)

    app.clock.advance(30 * 60_000)
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.status).to.equal('reopened')
    expect(page.urge, "the morning's urge was for the round she found wanting").to.deep.include({ allowed: true, text: null })
    expect(page.actions).to.include('urge')
    const again = await lina.post(`/api/admin/cases/${c.id}/urge`, { note: '群众还是不满意，请尽快' })
    expect(again.status, JSON.stringify(again.body)).to.equal(200)
    expect(again.body.urge.text).to.equal('今天 11:30 已由李娜催办，明天可再次催办')
    const told = (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.urged' })).items.filter((m) => m.payload.caseId === c.id)
    expect(told, 'both urges reach him').to.have.length(2)
    expect(told.map((m) => m.payload.text).join('\n')).to.include('附言：群众还是不满意，请尽快')
    expect((await lina.post(`/api/admin/cases/${c.id}/urge`, {})).status, 'still once a day within the round').to.equal(409)
  })

  it('says which message a merged one was folded into and who handles that one', async () => {
    const carrier = await write('建设路小区门口的下水道堵了，污水横流')
    const duplicate = await write('建设路小区门口下水道堵了好几天')
    const lina = await asStaff(app, 'lina')
    const merged = await lina.post(`/api/admin/cases/${duplicate.id}/merge`, { intoCaseId: carrier.id })
    expect(merged.status, JSON.stringify(merged.body)).to.equal(200)
    expect(merged.body.mergedHandling).to.deep.equal({ id: carrier.id, ticket: carrier.ticket, text: `张伟代表（随留言 ${carrier.ticket} 办理）` })

    // The office moves the carrier to another deputy: the merged message names the one handling it now.
    const sunli = await asStaff(app, 'sunli')
    expect((await sunli.post(`/api/admin/cases/${carrier.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    const page = (await lina.get(`/api/admin/cases/${duplicate.id}`)).body
    expect(page.mergedHandling.text).to.match(new RegExp(`^\\S+代表（随留言 ${carrier.ticket} 办理）$`))
    expect(page.mergedHandling.text).not.to.include('张伟')
    expect((await lina.get(`/api/admin/cases/${carrier.id}`)).body.mergedHandling, 'not merged itself').to.equal(null)
  })
})
