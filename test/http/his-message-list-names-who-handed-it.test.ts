import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 张伟 hands 王芳 a message (转交); she hands it back (交回). In each one's message list (/api/mp/deputy/cases) it
 * reads as his workbench and its page say it: who handed it, and that it came back, not "新留言". A message the
 * station gives her the first time is still 新留言; given back to her, who had it, 再次交给您 (review 37, finding 3).
 */
describe("a deputy's message list names the colleague who handed him a message", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  const listed = async (client: Client, caseId: string) =>
    ((await client.get('/api/mp/deputy/cases')).body.items as Array<{ id: string; statusLabel: string }>).find((c) => c.id === caseId)?.statusLabel

  it('张伟代表转给您，还没受理, then 王芳代表交回给您，还没受理; the station’s own is 新留言，还没受理', async () => {
    const resident = await asResident(app)
    const sent = (await resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' })).body
    const hers = (await resident.post('/api/mp/cases', { text: '光明路的路灯坏了', regionId: 'c010101', deputyCode: 'DP0002' })).body
    const zhang = await asDeputy(app, 'dp0001')
    const wang = await asDeputy(app, 'dp0002')
    expect((await zhang.post(`/api/mp/deputy/cases/${sent.id}/transfer`, { reason: '王芳代表联系这个小区', deputyCode: 'DP0002' })).status).to.equal(200)

    expect(await listed(wang, sent.id)).to.equal('张伟代表转给您，还没受理')
    expect((await wang.get(`/api/mp/deputy/cases/${sent.id}`)).body.statusLabel, 'as its page says').to.equal('张伟代表转给您，还没受理')
    expect(await listed(wang, hers.id), 'written to her: new').to.equal('新留言，还没受理')

    expect((await wang.post(`/api/mp/deputy/cases/${sent.id}/transfer`, { reason: '还是张代表就近办理更方便', deputyCode: 'DP0001' })).status).to.equal(200)
    expect(await listed(zhang, sent.id)).to.equal('王芳代表交回给您，还没受理')

    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await lina.post(`/api/admin/cases/${sent.id}/assign`, { deputyId: 'dp0002', note: '请王芳代表办理' })).status).to.equal(200)
    // Hers before (she handed it on to 张伟): the station gives it back to her, 再次交给您 (review 37, finding 3).
    expect(await listed(wang, sent.id), 'the station gave it back to her').to.equal('再次交给您，还没受理')
  })
})
