import { expect } from 'chai'
import { ADMIN_PASSWORD, asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'
import { ensureAdmin } from '../../src/services/bootstrap.js'

describe('console login', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  it('logs in with a password and keeps the session in an httpOnly, SameSite cookie', async () => {
    const client = new Client(app.baseUrl)
    const answer = await client.post('/api/admin/login', { username: 'lina', password: STAFF_PASSWORD })
    expect(answer.status).to.equal(200)
    expect(answer.body.staff).to.deep.equal({
      id: 'sf01',
      username: 'lina',
      name: '李娜',
      role: 'station_staff',
      stationIds: ['st001'],
      regionIds: [],
      unitIds: [],
      mustChangePassword: false,
    })
    const cookie = answer.headers.get('set-cookie')!
    expect(cookie).to.match(/^liaison_session=[A-Za-z0-9_-]{43};/)
    expect(cookie.toLowerCase()).to.include('httponly').and.include('samesite=strict')
    expect((await client.get('/api/admin/me')).body.staff.username).to.equal('lina')
    // With the session, the office she turns to and the chat account, by their names (the console says them).
    expect(answer.body).to.include({ office: '湛河区人大常委会办公室', botName: '留言小助手' })
    expect((await client.get('/api/admin/me')).body).to.include({ office: '湛河区人大常委会办公室', botName: '留言小助手' })
  })

  it("names the office each person turns to and the chat account as configured: a district's organizer asks the city's", async () => {
    await app.close()
    app = await startApp({ directory: smallCity(), overrides: { business: { officeName: '平顶山市人大常委会办公室' }, bot: { nickname: '湛河人大联络站' } } })
    const me = async (username: string) => (await (await new Client(app.baseUrl).login(username, STAFF_PASSWORD)).get('/api/admin/me')).body
    expect(await me('lina'), 'her station lies in 湛河区').to.include({ office: '湛河区人大常委会办公室', botName: '湛河人大联络站' })
    expect(await me('sunli'), '湛河区 is her own office').to.include({ office: '平顶山市人大常委会办公室' })
    expect((await (await asAdmin(app)).get('/api/admin/me')).body).to.include({ office: '平顶山市人大常委会办公室', botName: '湛河人大联络站' })
  })

  it('accepts the user name whatever its case and surrounding spaces', async () => {
    const answer = await new Client(app.baseUrl).post('/api/admin/login', { username: '  LiNa ', password: STAFF_PASSWORD })
    expect(answer.status).to.equal(200)
  })

  it('answers a wrong password and an unknown user the same way, without saying which part was wrong', async () => {
    const wrongPassword = await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: 'nope-nope' })
    const unknownUser = await new Client(app.baseUrl).post('/api/admin/login', { username: 'nobody', password: STAFF_PASSWORD })
    for (const answer of [wrongPassword, unknownUser]) {
      expect(answer.status).to.equal(401)
      expect(answer.body.error).to.deep.equal({ code: 'invalid_credentials', message: '账号或密码不对，请再输一次；忘了密码请找管理员重置。', details: [] })
      expect(answer.headers.get('set-cookie')).to.equal(null)
    }
  })

  it('slows down repeated failures: after five, even the right password waits', async () => {
    const client = new Client(app.baseUrl)
    for (let i = 0; i < 5; i++) expect((await client.post('/api/admin/login', { username: 'lina', password: `wrong-${i}` })).status).to.equal(401)
    const blocked = await client.post('/api/admin/login', { username: 'lina', password: STAFF_PASSWORD })
    expect(blocked.status).to.equal(429)
    expect(blocked.body.error.code).to.equal('rate_limited')
    expect(Number(blocked.headers.get('retry-after'))).to.be.greaterThan(0)
    // Another user at another desk is not locked out by lina's typos.
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'zhoujie', password: STAFF_PASSWORD })).status).to.equal(200)
  })

  it('counts tries made all at once: no more than five passwords are checked', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: `guess-${i}` })),
    )
    expect(answers.filter((a) => a.status === 401)).to.have.length.at.most(5)
    expect(answers.filter((a) => a.status === 429)).to.have.length.at.least(25)
  })

  it('records failed and successful logins in the audit log', async () => {
    await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: 'wrong-one' })
    await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const admin = await asAdmin(app)
    const failed = await admin.get('/api/admin/audit?action=login.failed')
    expect(failed.body.items[0]).to.deep.include({ action: 'login.failed', targetId: 'sf01' })
    expect(JSON.stringify(failed.body)).not.to.include('wrong-one')
    expect((await admin.get('/api/admin/audit?action=login.succeeded&actorId=sf01')).body.items).to.have.length(1)
  })

  it('ends the session on logout', async () => {
    const client = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const stolen = new Client(app.baseUrl)
    Object.assign(stolen, { cookie: (client as any).cookie })
    expect((await client.post('/api/admin/logout')).status).to.equal(204)
    expect((await client.get('/api/admin/me')).status).to.equal(401)
    expect((await stolen.get('/api/admin/me')).status, 'the old cookie is dead on the server too').to.equal(401)
  })

  it('expires a session after its lifetime and after being idle too long', async () => {
    const client = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    for (let hour = 0; hour < 11; hour++) {
      app.clock.advance(60 * 60_000)
      expect((await client.get('/api/admin/me')).status, `after ${hour + 1} h of use`).to.equal(200)
    }
    app.clock.advance(60 * 60_000 + 1)
    const expired = await client.get('/api/admin/me')
    expect(expired.status).to.equal(401)
    expect(expired.body.error.code).to.equal('session_expired')

    const idle = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    app.clock.advance(121 * 60_000)
    expect((await idle.get('/api/admin/me')).status).to.equal(401)
  })

  it('refuses console endpoints without a session, and admin-only ones to other roles', async () => {
    const anonymous = new Client(app.baseUrl)
    expect((await anonymous.get('/api/admin/deputies')).status).to.equal(401)
    const staff = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    expect((await staff.get('/api/admin/staff')).status).to.equal(403)
    expect((await staff.get('/api/admin/audit')).status).to.equal(403)
    const organizer = await new Client(app.baseUrl).login('sunli', STAFF_PASSWORD)
    expect((await organizer.post('/api/admin/directory/import', smallCity())).status).to.equal(403)
  })

  it('ends the sessions of a deactivated account at once', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const admin = await asAdmin(app)
    expect((await admin.patch('/api/admin/staff/sf01', { active: false })).body.active).to.equal(false)
    expect((await lina.get('/api/admin/me')).status).to.equal(401)
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: STAFF_PASSWORD })).status).to.equal(401)
  })

  it('lets an admin create an account whose one-time password works', async () => {
    const admin = await asAdmin(app)
    const created = await admin.post('/api/admin/staff', { name: '钱进', username: 'qianjin', role: 'station_staff', stationIds: ['st002'] })
    expect(created.status).to.equal(201)
    expect(created.body.staff).to.deep.include({ username: 'qianjin', role: 'station_staff', active: true, hasPassword: true })
    expect(created.body.staff).not.to.have.property('passwordHash')
    await new Client(app.baseUrl).login('qianjin', created.body.initialPassword)
    const again = await admin.post('/api/admin/staff', { name: '另一个', username: 'QianJin', role: 'organizer' })
    expect(again.status).to.equal(409)
    // In the words of the form's own field (登录账号), once: the console shows the message and each detail.
    expect(again.body.error.message).to.equal('登录账号“qianjin”已经有人在用，请换一个')
    expect(again.body.error.details).to.deep.equal([{ path: 'body.username', message: '已经有人在用' }])
    const bad = await admin.post('/api/admin/staff', { name: '错号', username: '1zhang', role: 'organizer' })
    expect(bad.body.error.details[0].message).to.equal('登录账号以英文字母开头，只含字母、数字、_ - .，2–32 位（大写字母存为小写）')
    const noStation = await admin.post('/api/admin/staff', { name: '无站', username: 'wuzhan', role: 'station_staff' })
    expect(noStation.status).to.equal(400)
    expect(noStation.body.error.details[0].path).to.equal('body.stationIds')
  })

  it('resets a password: the old one stops working, the new one works', async () => {
    const admin = await asAdmin(app)
    const reset = await admin.post('/api/admin/staff/sf01/password-reset')
    expect(reset.status).to.equal(200)
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: STAFF_PASSWORD })).status).to.equal(401)
    await new Client(app.baseUrl).login('lina', reset.body.password)
  })

  it('keeps the built-in admin password following LIAISON_ADMIN_PASSWORD when it changes, and signs out whoever used the old one', async () => {
    const { store, services } = app.liaison
    const signedIn = await asAdmin(app)
    await ensureAdmin(store, services.passwords, services.audit, ADMIN_PASSWORD)
    expect((await signedIn.get('/api/admin/me')).status, 'the same password keeps the session').to.equal(200)
    await ensureAdmin(store, services.passwords, services.audit, 'a-new-admin-password')
    expect((await signedIn.get('/api/admin/me')).status, 'a session made with the old password ends').to.equal(401)
    expect((await new Client(app.baseUrl).post('/api/admin/login', { username: 'admin', password: ADMIN_PASSWORD })).status).to.equal(401)
    await new Client(app.baseUrl).login('admin', 'a-new-admin-password')
  })
})
