import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 李阿姨 taps 点这里，填上我微信绑定的手机号 on the write page instead of typing her number; the page tells
 * her "已用您微信绑定的手机号，代表可以打电话给您". So 张伟, opening her message, must have a
 * number to call — not a message with no way to reach her.
 */
describe('mini-program: the phone a resident leaves through WeChat reaches the deputy', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  async function writesWithWeChatPhone(openid: string, code: string, number: string, anonymous = false) {
    holdPhone(app, openid)
    app.fake.addPhoneCode(code, number)
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.emit('#phone-button', 'getphonenumber', { code, errMsg: 'getPhoneNumber:ok' })
    expect(write.text()).to.include('已用您微信绑定的手机号，代表可以打电话给您')
    await write.type('#text', '楼道里的灯坏了半个月，晚上上下楼看不见')
    if (anonymous) await write.emit('#anonymous', 'change', { value: true })
    await write.tap('#submit')
    const user = await app.liaison.store.mpUsers.getByOpenid(openid)
    const [created] = (await app.liaison.store.cases.search({ residentId: user!.id, limit: 1 })).items
    expect(created, 'the message was sent').to.exist
    return created
  }

  it("shows the deputy the resident's WeChat number on her message", async () => {
    const created = await writesWithWeChatPhone('o-auntie-li', 'phone-code-li', '13655556666')

    await phoneOfZhang(app)
    const page = await openPage(`pages/deputy/case?caseId=${created.id}`)
    expect(page.text()).to.include('联系电话：136****6666')
  })

  it('keeps an anonymous message anonymous: no number goes with it', async () => {
    const created = await writesWithWeChatPhone('o-anonymous-wang', 'phone-code-wang', '13700001111', true)
    expect(created.anonymous).to.equal(true)
    expect(created.phoneEnc, 'no contact phone on an anonymous message').to.equal(null)
  })
})
