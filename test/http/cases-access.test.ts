import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { buildCase, buildDeputy, buildResident, type Resident } from '../factories.js'
import { caseCity, STAFF_PASSWORD } from '../fixtures.js'

/** Nobody sees data that is not theirs: each denial, proved. */
describe('who may see a case', () => {
  let app: TestApp
  let caseId: string
  let author: Resident
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    author = await buildResident(app)
    caseId = (await buildCase(app, { resident: author, text: '楼道灯坏了', regionId: 'c010101', phone: '13700001111' })).case.id
  })
  afterEach(() => app.close())

  it('another resident can neither read, rate, withdraw nor list it', async () => {
    const other = await asResident(app)
    expect((await other.get(`/api/mp/cases/${caseId}`)).status).to.equal(404)
    expect((await other.post(`/api/mp/cases/${caseId}/withdraw`, {})).status).to.equal(404)
    const deputy = await asDeputy(app, 'dp0001')
    await deputy.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已修' })
    expect((await other.post(`/api/mp/cases/${caseId}/rate`, { rating: 1 })).status, "rating someone else's case").to.equal(404)
    expect((await other.get('/api/mp/cases')).body.items).to.deep.equal([])
    expect((await author.get('/api/mp/cases')).body.items.map((c: { id: string }) => c.id)).to.deep.equal([caseId])
  })

  it('another deputy cannot see or act on it; a resident is not a deputy', async () => {
    const other = await asDeputy(app, 'dp0002')
    expect((await other.get(`/api/mp/deputy/cases/${caseId}`)).status).to.equal(404)
    expect((await other.post(`/api/mp/deputy/cases/${caseId}/acknowledge`, {})).status).to.equal(404)
    expect((await other.get('/api/mp/deputy/cases')).body.items).to.deep.equal([])
    const notDeputy = await author.get('/api/mp/deputy/cases')
    expect(notDeputy.status).to.equal(403)
    expect(notDeputy.body.error.code).to.equal('not_a_deputy')
  })

  it('lists a message for the deputy it was left for, and not for a deputy of another station', async () => {
    const { case: left, deputy } = await buildCase(app, { text: '菜市场门口积水' })
    const elsewhere = await buildDeputy(app)
    const mine = await (await asDeputy(app, deputy!.id)).get('/api/mp/deputy/cases')
    expect(mine.body.items.map((c: { id: string }) => c.id)).to.deep.equal([left.id])
    expect((await (await asDeputy(app, elsewhere.id)).get('/api/mp/deputy/cases')).body.items).to.deep.equal([])
  })

  it('without a session nothing is shown, and a forged token is refused', async () => {
    const anonymous = new Client(app.baseUrl)
    expect((await anonymous.get(`/api/mp/cases/${caseId}`)).status).to.equal(401)
    anonymous.bearer = 'forged-token-forged-token-forged-token-123'
    expect((await anonymous.get('/api/mp/cases')).status).to.equal(401)
    expect((await anonymous.post('/api/mp/cases', { text: 'x' })).status).to.equal(401)
  })

  it('shows the phone masked to staff, whole only to the assigned deputy, and audits that read', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const staffView = await lina.get(`/api/admin/cases/${caseId}`)
    expect(staffView.body.phoneMasked).to.equal('137****1111')
    expect(JSON.stringify(staffView.body)).not.to.include('13700001111')
    const deputy = await asDeputy(app, 'dp0001')
    const phone = await deputy.get(`/api/mp/deputy/cases/${caseId}/phone`)
    expect(phone.body).to.deep.equal({ phone: '13700001111' })
    expect((await (await asDeputy(app, 'dp0002')).get(`/api/mp/deputy/cases/${caseId}/phone`)).status).to.equal(404)
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=case.phone.read')
    expect(audit.body.items).to.have.length(1)
    expect(audit.body.items[0]).to.deep.include({ targetKind: 'case', targetId: caseId })
    expect(audit.body.items[0].details).to.deep.include({ deputyId: 'dp0001' })
  })

  it('hides who wrote an anonymous message from the deputy and staff', async () => {
    const { body } = await author.post('/api/mp/cases', {
      text: '举报小区违建',
      regionId: 'c010101',
      deputyCode: 'DP0001',
      anonymous: true,
      phone: '13700002222',
    })
    const deputy = await asDeputy(app, 'dp0001')
    const seen = await deputy.get(`/api/mp/deputy/cases/${body.id}`)
    expect(seen.body).to.include({ anonymous: true, phoneMasked: null })
    expect((await deputy.get(`/api/mp/deputy/cases/${body.id}/phone`)).body.phone).to.equal(null)
    const staffView = await (await asAdmin(app)).get(`/api/admin/cases/${body.id}`)
    expect(staffView.body).to.include({ residentId: null, phoneMasked: null })
    expect(JSON.stringify(staffView.body)).not.to.include(author.userId)
    expect((await author.get(`/api/mp/cases/${body.id}`)).status, 'the author still follows it').to.equal(200)
  })
})
