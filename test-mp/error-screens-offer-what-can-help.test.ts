import { expect } from 'chai'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openOffline, openPage, settle, type MpPage } from './harness/page.js'
import { photoOnPhone } from './harness/photos.js'
import { phone } from './harness/wx.js'

const require = createRequire(import.meta.url)
const { request } = require('../miniprogram/utils/request.js')

/** The buttons the error screen offers, by the words on them (the card shows each one's words). */
function offered(page: MpPage) {
  const buttons = [page.has('#load-failed >>> .retry') && '再试一次', page.has('#load-failed >>> .home') && '返回首页'].filter(Boolean) as string[]
  for (const words of buttons) expect(page.textOf('#load-failed')).to.include(words)
  return buttons
}

/**
 * An error screen offers what can help: 再试一次 when the failure may pass (no signal, the
 * server down), 返回首页 when it will not however often she taps (the message is not there, the
 * page is not hers). And the words are ones she understands: no 登录凭证, and a photo a proxy
 * refuses as too big is called too big, not "服务暂时不可用".
 */
describe('mini-program: error screens offer what can help, in plain words', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('offers 返回首页, not 再试一次, for a message that is not there, and takes her home', async () => {
    holdPhone(app, 'o-no-such-message')
    const page = await openPage('pages/case/detail?caseId=cs-00000000-0000-7000-8000-000000000000')
    expect(page.textOf('#load-failed')).to.include('留言不存在')
    expect(offered(page)).to.deep.equal(['返回首页'])
    await page.tap('#load-failed >>> .home')
    expect(phone.navigations.at(-1)).to.deep.equal({ how: 'reLaunch', url: '/pages/index/index' })
  })

  it('still offers 再试一次 for the same page when there is no signal', async () => {
    const r = await asResident(app, 'o-offline-message')
    const made = (await r.post('/api/mp/cases', { text: '楼道灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })).body
    holdPhone(app, 'o-offline-message')
    const page = await openOffline(`pages/case/detail?caseId=${made.id}`)
    expect(page.textOf('#load-failed')).to.include('网络不通')
    expect(offered(page)).to.deep.equal(['再试一次'])
    await page.tap('#load-failed >>> .retry')
    expect(page.text()).to.include('楼道灯坏了')
  })

  it("offers a resident who opens a deputy's message page 返回首页, not 再试一次", async () => {
    const r = await asResident(app, 'o-not-a-deputy')
    const made = (await r.post('/api/mp/cases', { text: '路灯坏了', regionId: 'c010101', deputyCode: 'DP0001' })).body
    holdPhone(app, 'o-not-a-deputy')
    const page = await openPage(`pages/deputy/case?caseId=${made.id}`)
    expect(page.textOf('#load-failed')).to.include('此功能仅限已绑定的人大代表使用')
    expect(offered(page)).to.deep.equal(['返回首页'])
  })

  it('says in plain words that WeChat login did not work, and trying again does work', async () => {
    holdPhone(app, 'o-refused-login')
    const good = phone.loginCode
    phone.storage.set('session.token', 'stale')
    phone.loginCode = () => 'a-code-wechat-no-longer-knows'
    const page = await openPage('pages/case/list')
    expect(page.textOf('#load-failed')).to.include('微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开')
    expect(page.text()).not.to.include('凭证')
    phone.loginCode = good
    await page.tap('#load-failed >>> .retry')
    expect(page.text()).to.include('还没有留言')
  })

  describe('behind a proxy that refuses big uploads with its own page', () => {
    let proxy: Server
    before(async () => {
      // nginx's answer to a body over client_max_body_size: HTML, not the backend's JSON.
      proxy = createServer((req, res) => {
        req.resume()
        res.writeHead(413, { 'content-type': 'text/html' })
        res.end(
          '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>',
        )
      })
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    })
    after(() => proxy.close())

    it('says the photo is too big, not that the service is unavailable', async () => {
      holdPhone(app, 'o-big-photo')
      await request.login()
      const backend = phone.backend
      phone.backend = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
      try {
        const refused = await request.upload('/api/mp/uploads', photoOnPhone('tmp_big.jpg')).catch((e: unknown) => e)
        expect(refused).to.deep.include({ status: 413, message: '照片太大，传不上去，请换一张小一点的照片' })
      } finally {
        phone.backend = backend
        await settle()
      }
    })
  })
})
