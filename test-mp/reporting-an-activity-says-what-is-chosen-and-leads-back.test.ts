import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'
import { phoneOfZhang } from './office.js'

/**
 * 报告履职活动: 张伟 sees which kind of activity is chosen in words (✓ 已选), not by colour alone,
 * and once it is sent a button takes him back to his 履职档案, where it shows as 待审核.
 */
describe('mini-program: reporting an activity says what is chosen and leads back to the record', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  async function fillIn(form: MpPage) {
    await form.emit('.date', 'change', { value: '2026-11-20' })
    await form.type('.place', '建设路社区')
    await form.emit('.what', 'change', { value: '视察老旧小区加装电梯工程进度' })
    phone.photos.push(photoOnPhone('tmp_visit.jpg'))
    await form.tap('#add-photo')
  }

  it('says 已选 on the kind he picked, and after 已提交 takes him back to 履职档案, which shows it', async () => {
    await phoneOfZhang(app)
    const record = await openPage('pages/records/index')
    await record.tap('.report-activity')
    const form = await follow()
    expect(form.textOf('.kind-research'), 'the kind chosen until he picks another').to.equal('调研✓ 已选')
    expect(form.textOf('.kind-inspection')).to.equal('视察')

    await form.tap('.kind-inspection')
    expect(form.textOf('.kind-inspection')).to.equal('视察✓ 已选')
    expect(form.textOf('.kind-research')).to.equal('调研')

    await fillIn(form)
    await form.tap('.submit')
    expect(form.text(), form.textOf('.error')).to.include('已提交，联络站工作人员审核通过后计入您的履职档案。').and.include('回到我的履职档案')
    await form.tap('.back-to-records')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'navigateBack', url: '' })
    await record.show()
    expect(record.textOf('.activity')).to.include('视察 · 建设路社区').and.include('待审核')
  })

  it('opens 履职档案 in its place when the form was not opened from it', async () => {
    await phoneOfZhang(app)
    const form = await openPage('pages/records/report')
    await fillIn(form)
    await form.tap('.submit')
    await form.tap('.back-to-records')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'redirectTo', url: '/pages/records/index' })
    expect((await follow()).text()).to.include('待审核')
  })
})
