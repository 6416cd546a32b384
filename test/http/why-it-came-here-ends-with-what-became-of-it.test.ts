import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 为什么分到这里 gives the routing's reasons of the day a message came in, and a closing sentence says what happened
 * since. A message the deputy handed back and the station then refused (不予受理), or the resident withdrew, is in
 * nobody's hands: "后来已交回…联络站" read as still waiting there. It says what became of it (screens review, finding 2).
 * A merged message's reasons name its own deputy while its 办理代表 row names the one of the message it went into: the
 * sentence says it was merged, and who handles it now (second screens review).
 */
describe('为什么分到这里 closes with what became of a message nobody will handle', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  async function handedBack(text: string) {
    const resident = await asResident(app)
    const sent = (await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })).body as { id: string }
    const back = await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${sent.id}/transfer`, { reason: '这几天在外地，请站里另派代表' })
    expect(back.status, JSON.stringify(back.body)).to.equal(200)
    return { id: sent.id, resident }
  }

  it('refused after it was handed back: 后来决定不予受理, not 后来已交回', async () => {
    const { id } = await handedBack('我想让你们帮我找个舞伴')
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.get(`/api/admin/cases/${id}`)).body.routingSince, 'handed back, still waiting').to.match(/后来已交回/)
    expect((await lina.post(`/api/admin/cases/${id}/reject`, { reason: '不属于代表联络站办理的事项' })).status).to.equal(200)
    expect((await lina.get(`/api/admin/cases/${id}`)).body.routingSince).to.equal('以上是收到留言时的分派依据；后来决定不予受理。')
  })

  it('withdrawn by the resident: 后来群众撤回了留言', async () => {
    const { id, resident } = await handedBack('楼下的路灯坏了')
    expect((await resident.post(`/api/mp/cases/${id}/withdraw`, {})).status).to.equal(200)
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.get(`/api/admin/cases/${id}`)).body.routingSince).to.equal('以上是收到留言时的分派依据；后来群众撤回了留言。')
  })

  it('merged: 后来已并入留言 … 合并办理, and by whom, where its reasons name another deputy', async () => {
    const resident = await asResident(app)
    const kept = (await resident.post('/api/mp/cases', { text: '建设路社区东门的路灯坏了，晚上很黑', regionId: 'c010101', deputyCode: 'DP0001' })).body
    const twin = (
      await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区东门路灯坏了，晚上很黑看不见', regionId: 'c010101', deputyCode: 'DP0002' })
    ).body
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${twin.id}/merge`, { intoCaseId: kept.id })).status).to.equal(200)
    const page = (await lina.get(`/api/admin/cases/${twin.id}`)).body
    expect(page.routingReasons.map((r: { message: string }) => r.message).join('；'), 'its reasons name its own deputy').to.include('王芳')
    expect(page.mergedHandling.text).to.equal(`张伟代表（随留言 ${kept.ticket} 办理）`)
    expect(page.routingSince).to.equal(`以上是收到留言时的分派依据；后来已并入留言 ${kept.ticket} 合并办理，由张伟代表办理。`)
  })

  it('merged into one nobody handles yet: 合并办理 only, no deputy named', async () => {
    const { id: keptId } = await handedBack('建设路社区东门的路灯坏了，晚上很黑')
    const twin = (
      await (await asResident(app)).post('/api/mp/cases', { text: '建设路社区东门路灯坏了，晚上很黑看不见', regionId: 'c010101', deputyCode: 'DP0002' })
    ).body
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const kept = (await lina.get(`/api/admin/cases/${keptId}`)).body
    expect((await lina.post(`/api/admin/cases/${twin.id}/merge`, { intoCaseId: keptId })).status).to.equal(200)
    expect((await lina.get(`/api/admin/cases/${twin.id}`)).body.routingSince).to.equal(`以上是收到留言时的分派依据；后来已并入留言 ${kept.ticket} 合并办理。`)
  })
})
