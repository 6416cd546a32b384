import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { meetingBody, meetingCity } from '../helpers/meetings.js'

/** Posters, CSV exports and directory imports cost real work: a script cannot loop on them. */
describe('limits on expensive console endpoints', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: meetingCity(), overrides: { limits: { posterCodesPerStaff: 2, exportsPerStaff: 2, importsPerStaff: 1 } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  it('refuses the third poster QR code within ten minutes with 429 and when to come back', async () => {
    const statuses = []
    for (const path of ['/api/admin/deputies/dp0001/qrcode.png', '/api/admin/stations/st001/qrcode.png', '/api/admin/deputies/dp0002/qrcode.png'])
      statuses.push((await admin.get(path)).status)
    expect(statuses).to.deep.equal([200, 200, 429])
    const refused = await admin.get('/api/admin/deputies/dp0001/qrcode.png')
    expect(refused.body.error).to.include({ code: 'rate_limited', message: '生成二维码太频繁了，请 10 分钟后再试' })
    expect(Number(refused.headers.get('retry-after'))).to.be.within(1, 600)
    const other = await asAdmin(app) // another console session has its own count
    expect((await other.get('/api/admin/deputies/dp0001/qrcode.png')).status).to.equal(200)
  })

  it('refuses the third CSV export and the second directory import', async () => {
    const created = await admin.post('/api/admin/meetings', meetingBody())
    expect(created.status, JSON.stringify(created.body)).to.equal(201)
    const csv = `/api/admin/meetings/${created.body.id}/attendance.csv`
    expect([(await admin.get(csv)).status, (await admin.get(csv)).status, (await admin.get(csv)).status]).to.deep.equal([200, 200, 429])
    expect((await admin.post('/api/admin/directory/import', { regions: [] })).status).to.equal(200)
    const again = await admin.post('/api/admin/directory/import', { regions: [] })
    expect(again.status).to.equal(429)
    expect(again.body.error.message).to.equal('导入太频繁了，请 10 分钟后再试')
  })

  it('counts only imports that went in as imports: a file refused for its mistakes can be corrected and sent again at once', async () => {
    const refused = await admin.post('/api/admin/directory/import', { regions: [{ id: 'd01', name: '湛河区', kind: 'district', parentId: 'nowhere' }] })
    expect(refused.status, JSON.stringify(refused.body)).to.equal(422)
    const malformed = await admin.request('POST', '/api/admin/directory/import', '{ "regions": [', { 'content-type': 'application/json' })
    expect(malformed.status).to.equal(400)
    const corrected = await admin.post('/api/admin/directory/import', { regions: [] })
    expect(corrected.status, 'the corrected file is the first import that counts').to.equal(200)
    expect((await admin.post('/api/admin/directory/import', { regions: [] })).status, 'one a session in 10 minutes here').to.equal(429)
  })

  /** A county's file of about 2.5 MB with one mistake in its last line: read and checked in full, then refused. */
  const bigRefusedFile = () => ({
    regions: [
      ...Array.from({ length: 7_500 }, (_, i) => ({
        id: `d${String(i).padStart(6, '0')}`,
        name: `第${i}区${'某'.repeat(90)}`,
        kind: 'district',
        parentId: null,
      })),
      { id: 'c-last', name: '最后一个社区', kind: 'community', parentId: 'nowhere' },
    ],
  })

  it('lets a clerk send a refused file back several times while correcting it, and still import the corrected one', async () => {
    // Here 1 import and 20 MiB of refused files a session (importsPerStaff × importLimitMb), a small file counting 1 MiB.
    for (let attempt = 1; attempt <= 6; attempt++) {
      const refused = await admin.post('/api/admin/directory/import', { regions: [{ id: 'd01', name: '湛河区', kind: 'district', parentId: 'nowhere' }] })
      expect(refused.status, `attempt ${attempt}: ${JSON.stringify(refused.body)}`).to.equal(422)
    }
    const big = await admin.post('/api/admin/directory/import', bigRefusedFile())
    expect(big.status, 'and a big one, refused for its last line').to.equal(422)
    const corrected = await admin.post('/api/admin/directory/import', { regions: [] })
    expect(corrected.status, JSON.stringify(corrected.body)).to.equal(200)
  })

  it('stops a flood of big refused files before reading them, says in Chinese when to try again, and leaves other sessions alone', async () => {
    const statuses: number[] = []
    const file = JSON.stringify(bigRefusedFile())
    expect(Buffer.byteLength(file)).to.be.within(2 << 20, 3 << 20)
    for (let sent = 0; sent < 8; sent++)
      statuses.push((await admin.request('POST', '/api/admin/directory/import', file, { 'content-type': 'application/json' })).status)
    // Each counts 3 MiB of the 20: the seventh brings it to 21, and the eighth is not read.
    expect(statuses).to.deep.equal([422, 422, 422, 422, 422, 422, 422, 429])
    const stopped = await admin.post('/api/admin/directory/import', { regions: [] })
    expect(stopped.status, 'a correct file waits too: the pause is for the session').to.equal(429)
    expect(stopped.body.error.code).to.equal('rate_limited')
    expect(stopped.body.error.message).to.match(/^导入的文件多次没有通过检查，请先核对改好文件，([1-9]|10) 分钟后再试$/)
    expect(Number(stopped.headers.get('retry-after'))).to.be.within(1, 600)
    expect((await (await asAdmin(app)).post('/api/admin/directory/import', { regions: [] })).status, 'another console session imports').to.equal(200)
  })
})
