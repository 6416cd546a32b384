import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/** A staff member changes their own password (POST /api/admin/me/password), whatever their role. */
describe('changing one’s own console password', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  const change = (client: Client, currentPassword: string, newPassword: string) => client.post('/api/admin/me/password', { currentPassword, newPassword })
  const loginStatus = async (username: string, password: string) => (await new Client(app.baseUrl).post('/api/admin/login', { username, password })).status

  it('lina changes hers: she stays signed in here, is signed out elsewhere, and only the new password works; audited', async () => {
    const here = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const elsewhere = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const answer = await change(here, STAFF_PASSWORD, 'lina-new-2026')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    expect(answer.body.staff).to.include({ username: 'lina', name: '李娜' })
    expect(answer.headers.get('set-cookie'), 'a new session cookie').to.match(/^liaison_session=[A-Za-z0-9_-]{43};/)
    expect((await here.get('/api/admin/me')).status).to.equal(200)
    expect((await elsewhere.get('/api/admin/me')).status).to.equal(401)
    expect(await loginStatus('lina', STAFF_PASSWORD)).to.equal(401)
    expect(await loginStatus('lina', 'lina-new-2026')).to.equal(200)
    const audit = await (await asAdmin(app)).get('/api/admin/audit?action=staff.password.changed')
    expect(audit.body.items[0]).to.deep.include({ action: 'staff.password.changed', actorId: 'sf01', targetId: 'sf01' })
    expect(JSON.stringify(audit.body)).not.to.include('lina-new-2026')
  })

  it('every role may: a handling unit’s staff and an organizer', async () => {
    for (const username of ['chengang', 'sunli']) {
      const client = await new Client(app.baseUrl).login(username, STAFF_PASSWORD)
      expect((await change(client, STAFF_PASSWORD, `${username}-new-pass`)).status, username).to.equal(200)
      expect(await loginStatus(username, `${username}-new-pass`)).to.equal(200)
    }
  })

  it('a wrong current password is told in Chinese and changes nothing; repeated, it is slowed down like a login', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const wrong = await change(lina, 'not-my-password', 'lina-new-2026')
    expect(wrong.status).to.equal(400)
    expect(wrong.body.error).to.deep.equal({
      code: 'wrong_password',
      message: '当前密码不正确',
      details: [{ path: 'body.currentPassword', message: '当前密码不正确' }],
    })
    expect((await lina.get('/api/admin/me')).status, 'still signed in').to.equal(200)
    expect(await loginStatus('lina', 'lina-new-2026')).to.equal(401)
    // Five failures at this desk, the failed login above among them, as for logging in.
    for (let i = 0; i < 3; i++) expect((await change(lina, `guess-${i}`, 'lina-new-2026')).status).to.equal(400)
    const slowed = await change(lina, STAFF_PASSWORD, 'lina-new-2026')
    expect(slowed.status).to.equal(429)
    expect(slowed.body.error.message).to.match(/^登录失败次数过多，请 \d+ 分钟后再试$/)
    expect(await loginStatus('zhoujie', STAFF_PASSWORD), 'nobody else is slowed down').to.equal(200)
  })

  it('refuses a too short new password, one equal to the current one, unknown fields, and anyone not signed in', async () => {
    const lina = await new Client(app.baseUrl).login('lina', STAFF_PASSWORD)
    const short = await change(lina, STAFF_PASSWORD, 'short')
    expect(short.status).to.equal(400)
    expect(short.body.error.details).to.deep.equal([{ path: 'body.newPassword', message: '新密码至少 8 位' }])
    const same = await change(lina, STAFF_PASSWORD, STAFF_PASSWORD)
    expect(same.status).to.equal(400)
    expect(same.body.error.details).to.deep.equal([{ path: 'body.newPassword', message: '新密码不能与当前密码相同' }])
    const extra = await lina.post('/api/admin/me/password', { currentPassword: STAFF_PASSWORD, newPassword: 'lina-new-2026', username: 'admin' })
    expect(extra.status).to.equal(400)
    expect(await loginStatus('lina', STAFF_PASSWORD), 'nothing changed').to.equal(200)
    const anonymous = await change(new Client(app.baseUrl), STAFF_PASSWORD, 'lina-new-2026')
    expect(anonymous.status).to.equal(401)
  })

  it('tells the built-in admin whose password the deployment sets to change it there: changed here, a restart would bring the old one back', async () => {
    const admin = await asAdmin(app)
    const refused = await change(admin, 'test-admin-password', 'admin-new-2026')
    expect(refused.status).to.equal(422)
    expect(refused.body.error.code).to.equal('password_set_by_deployment')
    expect(refused.body.error.message).to.include('LIAISON_ADMIN_PASSWORD')
    expect(await loginStatus('admin', 'test-admin-password'), 'nothing changed').to.equal(200)
  })
})
