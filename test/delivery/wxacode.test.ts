import { expect } from 'chai'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { asAdmin, type TestApp } from '../helpers/app.js'
import { startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default

describe('poster codes when WeChat is configured', () => {
  let app: TestApp & { fake: FakeWeChat }
  before(async () => {
    app = await startWithWeChat()
  })
  after(() => app.close())

  it("asks WeChat for a mini-program code with the deputy's scene and the landing page", async () => {
    const answer = await (await asAdmin(app)).get('/api/admin/deputies/dp0001/qrcode.png')
    expect(answer.headers.get('content-type')).to.equal('image/png')
    const [request] = app.fake.received('/wxa/getwxacodeunlimit')
    expect(request.body).to.deep.include({ scene: 'd=DP0001', page: 'pages/index/index' })
    expect(PNG.sync.read(answer.body).height).to.be.greaterThan(PNG.sync.read(answer.body).width)
  })

  it('falls back to the local QR code when WeChat refuses', async () => {
    app.fake.failNext('/wxa/getwxacodeunlimit', -1)
    const answer = await (await asAdmin(app)).get('/api/admin/stations/st001/qrcode.png')
    const image = PNG.sync.read(answer.body)
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).to.equal('https://liaison.example.gov.cn/mp?scene=s%3DST001')
  })
})
