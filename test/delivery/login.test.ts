import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'

describe('logging in from the mini-program', () => {
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  it('turns a wx.login code into a session, never handing out the session key', async () => {
    app.fake.addLoginCode('c-1', { openid: 'o-alice', unionid: 'u-alice' })
    const answer = await new Client(app.baseUrl).post('/api/mp/login', { code: 'c-1' })
    expect(answer.status).to.equal(200)
    expect(answer.body).to.include({ consentVersion: null, hasPhone: false, deputy: null })
    expect(answer.body.roles).to.deep.equal(['resident'])
    expect(answer.body.token).to.match(/^[\w-]{43}$/)
    expect(JSON.stringify(answer.body)).not.to.match(/session_key|o-alice/)
    const me = new Client(app.baseUrl)
    me.bearer = answer.body.token
    expect((await me.get('/api/mp/me')).body.id).to.equal(answer.body.id)
    expect((await app.liaison.store.mpUsers.getByOpenid('o-alice'))!.unionid).to.equal('u-alice')
    // The same person logging in again is the same account.
    app.fake.addLoginCode('c-2', { openid: 'o-alice' })
    expect((await new Client(app.baseUrl).post('/api/mp/login', { code: 'c-2' })).body.id).to.equal(answer.body.id)
  })

  it('answers an expired, reused or throttled code clearly', async () => {
    app.fake.addLoginCode('c-once', { openid: 'o-bob' })
    await new Client(app.baseUrl).post('/api/mp/login', { code: 'c-once' })
    for (const code of ['c-once', 'c-never-issued']) {
      const answer = await new Client(app.baseUrl).post('/api/mp/login', { code })
      expect(answer.status, code).to.equal(422)
      expect(answer.body.error).to.include({ code: 'wechat_code_invalid', message: '微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开' })
    }
    app.fake.addLoginCode('c-busy', { openid: 'o-bob' })
    app.fake.failNext('/sns/jscode2session', 45011)
    const busy = await new Client(app.baseUrl).post('/api/mp/login', { code: 'c-busy' })
    expect(busy.status).to.equal(429)
    expect((await new Client(app.baseUrl).post('/api/mp/login', {})).status).to.equal(400)
  })

  it('says WeChat is unreachable (503 wechat_unavailable) when it answers 5xx, refuses connections or is too slow', async () => {
    const attempt = async (code: string) => {
      app.fake.addLoginCode(code, { openid: 'o-carol' })
      return new Client(app.baseUrl).post('/api/mp/login', { code })
    }
    const expectUnavailable = (answer: { status: number; body: any }, why: string) => {
      expect(answer.status, why).to.equal(503)
      expect(answer.body.error, why).to.include({ code: 'wechat_unavailable', message: '暂时连不上微信，请稍后再试' })
    }
    app.fake.failHttp('/sns/jscode2session', 502, 1)
    expectUnavailable(await attempt('c-5xx'), 'HTTP 502')
    app.fake.failNext('/sns/jscode2session', -1)
    expectUnavailable(await attempt('c-busy-system'), 'errcode -1 (WeChat busy)')
    // Too slow: a short client timeout against a far longer delay, so a busy machine only makes it slower still.
    const quick = await startWithWeChat({ wechat: { timeoutMs: 300 } })
    quick.fake.addLoginCode('c-slow', { openid: 'o-carol' })
    quick.fake.delay('/sns/jscode2session', 3000)
    try {
      expectUnavailable(await new Client(quick.baseUrl).post('/api/mp/login', { code: 'c-slow' }), 'no answer within the timeout')
    } finally {
      quick.fake.delay('/sns/jscode2session', 0)
      await quick.close()
    }
    await app.fake.refuseConnections(true)
    expectUnavailable(await attempt('c-refused'), 'connection refused')
    await app.fake.refuseConnections(false)
    // Once WeChat answers again, the same person logs in.
    expect((await attempt('c-back')).status).to.equal(200)
  })

  it("binds a deputy's account once with the code staff give them", async () => {
    const admin = await asAdmin(app)
    const issued = await admin.post('/api/admin/deputies/dp0002/binding-code')
    expect(issued.status).to.equal(201)
    expect(issued.body.code).to.match(/^\d{6}$/)
    const wang = await loginAs(app, 'o-wangfang')
    expect((await wang.get('/api/mp/deputy/cases')).status, 'not yet a deputy').to.equal(403)
    const bound = await wang.post('/api/mp/bind', { bindCode: issued.body.code })
    expect(bound.status).to.equal(200)
    expect(bound.body).to.deep.include({ roles: ['resident', 'deputy'], deputy: { id: 'dp0002', code: 'DP0002', name: '王芳', level: 'county' } })
    expect((await wang.get('/api/mp/deputy/cases')).status).to.equal(200)
    const other = await loginAs(app, 'o-someone')
    const reused = await other.post('/api/mp/bind', { bindCode: issued.body.code })
    expect(reused.status).to.equal(422)
    expect(reused.body.error.code).to.equal('invalid_binding_code')
    expect((await admin.get('/api/admin/audit?action=deputy.bound')).body.items).to.have.length(1)
  })

  it('slows down guessing of binding codes', async () => {
    const guesser = await loginAs(app, 'o-guesser')
    for (let i = 0; i < 5; i++) expect((await guesser.post('/api/mp/bind', { bindCode: String(100000 + i) })).status).to.equal(422)
    expect((await guesser.post('/api/mp/bind', { bindCode: '123456' })).status).to.equal(429)
    expect((await guesser.post('/api/mp/bind', { bindCode: '12ab56' })).status).to.equal(400)
  })

  it('keeps a phone number from the phone button, encrypted', async () => {
    const alice = await loginAs(app, 'o-alice')
    app.fake.addPhoneCode('p-1', '13811112222')
    const answer = await alice.post('/api/mp/phone', { code: 'p-1' })
    expect(answer.body.hasPhone).to.equal(true)
    const stored = await app.liaison.store.mpUsers.get(alice.userId)
    expect(stored!.phoneEnc).to.match(/^v1:/)
    expect(app.liaison.services.cipher.decrypt(stored!.phoneEnc!, alice.userId)).to.equal('13811112222')
    expect((await alice.post('/api/mp/phone', { code: 'p-1' })).body.error.code).to.equal('wechat_phone_code_invalid')
  })
})

describe('logging in when WeChat is not configured', () => {
  let app: TestApp
  before(async () => {
    app = await startApp()
  })
  after(() => app.close())

  it('says so with 503 rather than failing obscurely', async () => {
    const answer = await new Client(app.baseUrl).post('/api/mp/login', { code: 'anything' })
    expect(answer.status).to.equal(503)
    expect(answer.body.error.code).to.equal('wechat_not_configured')
  })
})
