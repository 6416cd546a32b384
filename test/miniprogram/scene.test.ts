import { expect } from 'chai'
import { createRequire } from 'node:module'
import { loadConfig } from '../../src/config.js'
import { QrCodeRenderer, deputyScene, stationScene } from '../../src/services/qr-codes.js'

// The mini-program is CommonJS, as WeChat loads it.
const require = createRequire(import.meta.url)
const { parseLaunchQuery, parseScanPath } = require('../../miniprogram/utils/scene.js')
const { createRequest } = require('../../miniprogram/utils/request.js')

describe('mini-program: where a resident came from', () => {
  const config = loadConfig()
  const qr = new QrCodeRenderer({ qrLinkPrefix: config.miniprogram.qrLinkPrefix, cityName: config.business.cityName })

  it('reads the deputy from the link our printed posters carry (opened as query.q)', () => {
    // WeChat hands the page the scanned link URL-encoded in `q`.
    const query = { q: encodeURIComponent(qr.linkFor(deputyScene('DP0001'))), scancode_time: '1732240000' }
    expect(parseLaunchQuery(query)).to.deep.include({ deputyCode: 'DP0001', stationCode: null })
    expect(parseLaunchQuery({ q: encodeURIComponent(qr.linkFor(stationScene('ST002'))) })).to.deep.include({ deputyCode: null, stationCode: 'ST002' })
  })

  it('reads a mini-program code scene, and scans on iOS (encoded) and Android (raw)', () => {
    expect(parseLaunchQuery({ scene: encodeURIComponent('d=DP0007') }).deputyCode).to.equal('DP0007')
    expect(parseScanPath('pages/index/index?scene=s%3DST001').stationCode).to.equal('ST001')
    expect(parseScanPath('pages/index/index?scene=s=ST001').stationCode).to.equal('ST001')
  })

  it("reads a meeting's check-in code and a survey poster's code", () => {
    expect(parseLaunchQuery({ scene: encodeURIComponent('m=HY7K2Q') }).meetingCode).to.equal('HY7K2Q')
    expect(parseLaunchQuery({ scene: encodeURIComponent('v=WJ0001') }).surveyCode).to.equal('WJ0001')
  })

  it('ignores a missing, broken or hostile scene instead of failing', () => {
    const nothing = { deputyCode: null, stationCode: null, meetingCode: null, surveyCode: null }
    expect(parseLaunchQuery({})).to.deep.equal(nothing)
    expect(parseLaunchQuery({ scene: '%E0%A4%A' })).to.deep.equal(nothing)
    expect(parseLaunchQuery({ scene: encodeURIComponent('d=<script>') }).deputyCode).to.equal(null)
  })
})

describe('mini-program: talking to the backend', () => {
  const fakeWx = (answer: { statusCode?: number; data?: unknown; fail?: boolean }) => ({
    request(options: any) {
      setImmediate(() => (answer.fail ? options.fail({ errMsg: 'request:fail' }) : options.success({ statusCode: answer.statusCode, data: answer.data })))
    },
  })

  it('hands back the body of a 2xx answer', async () => {
    const request = createRequest(fakeWx({ statusCode: 200, data: { name: '张伟' } }), 'https://x')
    expect(await request('GET', '/api/mp/deputies/DP0001', undefined, { auth: false })).to.deep.equal({ name: '张伟' })
  })

  it("turns an error answer into the backend's own Chinese message, and a dead network into a plain one", async () => {
    const notFound = createRequest(fakeWx({ statusCode: 404, data: { error: { code: 'not_found', message: '未找到该代表' } } }), 'https://x')
    expect(await notFound('GET', '/x', undefined, { auth: false }).catch((e: unknown) => e)).to.deep.include({
      status: 404,
      code: 'not_found',
      message: '未找到该代表',
    })
    const offline = createRequest(fakeWx({ fail: true }), 'https://x')
    expect(((await offline('GET', '/x', undefined, { auth: false }).catch((e: unknown) => e)) as any).message).to.equal('网络不通，请检查网络后重试')
  })
})
