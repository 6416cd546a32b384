import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 taps 转交他人 and writes "请王芳代表办理" in the reason box. Nothing is chosen for him: the
 * station's queue is a choice he makes, not one made for him, so 确认转交 with nobody picked asks
 * 请选择转给谁 and sends nothing. Once he has handed it on, the number he had revealed is gone.
 */
describe('mini-program: 转交他人 opens with nobody chosen', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('nothing 已选; 确认转交 asks 请选择转给谁 and the message stays his', async () => {
    const resident = await asResident(app)
    const c = await created(resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001' }))
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    await page.tap('.show-transfer')
    expect(page.textOf('.form')).to.include('交回轻工街道代表联络站，由工作人员分派').and.include('王芳 代表').and.not.include('已选')

    await page.type('.transfer-reason', '请王芳代表办理')
    phone.requests.length = 0
    await page.tap('.transfer')
    expect(page.textOf('.transfer-error'), 'beside 确认转交').to.equal('请选择转给谁')
    expect(phone.requests, 'nothing sent').to.deep.equal([])
    expect(page.textOf('.status')).to.equal('新留言，请在11月24日（星期二）上午10:00前受理')

    await page.tap('.to-DP0002')
    await page.tap('.transfer')
    expect(page.text()).to.include('这条留言已转给王芳代表办理，您不用再处理')
  })

  it('the whole number he revealed to call her is no longer on the page once he has handed it on', async () => {
    const resident = await asResident(app)
    const c = await created(
      resident.post('/api/mp/cases', { text: '小区门口的垃圾好几天没人清运', regionId: 'c010101', deputyCode: 'DP0001', phone: '13912345678' }),
    )
    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${c.id}`)
    await page.tap('.call-phone')
    expect(page.text()).to.include('联系电话：13912345678')

    await page.tap('.show-transfer')
    await page.tap('.to-DP0002')
    await page.type('.transfer-reason', '王芳代表联系这个小区')
    await page.tap('.transfer')
    expect(page.text()).to.include('这条留言已转给王芳代表办理').and.not.include('13912345678')
    expect(page.has('.call-phone')).to.equal(false)
  })
})
