import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * 王阿姨 never tapped the WeChat phone button; she typed a number into 更正我的电话. Her 我的信息 page must not tell her
 * it is "微信绑定的手机号" (WeChat never checked it): it is the phone on her account.
 */
describe('mini-program: a phone she typed on her account is not called WeChat-bound', () => {
  let app: Backend
  afterEach(() => app.close())

  it('says 账号里的手机号 on the page and in her copy', async () => {
    app = await startBackend()
    holdPhone(app, 'o-wang-ayi-typed')
    const me = await asResident(app, 'o-wang-ayi-typed')
    expect((await me.request('PUT', '/api/mp/me/phone', { phone: '13800000001' })).status).to.equal(200)
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    expect(data.textOf('#summary')).to.include('联系电话：有（账号里的手机号）')
    expect(data.textOf('.fix-row')).to.include('账号里的手机号：13800000001')
    await data.tap('#show-all')
    expect(data.textOf('#all-text')).to.include('账号里的手机号：13800000001').and.not.include('微信绑定')
  })
})
