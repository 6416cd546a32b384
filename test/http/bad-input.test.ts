import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity } from '../fixtures.js'

/** Every kind of bad input gets a clear 4xx in the one error format and changes nothing. */
describe('bad input', () => {
  let app: TestApp
  let admin: Client
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
    admin = await asAdmin(app)
  })
  afterEach(() => app.close())

  const expectError = (answer: { status: number; body: any }, status: number, code: string) => {
    expect(answer.status, JSON.stringify(answer.body)).to.equal(status)
    expect(answer.body.error).to.include({ code })
    expect(answer.body.error.message).to.be.a('string').and.not.empty
    expect(answer.body.error.details).to.be.an('array')
    expect(JSON.stringify(answer.body)).not.to.match(/at .*\.(ts|js):\d+/)
  }

  it('refuses malformed JSON with 400 and leaves the station as it was', async () => {
    const answer = await admin.request('PATCH', '/api/admin/stations/st001', '{"address": "新地址",')
    expectError(answer, 400, 'malformed_json')
    // Said in Chinese, never the JSON parser's English ("Unexpected end of JSON input", positions).
    expect(answer.body.error).to.deep.equal({
      code: 'malformed_json',
      message: '请求内容不是有效的 JSON',
      details: [{ path: 'body', message: '请求内容不是有效的 JSON' }],
    })
    expect((await admin.get('/api/admin/stations/st001')).body.address).to.equal('建设路1号')
  })

  it('answers a paging cursor it never issued in Chinese, telling the person to start again from the first page', async () => {
    const answer = await admin.get('/api/admin/staff?cursor=not-a-cursor')
    expectError(answer, 400, 'validation_failed')
    expect(answer.body.error.message).to.equal('翻页参数无效，请从第一页重新查看')
    expect(answer.body.error.details).to.deep.equal([{ path: 'query.cursor', message: '翻页参数无效，请从第一页重新查看' }])
  })

  it('refuses wrong types with 400 naming each field', async () => {
    const answer = await admin.patch('/api/admin/stations/st001', { address: 42, receptionDays: ['someday'] })
    expectError(answer, 400, 'validation_failed')
    expect(answer.body.error.details.map((d: any) => d.path)).to.have.members(['body.address', 'body.receptionDays[0]'])
    expect((await admin.get('/api/admin/stations/st001')).body.address).to.equal('建设路1号')
  })

  it('refuses unknown fields rather than ignoring them', async () => {
    const answer = await admin.patch('/api/admin/deputies/dp0001', { name: '张伟', isAdmin: true })
    expectError(answer, 400, 'validation_failed')
    expect(answer.body.error.details).to.deep.include({ path: 'body.isAdmin', message: '不允许的字段' })
    const unknownQuery = await admin.get('/api/admin/deputies?sort=phone')
    expectError(unknownQuery, 400, 'validation_failed')
    expect(unknownQuery.body.error.details[0].path).to.equal('query.sort')
  })

  it('refuses a body over the limit with 413 before reading it', async () => {
    const big = JSON.stringify({ address: 'x'.repeat(300 * 1024) })
    const answer = await admin.request('PATCH', '/api/admin/stations/st001', big)
    expectError(answer, 413, 'payload_too_large')
    expect((await admin.get('/api/admin/stations/st001')).body.address).to.equal('建设路1号')
  })

  it('refuses a body that is not JSON with 415', async () => {
    const answer = await admin.request('PATCH', '/api/admin/stations/st001', 'address=x', { 'content-type': 'application/x-www-form-urlencoded' })
    expectError(answer, 415, 'unsupported_media_type')
  })

  it('refuses ids and codes with odd characters with 400, not a lookup', async () => {
    for (const path of ['/api/admin/deputies/dp0001%27%20OR%201=1', '/api/admin/stations/..%2F..%2Fetc', '/api/admin/deputies/%E5%BC%A0%E4%BC%9F']) {
      const answer = await admin.get(path)
      expectError(answer, 400, 'validation_failed')
      expect(answer.body.error.details[0].path).to.equal('params.id')
    }
    expectError(await new Client(app.baseUrl).get('/api/mp/deputies/DP0001%3Cscript%3E'), 400, 'validation_failed')
  })

  it('answers unknown routes and records in the same format', async () => {
    expectError(await admin.get('/api/admin/nothing-here'), 404, 'route_not_found')
    expectError(await admin.get('/api/admin/deputies/dp9999'), 404, 'not_found')
    expectError(await new Client(app.baseUrl).get('/api/mp/deputies/DP9999'), 404, 'not_found')
  })

  it('turns an unexpected failure into a bare 500 with the request id and no stack trace', async () => {
    // A fault of the code itself, with the store in good health.
    app.liaison.store.deputies.search = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'stationId')")
    }
    const answer = await admin.request('GET', '/api/admin/deputies', undefined, { 'X-Request-Id': 'trace-123' })
    expect(answer.status).to.equal(500)
    expect(answer.body.error).to.deep.equal({ code: 'internal_error', message: '系统出了点问题，请稍后再试', details: [], requestId: 'trace-123' })
    expect(answer.headers.get('x-request-id')).to.equal('trace-123')
  })

  it('says the service is unavailable, with the request id, when the store vanishes under a running server', async () => {
    await app.liaison.store.close()
    const answer = await admin.request('GET', '/api/admin/deputies', undefined, { 'X-Request-Id': 'trace-124' })
    expect(answer.status).to.equal(503)
    expect(answer.body.error).to.deep.equal({ code: 'store_unavailable', message: '服务暂时不可用，请稍后再试', details: [] })
    expect(answer.headers.get('x-request-id')).to.equal('trace-124')
  })

  it('gives every answer a request id', async () => {
    const answer = await new Client(app.baseUrl).get('/healthz')
    expect(answer.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/)
  })
})
