import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 为什么分到这里 gives the routing's reasons of the day a message came in, and a closing sentence says what happened
 * since. A message the deputy handed back and the station then refused (不予受理), or the resident withdrew, is in
 * nobody's hands: "后来已交回…联络站" read as still waiting there. It says what became of it (screens review, finding 2).
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
})
