import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * 王阿姨 never tapped WeChat's phone button: she typed her number into 我的信息 (更正我的电话). Nothing keeps where
 * an account's number came from, so 我的 and the write page say "your phone", never "微信绑定的手机号", which
 * she would take to mean WeChat checked it. Only a number WeChat's own button gave on the page is called so.
 */
describe('mini-program: a phone she typed is not called 微信绑定', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('我的 and the write page call it her phone, not 微信绑定的手机号', async () => {
    const wang = await asResident(app, 'o-wang-typed-phone')
    expect((await wang.request('PUT', '/api/mp/me/phone', { phone: '13800000002' })).status).to.equal(200)
    holdPhone(app, 'o-wang-typed-phone')

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('.phone')).to.equal('已保存您的电话，留言时可以直接用')
    expect(mine.text()).not.to.include('微信绑定')

    const write = await openPage('pages/case/new?deputyCode=DP0001')
    expect(write.textOf('#phone-kept')).to.equal('已用您之前留的电话，代表可以打电话给您')
    expect(write.text()).not.to.include('微信绑定')
  })

  it('the write page still says 微信绑定的手机号 right after WeChat’s own button gave it', async () => {
    holdPhone(app, 'o-li-wechat-phone')
    app.fake.addPhoneCode('phone-code-typed-test', '13655557777')
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.emit('#phone-button', 'getphonenumber', { code: 'phone-code-typed-test', errMsg: 'getPhoneNumber:ok' })
    expect(write.textOf('#phone-kept')).to.equal('已用您微信绑定的手机号，代表可以打电话给您')
  })
})
