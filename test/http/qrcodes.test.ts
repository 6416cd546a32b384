import { expect } from 'chai'
import jsQRModule from 'jsqr'
import { PNG } from 'pngjs'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

// jsqr is CommonJS whose types describe an ES default export.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as typeof jsQRModule.default

/** Reads a QR code the way a phone would: from the pixels of the PNG. */
function scan(png: Buffer) {
  const image = PNG.sync.read(png)
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  return { text: code?.data ?? null, width: image.width, height: image.height }
}

describe('printable QR codes', () => {
  let app: TestApp
  let admin: Client
  before(async () => {
    app = await startApp({ directory: smallCity() })
    admin = await asAdmin(app)
  })
  after(() => app.close())

  it('gives a deputy a code that opens the mini-program with scene d=<code>', async () => {
    const answer = await admin.get('/api/admin/deputies/dp0001/qrcode.png')
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('content-type')).to.equal('image/png')
    const { text, width, height } = scan(answer.body)
    expect(text).to.equal('https://liaison.example.gov.cn/mp?scene=d%3DDP0001')
    expect(height, 'room for the name under the code').to.be.greaterThan(width)
  })

  it('gives a station a code with scene s=<code>', async () => {
    const answer = await admin.get('/api/admin/stations/st002/qrcode.png')
    expect(scan(answer.body).text).to.equal('https://liaison.example.gov.cn/mp?scene=s%3DST002')
  })

  it('prints the name under the code', async () => {
    // The label area below the code is not blank: the name and station were drawn there.
    const image = PNG.sync.read((await admin.get('/api/admin/deputies/dp0001/qrcode.png')).body)
    let dark = 0
    for (let y = image.width; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) if (image.data[(y * image.width + x) * 4] < 128) dark++
    }
    expect(dark).to.be.greaterThan(500)
  })

  it('gives the poster page the code alone with ?plain=1, which says the name and address itself', async () => {
    // The page prints the station's name, address and "扫一扫" large: drawn small under the code too, each was said twice.
    for (const path of ['/api/admin/stations/st002/qrcode.png', '/api/admin/deputies/dp0001/qrcode.png']) {
      const plain = scan((await admin.get(`${path}?plain=1`)).body)
      expect(plain.text, path).to.match(/^https:\/\/liaison\.example\.gov\.cn\/mp\?scene=/)
      expect(plain.height, `${path}: no room for words under the code`).to.equal(plain.width)
      const captioned = scan((await admin.get(path)).body)
      expect(captioned.height, `${path}: printed on its own it keeps its words`).to.be.greaterThan(captioned.width)
    }
  })

  it('is for console users only, and 404 for an unknown deputy', async () => {
    expect((await new Client(app.baseUrl).get('/api/admin/deputies/dp0001/qrcode.png')).status).to.equal(401)
    expect((await admin.get('/api/admin/deputies/dp9999/qrcode.png')).status).to.equal(404)
  })
})
