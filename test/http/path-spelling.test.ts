import { expect } from 'chai'
import { request } from 'node:http'
import { ADMIN_PASSWORD, asAdmin, startApp, type TestApp } from '../helpers/app.js'
import { meetingCity } from '../helpers/meetings.js'

interface RawAnswer {
  status: number
  text: string
}

const YEAR_2027 = { year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] }

/**
 * The routers ignore case and a trailing slash: `/API/admin/stations/st001/` reaches the
 * same handler as `/api/admin/stations/st001`. The console's Origin check and the limits on
 * expensive endpoints hold whatever the spelling, and importing a calendar year is limited
 * like importing a directory.
 */
describe('console guards whatever the spelling of the path', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { limits: { posterCodesPerStaff: 2, exportsPerStaff: 2, importsPerStaff: 2 } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** node:http, not fetch: fetch sets Origin itself. */
  const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<RawAnswer>((resolve, reject) => {
      const req = request(app.baseUrl + path, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }))
      })
      req.on('error', reject)
      req.end(body)
    })
  const cookieOf = async () => {
    const login = await new Promise<string>((resolve, reject) => {
      const req = request(`${app.baseUrl}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume()
        resolve(String(res.headers['set-cookie']![0]).split(';')[0]!)
      })
      req.on('error', reject)
      req.end(JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }))
    })
    return login
  }
  const address = async () => (await (await asAdmin(app)).get('/api/admin/stations/st001')).body.address

  it('refuses a cookie-carried change without Origin on /API/admin/… and /api/Admin/… too, and changes nothing', async () => {
    const cookie = await cookieOf()
    for (const path of ['/API/admin/stations/st001', '/api/Admin/stations/st001', '/Api/ADMIN/stations/st001/']) {
      const res = await raw('PATCH', path, { cookie, 'content-type': 'application/json' }, JSON.stringify({ address: '被伪造的地址' }))
      expect(res.status, `${path} ${res.text}`).to.equal(403)
      expect(JSON.parse(res.text).error.code).to.equal('origin_refused')
    }
    expect(await address()).to.equal('建设路1号')
  })

  it('counts a poster QR code asked for with a trailing slash or in capitals against the same limit', async () => {
    const cookie = await cookieOf()
    const statuses = []
    for (const path of [
      '/api/admin/deputies/dp0001/qrcode.png',
      '/api/admin/deputies/dp0001/qrcode.png/',
      '/API/admin/deputies/dp0001/qrcode.png',
      '/api/admin/stations/st001/QRCODE.PNG',
    ]) {
      statuses.push((await raw('GET', path, { cookie })).status)
    }
    expect(statuses).to.deep.equal([200, 200, 429, 429])
  })

  it('limits calendar-year imports per console session, like directory imports', async () => {
    const admin = await asAdmin(app)
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await admin.post('/api/admin/calendar/years', YEAR_2027)).status)
    expect(statuses).to.deep.equal([201, 200, 429])
    const refused = await admin.post('/api/admin/calendar/years/', YEAR_2027)
    expect(refused.status).to.equal(429)
    expect(refused.body.error).to.include({ code: 'rate_limited', message: '导入太频繁了，请 10 分钟后再试' })
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 600)
    expect((await (await asAdmin(app)).post('/api/admin/directory/import', { regions: [] })).status, 'directory imports are counted apart').to.equal(200)
  })

  it('reads a directory import sent to /api/admin/directory/import/ as the import route does', async () => {
    const admin = await asAdmin(app)
    const res = await admin.post('/api/admin/directory/import/', { regions: [] })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    expect(res.body.created).to.include({ regions: 0 })
  })
})
