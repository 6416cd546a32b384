import { expect } from 'chai'
import { createRequire } from 'node:module'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { settle } from './harness/page.js'
import { phone } from './harness/wx.js'

const require = createRequire(import.meta.url)
const { request, newIdempotencyKey } = require('../miniprogram/utils/request.js')

/** The one door to the backend (utils/request.js), against the real backend and the fake WeChat login. */
describe('mini-program: talking to the backend', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  const logins = () => phone.requests.filter((r) => r === 'POST /api/mp/login').length

  it('logs in through wx.login the first time a person is needed, then reuses the session', async () => {
    holdPhone(app, 'o-request-first')
    const me = await request('GET', '/api/mp/me')
    expect(me.roles).to.deep.equal(['resident'])
    await request('GET', '/api/mp/me')
    expect(logins()).to.equal(1)
  })

  it('logs in again when the session has expired, and retries the call once', async () => {
    holdPhone(app, 'o-request-expired')
    phone.storage.set('session.token', 'a-token-the-backend-no-longer-knows')
    const me = await request('GET', '/api/mp/me')
    expect(me.consentVersion).to.equal(null)
    expect(logins()).to.equal(1)
    expect(phone.requests.filter((r) => r === 'GET /api/mp/me')).to.have.length(2)
  })

  it('never makes two messages when the answer to a submission is lost and the person taps again', async () => {
    holdPhone(app, 'o-request-retry')
    const notice = await request('GET', '/api/mp/privacy', undefined, { auth: false })
    await request('POST', '/api/mp/consent', { version: notice.version })
    const key = newIdempotencyKey()
    const draft = { text: '小区门口的路灯坏了一个月了', deputyCode: 'DP0001' }
    phone.dropNextAnswer = true
    const lost = await request('POST', '/api/mp/cases', draft, { idempotencyKey: key }).catch((e: unknown) => e)
    expect(lost).to.deep.include({ code: 'network', message: '网络不通，请检查网络后重试' })
    const again = await request('POST', '/api/mp/cases', draft, { idempotencyKey: key })
    const mine = await request('GET', '/api/mp/cases')
    expect(mine.items.map((c: { id: string }) => c.id)).to.deep.equal([again.id])
  })

  it("hands on the backend's own Chinese message and details", async () => {
    holdPhone(app, 'o-request-refused')
    const refused = await request('POST', '/api/mp/cases', { text: '想反映一个问题' }, { idempotencyKey: newIdempotencyKey() }).catch((e: unknown) => e)
    expect(refused).to.deep.include({ status: 422, code: 'consent_required', message: '请先阅读并同意个人信息保护说明' })
    expect((refused as { details: unknown[] }).details).to.have.length(1)
  })

  it('says what to do when the network is down', async () => {
    holdPhone(app, 'o-request-offline')
    const backend = phone.backend
    phone.backend = 'http://127.0.0.1:9'
    try {
      const down = await request('GET', '/api/mp/deputies/DP0001', undefined, { auth: false }).catch((e: unknown) => e)
      expect(down).to.deep.include({ status: 0, message: '网络不通，请检查网络后重试' })
    } finally {
      phone.backend = backend
      await settle()
    }
  })
})
