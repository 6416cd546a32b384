import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

/**
 * An auditor reading 查看留言人电话 tells the number she left as her contact phone from one read out of her words,
 * which may be someone else's ("物业电话 0571-…"): each entry says which (review 33, F6).
 */
describe('the audit of a deputy reading a resident’s number says where it came from', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('records the contact phone as 留言人留的联系电话 and a number in her words as 留言内容里写的电话', async () => {
    const resident = await asResident(app)
    const zhang = await asDeputy(app, 'dp0001')
    const field = (await resident.post('/api/mp/cases', { text: '学校门口没有斑马线', regionId: 'c010101', deputyCode: 'DP0001', phone: '13700002222' })).body
    const inText = (await resident.post('/api/mp/cases', { text: '路灯坏了，物业电话0571-87654321没人接', regionId: 'c010101', deputyCode: 'DP0001' })).body
    expect((await zhang.get(`/api/mp/deputy/cases/${field.id}/phone`)).body).to.deep.equal({ phone: '13700002222' })
    expect((await zhang.get(`/api/mp/deputy/cases/${inText.id}/phone`)).body).to.deep.equal({ phone: '057187654321' })

    const entries = (await (await asAdmin(app)).get('/api/admin/audit?action=case.phone.read')).body.items
    const byCase = (id: string) => entries.find((e: { targetId: string }) => e.targetId === id)
    expect(byCase(field.id).details).to.deep.include({ deputyId: 'dp0001', source: 'field' })
    expect(byCase(field.id).detailWords).to.equal('留言人留的联系电话')
    expect(byCase(inText.id).details).to.deep.include({ deputyId: 'dp0001', source: 'text' })
    expect(byCase(inText.id).detailWords).to.equal('留言内容里写的电话')
  })
})
