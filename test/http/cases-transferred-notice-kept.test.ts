import { expect } from 'chai'
import { asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * Her message changes hands several times while her notices wait (at night, or WeChat down): she must
 * still hear, once, who holds it in the end — a move back to the last holder must not take away the
 * "已转给…" she has not yet been sent.
 */
describe('a resident whose message changes hands while her notices wait', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('is still told who holds it after it went back to the station and to the same deputy again', async () => {
    const her = await asResident(app)
    const written = await her.post('/api/mp/cases', { regionId: 'c010101', text: '楼下的路灯坏了好几天', deputyCode: 'DP0001' })
    expect(written.status, JSON.stringify(written.body)).to.equal(201)
    const id = written.body.id as string
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const ok = (r: { status: number; body: unknown }) => expect(r.status, JSON.stringify(r.body)).to.equal(200)
    ok(await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '王芳代表熟悉', deputyCode: 'DP0002' }))
    ok(await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0003' }))
    ok(await (await asDeputy(app, 'dp0003')).post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '这几天不在本地' }))
    ok(await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0003' }))

    const toHer = (await app.liaison.store.outbox.search({ limit: 50, kind: 'case.transferred' })).items.filter(
      (m) => m.recipientId === her.userId && m.status === 'pending',
    )
    expect(toHer.map((m) => (m.payload as { text: string }).text)).to.have.length(1)
    expect((toHer[0].payload as { text: string }).text).to.include('已转给李强代表办理')
  })
})
