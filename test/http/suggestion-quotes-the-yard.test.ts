import { expect } from 'chai'
import { asDeputy, asResident, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, draft } from '../helpers/suggestions.js'

/**
 * 刘建国's suggestion quotes the message it came from. Review 37's finding 10 had the quote keep "建设路社区3号院" as his
 * case page shows it; the security review's finding 5 took that back: the quote is a resident's words, read by every
 * deputy who co-signs, of any station, who never handled her message. Her yard is masked in the quote, as her
 * building, entrance and room are; the deputy's own text says the place in his words, as he wrote it.
 */
describe('代表建议: the message a suggestion quotes keeps a resident’s yard masked; his own text says it', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
    app.clock.set(new Date('2026-11-25T02:00:00Z'))
  })
  afterEach(() => app.close())

  const writeToZhang = async (text: string) => {
    const resident = await asResident(app)
    const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return { resident, caseId: sent.body.id as string, ticket: sent.body.ticket as string }
  }

  it('quotes "建设路社区（门牌号已隐去）" while his own text says 3号院', async () => {
    const { caseId, ticket } = await writeToZhang('建设路社区3号院有人在楼顶私搭乱建，城管说归街道，街道说归城管')
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.get(`/api/mp/deputy/cases/${caseId}`)).body.text).to.include('建设路社区3号院有人在楼顶私搭乱建')
    const { body: s } = await zhang.post(
      '/api/mp/deputy/suggestions',
      draft({ title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建，城管和街道互相推，建议区里明确牵头单位。', caseIds: [caseId] }),
    )
    expect(s.cases).to.deep.equal([{ id: caseId, ticket, title: '建设路社区（门牌号已隐去）有人在楼顶私搭乱建…' }])
    expect(s.body, 'his own words, as he wrote them').to.include('建设路社区3号院楼顶违建')
    expect((await (await asStaff(app, 'sunli')).get(`/api/admin/suggestions/${s.id}`)).body.cases[0].title, 'the office reads it so too').to.equal(
      '建设路社区（门牌号已隐去）有人在楼顶私搭乱建…',
    )
  })

  it('masks a resident’s home and yard in the quote that co-signing colleagues read, and after she is erased', async () => {
    const home = await writeToZhang('我家住建设路社区3号院5号楼2单元501室，楼顶漏水三个月了')
    const yard = await writeToZhang('建设路社区3号院有人在楼顶私搭乱建，城管说归街道管')
    const zhang = await asDeputy(app, 'dp0001')
    const { body: s } = await zhang.post('/api/mp/deputy/suggestions', draft({ caseIds: [home.caseId, yard.caseId] }))
    await zhang.post(`/api/mp/deputy/suggestions/${s.id}/cosign-invitation`, {})
    const wang = await asDeputy(app, 'dp0002')
    const cosigned = (await wang.post(`/api/mp/deputy/suggestions/${s.id}/cosign`)).body
    const quoted = cosigned.cases.map((c: { title: string }) => c.title)
    expect(quoted).to.deep.equal(['我家住建设路社区（门牌号已隐去）…', '建设路社区（门牌号已隐去）有人在楼顶私搭乱建…'])

    expect((await yard.resident.request('DELETE', '/api/mp/me')).status).to.equal(200)
    const after = (await zhang.get(`/api/mp/deputy/suggestions/${s.id}`)).body.cases.map((c: { title: string }) => c.title)
    expect(after[1], 'erased: the strict mask, yard and all').to.equal('建设路社区（门牌号已隐去）有人在楼顶私搭乱建…')
  })
})
