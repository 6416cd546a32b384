import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * Failed console logins lock a name at the address they come from; only many failures from many
 * addresses lock the account itself, and an admin can lift that. Addresses are told apart by the
 * X-Forwarded-For our own proxy writes (trustProxy), as in production.
 */
describe('console login locks: a stranger cannot keep someone out', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity(), overrides: { http: { trustProxy: true }, security: { loginUserMaxFailures: 10 } } })
  })
  afterEach(() => app.close())

  /** A browser at one address, as our proxy tells it to the server. */
  const at = (address: string) => {
    const client = new Client(app.baseUrl)
    return {
      client,
      login: (username: string, password: string) => client.request('POST', '/api/admin/login', { username, password }, { 'x-forwarded-for': address }),
    }
  }
  const guessFrom = async (address: string, times = 5) => {
    const stranger = at(address)
    for (let i = 0; i < times; i++) expect((await stranger.login('LINA ', `guess-${i}`)).status).to.equal(401)
    return stranger
  }

  it("a stranger's wrong passwords at another address lock only the stranger: lina logs in at her desk", async () => {
    const stranger = await guessFrom('198.51.100.7')
    const refused = await stranger.login('lina', STAFF_PASSWORD)
    expect(refused.status, 'the stranger is stopped').to.equal(429)
    expect(refused.body.error.code).to.equal('rate_limited')
    const lina = await at('203.0.113.9').login('lina', STAFF_PASSWORD)
    expect(lina.status, JSON.stringify(lina.body)).to.equal(200)
  })

  it('failures from many addresses lock the account everywhere, saying an admin can lift it; 解除锁定 lets lina in and is audited', async () => {
    await guessFrom('198.51.100.7')
    await guessFrom('198.51.100.8')
    const locked = await at('203.0.113.9').login('lina', STAFF_PASSWORD)
    expect(locked.status).to.equal(429)
    expect(locked.body.error.code).to.equal('account_locked')
    expect(locked.body.error.message).to.match(/^这个账号最近登录失败次数过多，已暂时锁定，请 \d+ 分钟后再试，或请系统管理员解除锁定$/)
    expect(Number(locked.headers.get('retry-after'))).to.be.greaterThan(0)
    // Another person is not touched by lina's lock.
    expect((await at('203.0.113.9').login('zhoujie', STAFF_PASSWORD)).status).to.equal(200)

    const organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await organizer.post('/api/admin/staff/sf01/unlock')).status, 'admins only').to.equal(403)
    const admin = await asAdmin(app)
    expect((await admin.post('/api/admin/staff/sf-nobody/unlock')).status).to.equal(404)
    expect((await admin.post('/api/admin/staff/sf01/unlock')).status).to.equal(204)
    expect((await at('203.0.113.9').login('lina', STAFF_PASSWORD)).status).to.equal(200)
    const audit = await admin.get('/api/admin/audit?action=staff.login.unlocked')
    expect(audit.body.items).to.have.length(1)
    expect(audit.body.items[0]).to.deep.include({ action: 'staff.login.unlocked', actorId: 'admin', targetId: 'sf01' })
  })

  it('the accounts list says whose account is locked, from the try that is refused next until an admin lifts it', async () => {
    const admin = await asAdmin(app)
    const lockedOf = async (username: string) => {
      const list = await admin.get(`/api/admin/staff?q=${username}`)
      expect(list.status).to.equal(200)
      return list.body.items.find((s: { username: string }) => s.username === username).locked
    }
    expect(await lockedOf('lina')).to.equal(false)
    const stranger = await guessFrom('198.51.100.7', 4)
    expect(await lockedOf('lina'), 'four wrong passwords: the next try is still judged').to.equal(false)
    expect((await stranger.login('lina ', 'guess-4')).status).to.equal(401)
    expect(await lockedOf('lina'), 'the fifth: the next try at that address is refused').to.equal(true)
    expect((await admin.get('/api/admin/staff/sf01')).body.locked, 'one account read on its own says so too').to.equal(true)
    expect(await lockedOf('zhoujie'), 'nobody else').to.equal(false)

    expect((await admin.post('/api/admin/staff/sf01/unlock')).status).to.equal(204)
    expect(await lockedOf('lina')).to.equal(false)
    expect((await admin.patch('/api/admin/staff/sf01', { name: '李娜' })).body.locked).to.equal(false)

    // Ten wrong passwords from three addresses, none of them five: the account is locked everywhere.
    await guessFrom('198.51.100.8', 4)
    await guessFrom('198.51.100.9', 4)
    await guessFrom('198.51.100.10', 2)
    expect(await lockedOf('lina')).to.equal(true)
    expect((await at('203.0.113.9').login('lina', STAFF_PASSWORD)).body.error.code).to.equal('account_locked')
  })

  it("an admin's password reset lifts the lock too: the new password works at once", async () => {
    await guessFrom('198.51.100.7')
    await guessFrom('198.51.100.8')
    expect((await at('203.0.113.9').login('lina', STAFF_PASSWORD)).status).to.equal(429)
    const reset = await (await asAdmin(app)).post('/api/admin/staff/sf01/password-reset')
    const lina = await at('203.0.113.9').login('lina', reset.body.password)
    expect(lina.status, JSON.stringify(lina.body)).to.equal(200)
  })
})

