import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { caseCity } from '../fixtures.js'

/**
 * Review 37, finding 7. 李娜, clerk of 轻工街道代表联络站, reads a message about the overpass of a city road: routing
 * gave it to 张伟, who has neither the mini-program nor the chat helper, so he cannot hand it back. It is a matter for
 * 湛河区's office, and the page offers 上报湛河区人大办 on it as on one waiting in her queue: it leaves 张伟 and waits at
 * the office for 孙丽 to place it. He is told where it went once he knew of it (受理); never of a message whose 分派
 * notice never reached him. A 上报 made while the deputy she saw changed meanwhile takes nothing from anyone, and says
 * who has it now.
 */
describe('a clerk hands up a message a deputy holds (上报)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function toZhangWei(text: string) {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }
  const toldZhangWei = async (ticket: string) =>
    (await app.liaison.store.outbox.search({ limit: 20, kind: 'case.reassigned', recipientId: 'dp0001' })).items
      .map((m) => m.payload as { ticket: string; text: string; cardText: string })
      .filter((p) => p.ticket === ticket)
      .map((p) => [p.text, p.cardText])

  it('takes it from 张伟 to 湛河区人大办: he is told, the office places it, the timeline says from whom', async () => {
    const c = await toZhangWei('建设路和城市快速路交叉口的人行天桥台阶塌了一块，老人晚上过天桥很危险')
    const lina = await asStaff(app, 'lina')
    const page = (await lina.get(`/api/admin/cases/${c.id}`)).body
    expect(page.handledBy.deputy).to.equal('张伟')
    expect(page.actions, 'offered on a message 张伟 holds').to.include('handUp')
    expect(page.handUpTo).to.deep.equal({ name: '湛河区人大常委会办公室', short: '湛河区人大办' })

    const handed = await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '城市快速路的天桥归市里管，需要区人大办协调', fromDeputyId: 'dp0001' })
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200)
    expect(handed.body.handledBy.office).to.equal('湛河区人大常委会办公室')

    // His 分派 notice never reached him: nothing is said of a message he never heard of. His list no longer has
    // it, and opening it says why.
    expect(await toldZhangWei(c.ticket)).to.deep.equal([])
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get('/api/mp/deputy/cases')).body.items.map((x: { id: string }) => x.id)).not.to.include(c.id)
    const opened = await zhang.get(`/api/mp/deputy/cases/${c.id}`)
    expect(opened.status).to.equal(403)
    expect(opened.body.error.message).to.equal('这条留言已交湛河区人大常委会办公室重新安排，您不用再处理')

    // 孙丽 of the office finds it waiting for her, and reads from whom it came.
    const sunli = await asStaff(app, 'sunli')
    const atOffice = (await sunli.get(`/api/admin/cases/${c.id}`)).body
    expect(atOffice).to.include({ status: 'submitted', statusLabel: '待分派', deputyId: null, stationId: null })
    const step = (atOffice.timeline as Array<{ label: string; from: unknown; to: unknown; note: string }>).at(-1)
    expect(step).to.deep.include({
      label: '上报',
      from: { deputy: '张伟', station: '轻工街道代表联络站', office: null },
      to: { deputy: null, station: null, office: '湛河区人大常委会办公室' },
      note: '城市快速路的天桥归市里管，需要区人大办协调',
    })
    // She may give it to any deputy of the district; the clerk's list no longer holds it.
    expect((await sunli.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0004' })).status).to.equal(200)
    expect((await lina.get(`/api/admin/cases/${c.id}`)).status).to.equal(404)
  })

  it('hands up one he has acknowledged too, but not once he handed it to a department', async () => {
    const c = await toZhangWei('小区旁边的快速路晚上渣土车太多，噪音很大')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const lina = await asStaff(app, 'lina')
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.actions).to.include('handUp')
    expect((await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '涉及全区渣土车管理' })).status).to.equal(200)
    // He knew of it: he hears where it went, by the office's name.
    expect(await toldZhangWei(c.ticket)).to.deep.equal([
      [`留言 ${c.ticket} 已由轻工街道代表联络站上报湛河区人大办，改由湛河区人大办安排办理，您无需再处理。谢谢您！`, '已上报湛河区人大办，您无需再办'],
    ])

    const other = await toZhangWei('快速路辅路的路灯不亮')
    expect((await zhang.post(`/api/mp/deputy/cases/${other.id}/acknowledge`, {})).status).to.equal(200)
    expect((await zhang.post(`/api/mp/deputy/cases/${other.id}/forward`, { department: '市城市管理局' })).status).to.equal(200)
    expect((await lina.get(`/api/admin/cases/${other.id}`)).body.actions).not.to.include('handUp')
    const refused = await lina.post(`/api/admin/cases/${other.id}/hand-up`, { reason: '涉及全区' })
    expect([refused.status, refused.body.error.message]).to.deep.equal([409, '代表已经交有关部门办理，不用再上报'])
  })

  it('takes nothing from a deputy she did not see holding it: says who has it now, and nothing moves', async () => {
    const c = await toZhangWei('城市快速路匝道口没有红绿灯，过马路太危险')
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)
    const lina = await asStaff(app, 'lina')
    // She opened 上报 seeing 张伟; meanwhile 孙丽 of the office gave it to 王芳.
    expect((await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    const stale = await lina.post(`/api/admin/cases/${c.id}/hand-up`, { reason: '需要区里协调', fromDeputyId: 'dp0001' })
    expect(stale.status, JSON.stringify(stale.body)).to.equal(409)
    expect(stale.body.error.code).to.equal('holder_changed')
    expect(stale.body.error.message).to.equal('这条留言刚刚已改由王芳代表办理（您打开时是张伟代表），请看一下再决定。您写的上报原因还在，没有提交')
    expect((await lina.get(`/api/admin/cases/${c.id}`)).body.handledBy.deputy, 'still with 王芳').to.equal('王芳')
    expect(
      (await toldZhangWei(c.ticket)).map(([text]) => text),
      'nothing said of a 上报 that was not made: 孙丽’s 改派 only',
    ).to.deep.equal([`留言 ${c.ticket} 已改由王芳代表办理，您无需再处理。谢谢您！`])
  })
})
