import { expect } from 'chai'
import { Client } from '../helpers/app.js'
import { startWithWeChat } from '../helpers/wechat.js'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import type { TestApp } from '../helpers/app.js'

/**
 * POST /api/mp/session/known: the home page of a new phone asks whether its WeChat user already
 * has an account. One who has is signed in as /api/mp/login signs them in; anyone else is told
 * so, and no account is made for them (reading needs none).
 */
describe('signing in from the home page only those who already have an account', () => {
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  const ask = (code: string) => new Client(app.baseUrl).post('/api/mp/session/known', { code })

  it('signs in a bound deputy on a new phone, with the same session and profile as logging in', async () => {
    // His account from the old phone, bound to his deputy record.
    app.fake.addLoginCode('old-phone', { openid: 'o-zhang' })
    const first = await new Client(app.baseUrl).post('/api/mp/login', { code: 'old-phone' })
    expect(first.status).to.equal(200)
    await app.liaison.store.mpUsers.update(first.body.id, { deputyId: 'dp0001' })

    app.fake.addLoginCode('new-phone', { openid: 'o-zhang', unionid: 'u-zhang' })
    const answer = await ask('new-phone')
    expect(answer.status).to.equal(200)
    expect(answer.headers.get('cache-control')).to.equal('no-store')
    expect(answer.body).to.deep.include({
      known: true,
      id: first.body.id,
      roles: ['resident', 'deputy'],
      deputy: { id: 'dp0001', code: 'DP0001', name: '张伟', level: 'city' },
      leftOffice: false,
      consentVersion: null,
      hasPhone: false,
    })
    expect(answer.body.token).to.match(/^[\w-]{43}$/)
    expect(new Date(answer.body.expiresAt).getTime()).to.be.greaterThan(app.clock.now().getTime())
    expect(JSON.stringify(answer.body)).not.to.match(/session_key|o-zhang/)
    // The session is his: his workbench opens with it.
    const phone = new Client(app.baseUrl)
    phone.bearer = answer.body.token
    expect((await phone.get('/api/mp/me')).body).to.deep.include({ id: first.body.id, roles: ['resident', 'deputy'] })
    expect((await phone.get('/api/mp/deputy/cases')).status).to.equal(200)
    // As logging in does, WeChat's unionid is kept once it is known.
    expect((await app.liaison.store.mpUsers.getByOpenid('o-zhang'))!.unionid).to.equal('u-zhang')
  })

  it('answers known: false to someone without an account, and makes none for them', async () => {
    app.fake.addLoginCode('stranger', { openid: 'o-stranger' })
    const answer = await ask('stranger')
    expect(answer.status).to.equal(200)
    expect(answer.body).to.deep.equal({ known: false })
    expect(await app.liaison.store.mpUsers.getByOpenid('o-stranger'), 'no account made').to.equal(null)
    // Asked again (another phone of the same person), still nobody: nothing was made the first time.
    app.fake.addLoginCode('stranger-again', { openid: 'o-stranger' })
    expect((await ask('stranger-again')).body).to.deep.equal({ known: false })
    expect(await app.liaison.store.mpUsers.getByOpenid('o-stranger')).to.equal(null)
  })

  it('refuses an expired or reused code as logging in does (422 wechat_code_invalid), and a missing one with 400', async () => {
    app.fake.addLoginCode('once', { openid: 'o-reader' })
    expect((await ask('once')).body).to.deep.equal({ known: false })
    for (const code of ['once', 'never-issued']) {
      const answer = await ask(code)
      expect(answer.status, code).to.equal(422)
      expect(answer.body.error).to.include({ code: 'wechat_code_invalid', message: '微信登录没有成功，请再试一次；还不行的话，请关掉小程序后重新打开' })
    }
    const missing = await new Client(app.baseUrl).post('/api/mp/session/known', {})
    expect(missing.status).to.equal(400)
    expect(missing.body.error.code).to.equal('validation_failed')
    expect(await app.liaison.store.mpUsers.getByOpenid('o-reader')).to.equal(null)
  })
})

describe('asking who is known shares the login limit of one address', () => {
  let app: TestApp & { fake: FakeWeChat }
  before(async () => {
    app = await startWithWeChat({ limits: { mpLoginsPerAddress: 3 } })
  })
  after(() => app.close())

  it('counts each ask as a login: every one costs a code2Session call', async () => {
    const tries = []
    for (let i = 0; i < 2; i++) {
      app.fake.addLoginCode(`ask-${i}`, { openid: `o-ask-${i}` })
      tries.push(await new Client(app.baseUrl).post('/api/mp/session/known', { code: `ask-${i}` }))
    }
    app.fake.addLoginCode('login-0', { openid: 'o-login-0' })
    tries.push(await new Client(app.baseUrl).post('/api/mp/login', { code: 'login-0' }))
    app.fake.addLoginCode('ask-2', { openid: 'o-ask-2' })
    tries.push(await new Client(app.baseUrl).post('/api/mp/session/known', { code: 'ask-2' }))
    expect(tries.map((t) => t.status)).to.deep.equal([200, 200, 200, 429])
    expect(tries[3].body.error).to.include({ code: 'rate_limited' })
  })
})
