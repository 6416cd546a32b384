import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'
import { asStaff, suggestionAt, told } from '../helpers/suggestions.js'

/**
 * 张伟's suggestion on street lights went to 市住建局 as lead (主办), 湛河区人民政府 helping (协办). 市住建局 asks for
 * 湛河区人民政府 to lead instead, and 孙丽 of the office agrees. 市住建局 is told it is done with it and is reminded no
 * more; 湛河区人民政府 is told it leads now and by when to answer; 张伟, told at 交办 which unit had it, is told which
 * has it now.
 */
describe('代表建议: who is told what when the office gives the lead (主办) to another unit', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity() })
  })
  afterEach(() => app.close())

  it('tells the old lead it is done, the new lead it is theirs and by when, and the deputy which unit has it now', async () => {
    const { id } = await suggestionAt(app, 'assigned')
    const chengang = await asStaff(app, 'chengang') // 市住建局 (u01), the lead
    const asked = await chengang.post(`/api/unit/suggestions/${id}/requests`, { kind: 'change_unit', reason: '属区里的事', proposedUnitId: 'u02' })
    expect(asked.status, JSON.stringify(asked.body)).to.equal(201)
    const sunli = await asStaff(app, 'sunli')
    const approved = await sunli.post(`/api/admin/suggestions/${id}/requests/${asked.body.requests[0].id}/decision`, { approve: true })
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200)
    const { number, assignment } = approved.body as { number: string; assignment: { deadline: string } }

    expect(await told(app, 'suggestion.request_decided')).to.deep.equal([
      `staff:sf21 → 建议 ${number}《建设路加装路灯》：同意改由 湛河区人民政府 主办。这件建议不再由你单位办理，不用再答复。`,
    ])
    const assigned = await told(app, 'suggestion.assigned')
    expect(assigned).to.include(
      `staff:sf22 → 代表建议 ${number}《建设路加装路灯》改由你单位主办（原主办单位市住房和城乡建设局申请更换，已同意），请于 ${assignment.deadline} 前答复。`,
    )
    expect(assigned).to.include(`deputy:dp0001 → 您的建议 ${number}《建设路加装路灯》改由 湛河区人民政府 主办（原来是 市住房和城乡建设局）。`)

    // The old lead no longer lists it, and the office's 催办 reaches the new lead only.
    expect((await chengang.get('/api/unit/suggestions')).body.items).to.deep.equal([])
    expect((await sunli.post(`/api/admin/suggestions/${id}/urge`, {})).status).to.equal(200)
    expect((await told(app, 'suggestion.urged')).map((t) => t.split(' → ')[0])).to.deep.equal(['staff:sf22'])
    // 张伟's page names the new lead.
    const page = await (await asDeputy(app, 'dp0001')).get(`/api/mp/deputy/suggestions/${id}`)
    expect(page.body.assignment.leadUnit.name).to.equal('湛河区人民政府')
  })
})
