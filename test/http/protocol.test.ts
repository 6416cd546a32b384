import { expect } from 'chai'
import { request } from 'node:http'
import { ADMIN_PASSWORD, asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

interface RawAnswer {
  status: number
  headers: Headers
  text: string
  url: string
  json(): Promise<any>
}

/** What every answer carries, and what the server does with requests it cannot take. */
describe('HTTP protocol: methods, headers, and where console changes may come from', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({
      directory: smallCity(),
      overrides: { http: { allowedOrigins: ['https://console.example.gov.cn'] }, limits: { mpLoginsPerAddress: 3 } },
    })
  })
  afterEach(() => app.close())

  /** node:http, not fetch: fetch refuses TRACE and manages Origin itself, and these tests set both by hand. */
  const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const req = request(app.baseUrl + path, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), text, url: path, json: async () => JSON.parse(text) })
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  const expectJsonError = async (res: RawAnswer, status: number, code: string) => {
    expect(res.status, res.text).to.equal(status)
    expect(res.headers.get('content-type')).to.match(/^application\/json/)
    const body = await res.json()
    expect(body.error).to.include({ code })
    expect(body.error.message).to.match(/[\u4e00-\u9fff]/)
    expect(body.error.details).to.be.an('array')
  }

  it('answers a wrong method with 405, the Allow header and the JSON error body', async () => {
    const res = await raw('DELETE', '/api/mp/regions')
    await expectJsonError(res, 405, 'method_not_allowed')
    expect(res.headers.get('allow')).to.include('GET')
  })

  it('answers TRACE and PROPFIND with 501 in the JSON error body, and unknown paths with 404', async () => {
    await expectJsonError(await raw('TRACE', '/api/mp/regions'), 501, 'not_implemented')
    await expectJsonError(await raw('PROPFIND', '/'), 501, 'not_implemented')
    await expectJsonError(await raw('GET', '/api/mp/nothing-here'), 404, 'route_not_found')
  })

  it('sends the security headers on every answer, errors included', async () => {
    for (const res of [
      await raw('GET', '/api/mp/regions'),
      await raw('GET', '/nothing'),
      await raw('POST', '/api/admin/login', { 'content-type': 'application/json' }, '{'),
    ]) {
      expect(res.headers.get('x-content-type-options'), res.url).to.equal('nosniff')
      expect(res.headers.get('content-security-policy')).to.include("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).to.equal('DENY')
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer')
    }
  })

  describe('console changes carried by the session cookie', () => {
    const cookieOf = async () => {
      const res = await raw('POST', '/api/admin/login', { 'content-type': 'application/json' }, JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }))
      return res.headers.get('set-cookie')!.split(';')[0]
    }
    const patchAddress = (cookie: string, headers: Record<string, string>) =>
      raw('PATCH', '/api/admin/stations/st001', { cookie, 'content-type': 'application/json', ...headers }, JSON.stringify({ address: '被伪造的地址' }))
    const address = async () => (await (await asAdmin(app)).get('/api/admin/stations/st001')).body.address

    it('refuses one from another site, or with no Origin at all, and changes nothing', async () => {
      const cookie = await cookieOf()
      await expectJsonError(await patchAddress(cookie, { origin: 'https://evil.example' }), 403, 'origin_refused')
      await expectJsonError(await patchAddress(cookie, { origin: 'null' }), 403, 'origin_refused')
      const missing = await patchAddress(cookie, {})
      expect(missing.status).to.equal(403)
      expect((await missing.json()).error.message).to.include('Origin')
      expect(await address()).to.equal('建设路1号')
    })

    it("takes one from the server's own pages and from a configured origin; reads need no Origin", async () => {
      const cookie = await cookieOf()
      expect((await patchAddress(cookie, { origin: app.baseUrl })).status).to.equal(200)
      expect((await patchAddress(cookie, { origin: 'https://console.example.gov.cn' })).status).to.equal(200)
      expect((await raw('GET', '/api/admin/stations/st001', { cookie })).status).to.equal(200)
      expect(await address()).to.equal('被伪造的地址')
    })

    it('leaves requests without the cookie alone, and the login itself: logging in from curl works', async () => {
      const login = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD })
      expect((await raw('POST', '/api/admin/login', { 'content-type': 'application/json' }, login)).status).to.equal(200)
      const cookie = await cookieOf()
      expect((await raw('POST', '/api/admin/login', { cookie, 'content-type': 'application/json' }, login)).status, 'again, over the old cookie').to.equal(200)
    })
  })

  it('throttles mini-program logins from one address', async () => {
    const resident = new Client(app.baseUrl)
    const tries = []
    for (let i = 0; i < 4; i++) tries.push(await resident.post('/api/mp/login', { code: `code-${i}` }))
    expect(tries.slice(0, 3).map((t) => t.status)).to.deep.equal([503, 503, 503]) // WeChat is not configured here
    expect(tries[3].status).to.equal(429)
    expect(tries[3].body.error).to.include({ code: 'rate_limited' })
    expect(Number(tries[3].headers.get('retry-after'))).to.be.greaterThan(0)
  })
})
