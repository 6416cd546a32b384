import { expect } from 'chai'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { storeFileForEachTest } from '../helpers/store-file.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * The counts of failed console logins are kept in the store: a restart or a deploy does not give a
 * guesser a fresh set of tries, and two servers on one store count together. Addresses are told
 * apart by the X-Forwarded-For our own proxy writes (trustProxy), as in production.
 */
describe('console login locks outlive a restart and are shared by two servers on one store', function () {
  this.timeout(120_000)
  const file = storeFileForEachTest()
  const start = (directory?: ReturnType<typeof smallCity>) =>
    file.start({ directory, overrides: { http: { trustProxy: true }, security: { loginUserMaxFailures: 10 } } })

  const ACCOUNT_LOCKED = /^这个账号最近登录失败次数过多，已暂时锁定，请 (\d+) 分钟后再试，或请系统管理员解除锁定$/
  const TOO_MANY = /^登录失败次数过多，请 (\d+) 分钟后再试$/

  /** A login from a browser at `address`, as our proxy tells it to the server. */
  const login = (app: TestApp, address: string, username: string, password: string) =>
    new Client(app.baseUrl).request('POST', '/api/admin/login', { username, password }, { 'x-forwarded-for': address })
  /** A stranger tries five wrong passwords for lina from one address: each told only that it was wrong. */
  const guessFrom = async (app: TestApp, address: string) => {
    for (let i = 0; i < 5; i++) expect((await login(app, address, 'lina', `guess-${i}`)).status).to.equal(401)
  }
  const minutesIn = (message: string, words: RegExp) => Number(words.exec(message)![1])

  it('lina, locked out by guesses from two addresses, is still locked after a restart; the admin lifts it, and it stays lifted after another restart', async () => {
    const first = await start(smallCity())
    await guessFrom(first, '198.51.100.7')
    await guessFrom(first, '198.51.100.8')
    const locked = await login(first, '203.0.113.9', 'lina', STAFF_PASSWORD)
    expect(locked.status).to.equal(429)
    expect(locked.body.error.code).to.equal('account_locked')
    expect(locked.body.error.message).to.match(ACCOUNT_LOCKED)
    await first.close()

    const second = await start()
    const still = await login(second, '203.0.113.9', 'lina', STAFF_PASSWORD)
    expect(still.status, 'still locked after the restart').to.equal(429)
    expect(still.body.error.code).to.equal('account_locked')
    expect(still.body.error.message).to.match(ACCOUNT_LOCKED)
    const minutes = minutesIn(still.body.error.message, ACCOUNT_LOCKED)
    expect(minutes).to.be.within(1, 15)
    expect(Number(still.headers.get('retry-after'))).to.be.within(1, 15 * 60)
    // Another person is not touched by lina's lock.
    expect((await login(second, '203.0.113.9', 'zhoujie', STAFF_PASSWORD)).status).to.equal(200)
    const admin = await asAdmin(second)
    expect((await admin.post('/api/admin/staff/sf01/unlock')).status).to.equal(204)
    await second.close()

    const third = await start()
    const lina = await login(third, '203.0.113.9', 'lina', STAFF_PASSWORD)
    expect(lina.status, `the admin's 解除锁定 is kept too: ${JSON.stringify(lina.body)}`).to.equal(200)
    const audit = await (await asAdmin(third)).get('/api/admin/audit?action=staff.login.unlocked')
    expect(audit.body.items[0]).to.deep.include({ action: 'staff.login.unlocked', actorId: 'admin', targetId: 'sf01' })
  })

  it('a stranger stopped at one address is still stopped after a restart, until the minutes the message named have passed', async () => {
    const first = await start(smallCity())
    await guessFrom(first, '198.51.100.7')
    const stopped = await login(first, '198.51.100.7', 'lina', 'guess-5')
    expect(stopped.status).to.equal(429)
    expect(stopped.body.error.code).to.equal('rate_limited')
    expect(stopped.body.error.message).to.match(TOO_MANY)
    await first.close()

    const second = await start()
    const still = await login(second, '198.51.100.7', 'lina', 'guess-6')
    expect(still.status, 'still stopped after the restart').to.equal(429)
    expect(still.body.error.code).to.equal('rate_limited')
    expect(still.body.error.message).to.match(TOO_MANY)
    // Lina at her own desk is not kept out by the stranger.
    expect((await login(second, '203.0.113.9', 'lina', STAFF_PASSWORD)).status).to.equal(200)
    second.clock.advance(minutesIn(still.body.error.message, TOO_MANY) * 60_000)
    expect((await login(second, '198.51.100.7', 'lina', 'guess-7')).status, 'once the time is up, a try is answered again').to.equal(401)
  })

  it('two servers on one store count together: guesses at each lock lina at both, and an admin at one lifts it at the other', async () => {
    const one = await start(smallCity())
    const other = await start()
    await guessFrom(one, '198.51.100.7')
    await guessFrom(other, '198.51.100.8')
    for (const app of [one, other]) {
      const locked = await login(app, '203.0.113.9', 'lina', STAFF_PASSWORD)
      expect(locked.status, 'locked at both servers').to.equal(429)
      expect(locked.body.error.code).to.equal('account_locked')
      expect(locked.body.error.message).to.match(ACCOUNT_LOCKED)
    }
    expect((await (await asAdmin(other)).post('/api/admin/staff/sf01/unlock')).status).to.equal(204)
    const lina = await login(one, '203.0.113.9', 'lina', STAFF_PASSWORD)
    expect(lina.status, JSON.stringify(lina.body)).to.equal(200)
  })
})
