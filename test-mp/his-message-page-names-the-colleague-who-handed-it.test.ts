import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { created, stationStaff } from './office.js'

/**
 * 张伟 hands a message to 王芳 (转交); she hands it back (交回). Opening the message itself, each reads where it stands
 * as the workbench line says it ("张伟代表转给您", "王芳代表交回给您"), not "新留言，还没受理" under a number one of them
 * has handled already. The station giving it back to her, who had it before, reads 再次交给您 (review 37, finding 3).
 */
describe('mini-program: his message page names the colleague who handed it to him', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z')) // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  async function statusOn(deputyId: string, caseId: string) {
    holdPhone(app, `o-deputy-${deputyId}`)
    const page = await openPage(`pages/deputy/case?caseId=${caseId}`)
    const status = page.textOf('.status')
    page.close()
    return status
  }

  it('张伟代表转给您, then 王芳代表交回给您, each with by when to 受理; the station giving it back is 再次交给您', async () => {
    const resident = await asResident(app)
    const { id } = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '王芳代表联系这个小区', deputyCode: 'DP0002' })).status).to.equal(200)

    const wang = await asDeputy(app, 'dp0002')
    expect(await statusOn('dp0002', id)).to.equal('张伟代表转给您，请在11月24日（星期二）上午10:00前受理')

    expect((await wang.post(`/api/mp/deputy/cases/${id}/transfer`, { reason: '还是张代表就近办理更方便', deputyCode: 'DP0001' })).status).to.equal(200)
    await asDeputy(app, 'dp0001')
    expect(await statusOn('dp0001', id)).to.equal('王芳代表交回给您，请在11月24日（星期二）上午10:00前受理')

    const lina = await stationStaff(app)
    expect((await lina.post(`/api/admin/cases/${id}/assign`, { deputyId: 'dp0002', note: '请王芳代表办理' })).status).to.equal(200)
    await asDeputy(app, 'dp0002')
    // Hers before (she handed it on to 张伟): the station gives it back to her, 再次交给您 (review 37, finding 3).
    expect(await statusOn('dp0002', id), 'placed by the station').to.equal('再次交给您，请在11月24日（星期二）上午10:00前受理')
  })
})