describe('client addresses behind our proxy (trustProxy)', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity(), overrides: { http: { trustProxy: true } } })
  })
  afterEach(() => app.close())

  it('a made-up X-Forwarded-For does not dodge the per-address login limit: the address our proxy wrote counts', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      // The client sends a different made-up address each time; nginx appends the one it saw.
      const answer = await new Client(app.baseUrl).request(
        'POST',
        '/api/admin/login',
        { username: `user${i}`, password: 'wrong-pass' },
        { 'x-forwarded-for': `10.0.${i}.1, 203.0.113.5` },
      )
      statuses.push(answer.status)
    }
    expect(statuses.slice(0, 25).every((s) => s === 401)).to.equal(true)
    expect(statuses.slice(25), 'past 25 failures from one address').to.deep.equal([429, 429, 429, 429, 429])
    // Another real address is not slowed down by it.
    const other = await new Client(app.baseUrl).request(
      'POST',
      '/api/admin/login',
      { username: 'lina', password: STAFF_PASSWORD },
      { 'x-forwarded-for': '10.0.0.1, 203.0.113.6' },
    )
    expect(other.status).to.equal(200)
  })

  it('with two proxies of our own (proxyHops 2), the address the first one wrote counts', async () => {
    await app.close()
    app = await startApp({ directory: smallCity(), overrides: { http: { trustProxy: true, proxyHops: 2 } } })
    const statuses: number[] = []
    for (let i = 0; i < 26; i++) {
      const answer = await new Client(app.baseUrl).request(
        'POST',
        '/api/admin/login',
        { username: `user${i}`, password: 'wrong-pass' },
        { 'x-forwarded-for': `10.0.${i}.1, 203.0.113.5, 192.168.0.${i}` },
      )
      statuses.push(answer.status)
    }
    expect(statuses[24]).to.equal(401)
    expect(statuses[25]).to.equal(429)
  })
})

describe('ending a staff member’s sessions', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('an admin signs lina out on every computer; her password still works; audited', async () => {
    const office = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const home = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const zhoujie = await new Client(app.baseUrl).login('zhoujie', STAFF_PASSWORD)
    const admin = await asAdmin(app)
    expect((await zhoujie.post('/api/admin/staff/sf01/sessions/end')).status, 'admins only').to.equal(403)
    expect((await admin.post('/api/admin/staff/sf-nobody/sessions/end')).status).to.equal(404)
    const ended = await admin.post('/api/admin/staff/sf01/sessions/end')
    expect(ended.status).to.equal(200)
    expect(ended.body).to.deep.equal({ ended: 2 })
    expect((await office.get('/api/admin/me')).status).to.equal(401)
    expect((await home.get('/api/admin/me')).status).to.equal(401)
    expect((await zhoujie.get('/api/admin/me')).status, 'nobody else is signed out').to.equal(200)
    await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const audit = await admin.get('/api/admin/audit?action=staff.sessions.ended')
    expect(audit.body.items[0]).to.deep.include({ action: 'staff.sessions.ended', actorId: 'admin', targetId: 'sf01' })
  })
})
