import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 赵阿姨 wrote her number into her message instead of leaving it as her contact phone. 张伟 reads her words with the
 * number masked, in 我的待办 and on the message, the same masked number under them, and 打电话给群众 gives him the
 * whole number and dials it: the one way to it, read and audited.
 */
describe('mini-program: a deputy reads the number she wrote masked, and calls it', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('shows （已隐去） in her words and 139****5678 under them; 打电话给群众 dials the whole number', async () => {
    const resident = await asResident(app)
    const written = await created(
      resident.post('/api/mp/cases', { text: '楼道灯坏了半个月，我电话13912345678，晚上在家', regionId: 'c010101', deputyCode: 'DP0001' }),
    )
    await phoneOfZhang(app)
    const workbench = await openPage('pages/deputy/index')
    expect(workbench.textOf('.task')).to.include('楼道灯坏了半个月，我电话（已隐去），晚上在家').and.not.include('13912345678')

    await workbench.tap('.task')
    const page = await follow()
    expect(page.path).to.equal('pages/deputy/case')
    expect(page.textOf('.body')).to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
    expect(page.textOf('.phone')).to.equal('联系电话：139****5678')
    expect(page.text()).not.to.include('13912345678')

    await page.tap('.call-phone')
    expect(page.textOf('.phone')).to.equal('联系电话：13912345678')
    expect(phone.calls).to.deep.equal(['13912345678'])
    expect(page.textOf('.body'), 'her words stay as they were shown').to.equal('楼道灯坏了半个月，我电话（已隐去），晚上在家')
  })
})
