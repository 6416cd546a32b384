import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * 王阿姨 types her number a digit short when she writes, and a number without its area code when she corrects it
 * in 我的信息: each time the page says what she typed and what to type instead, in the server's words, where she
 * pressed (never a bare 电话号码无效).
 */
describe('mini-program: a mistyped phone says what she typed and what to type instead', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('on the write page, a mobile a digit short', async () => {
    holdPhone(app, 'o-wang-short')
    const write = await openPage('pages/case/new')
    await write.tap('#agree')
    await write.emit('#place', 'change', { value: write.data.placeLabels.findIndex((l: string) => l.includes('建设路社区')) })
    await write.type('#text', '楼道里的灯不亮了')
    await write.type('#phone', '1391234567')
    await write.tap('#submit')
    expect(write.textOf('.form-error')).to.equal('电话号码“1391234567”不对：手机号是 11 位数字，这里是 10 位')
  })

  it('in 我的信息, a landline without its area code', async () => {
    const wang = await asResident(app, 'o-wang-landline')
    expect((await wang.request('PUT', '/api/mp/me/phone', { phone: '13800000001' })).status).to.equal(200)
    holdPhone(app, 'o-wang-landline')
    const data = await openPage('pages/mine/data')
    await data.tap('#export')
    await data.tap('#edit-account')
    await data.type('#phone-account', '2345678')
    await data.tap('#save-account')
    expect(data.textOf('#fix-error')).to.equal('电话号码“2345678”不对，请填 11 位手机号，或带区号的座机号（如 0375-2345678）')
  })
})
