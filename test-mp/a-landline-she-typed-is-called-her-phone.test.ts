import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 赵阿姨, 71, has no mobile: the number on her account is the landline at home, 0375-2345678. In 我的信息 she
 * corrects it (更正) to the new one, then takes it off. What the page lists and what each answer says call it
 * her 电话: "手机号" would tell her she gave the wrong kind of number. A mobile is still a 手机号.
 */
describe('mini-program: a landline she typed is called her 电话, not her 手机号', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('lists it, corrects it and removes it as her 电话', async () => {
    const zhao = await asResident(app, 'o-zhao-landline')
    expect((await zhao.request('PUT', '/api/mp/me/phone', { phone: '0375-2345678' })).status).to.equal(200)
    holdPhone(app, 'o-zhao-landline')
    phone.storage.set('care.mode', 'on')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    expect(data.textOf('#summary')).to.include('联系电话：有（账号里的电话）')
    expect(data.textOf('.fix-row')).to.include('账号里的电话：03752345678')
    await data.tap('#show-all')
    expect(data.textOf('#all-text')).to.include('账号里的电话：03752345678')

    await data.tap('#edit-account')
    await data.type('#phone-account', '0375-2345679')
    await data.tap('#save-account')
    expect(data.textOf('#fix-message')).to.equal('已改好您账号里的电话。')
    expect(data.textOf('.fix-row')).to.include('账号里的电话：03752345679')

    phone.modalAnswers.push(true)
    await data.tap('#drop-account')
    expect(data.textOf('#fix-message')).to.equal('已删除您账号里的电话。')
    expect(data.text(), 'never called a mobile').not.to.include('手机号')
  })

  it('still calls a mobile her 手机号', async () => {
    const wang = await asResident(app, 'o-wang-mobile')
    expect((await wang.request('PUT', '/api/mp/me/phone', { phone: '13800000001' })).status).to.equal(200)
    holdPhone(app, 'o-wang-mobile')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    await data.tap('#edit-account')
    await data.type('#phone-account', '13800000002')
    await data.tap('#save-account')
    expect(data.textOf('#fix-message')).to.equal('已改好您账号里的手机号。')
    expect(data.textOf('.fix-row')).to.include('账号里的手机号：13800000002')
  })
})
