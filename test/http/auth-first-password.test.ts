import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * A password an admin chose (a new account, a reset) or an import's initial password is known to
 * someone else: until its owner changes it, the server lets them do nothing but that.
 */
describe('an initial or reset password must be changed before anything else', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: smallCity() })
  })
  afterEach(() => app.close())

  const REFUSAL = {
    code: 'password_change_required',
    message: '请先设置新密码：管理员为您设置的初始密码，他人可能知道，请改成只有您知道的密码后再继续',
    details: [],
  }
  const staffRow = async (admin: Client, username: string) =>
    (await admin.get(`/api/admin/staff?q=${username}`)).body.items.find((s: { username: string }) => s.username === username)

  it('a new account: signed in, it may only read who it is, log out and change the password; after the change everything works', async () => {
    const admin = await asAdmin(app)
    const created = await admin.post('/api/admin/staff', { name: '钱进', username: 'qianjin', role: 'station_staff', stationIds: ['st001'] })
    expect(created.status).to.equal(201)
    expect(created.body.staff).to.include({ username: 'qianjin', mustChangePassword: true })

    const qian = new Client(app.baseUrl)
    const login = await qian.post('/api/admin/login', { username: 'qianjin', password: created.body.initialPassword })
    expect(login.status).to.equal(200)
    expect(login.body.staff).to.include({ username: 'qianjin', mustChangePassword: true })
    const me = await qian.get('/api/admin/me')
    expect(me.status).to.equal(200)
    expect(me.body.staff).to.include({ name: '钱进', mustChangePassword: true })

    for (const [method, path] of [
      ['GET', '/api/admin/cases'],
      ['GET', '/api/admin/deputies'],
      ['POST', '/api/admin/me/bot-code'],
    ]) {
      const refused = await qian.request(method, path)
      expect(refused.status, `${method} ${path}`).to.equal(403)
      expect(refused.body.error, `${method} ${path}`).to.deep.equal(REFUSAL)
    }

    expect((await qian.post('/api/admin/logout')).status, 'logging out is open').to.equal(204)
    expect((await qian.get('/api/admin/me')).status).to.equal(401)
    await qian.login('qianjin', created.body.initialPassword)
    expect((await qian.get('/api/admin/cases')).body.error, 'held by the account, not the session').to.deep.equal(REFUSAL)

    const changed = await qian.post('/api/admin/me/password', { currentPassword: created.body.initialPassword, newPassword: 'qianjin-own-2026' })
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200)
    expect(changed.body.staff).to.include({ username: 'qianjin', mustChangePassword: false })
    expect((await qian.get('/api/admin/me')).body.staff).to.include({ mustChangePassword: false })
    expect((await qian.get('/api/admin/cases')).status).to.equal(200)
    expect((await qian.get('/api/admin/deputies')).status).to.equal(200)

    const again = await new Client(app.baseUrl).login('qianjin', 'qianjin-own-2026')
    expect((await again.get('/api/admin/cases')).status, 'the next login too').to.equal(200)
    expect(await staffRow(admin, 'qianjin'), "the admin's list says it is done").to.include({ mustChangePassword: false })
  })

  it('a reset sets it again for someone who had their own password, whatever their role', async () => {
    const admin = await asAdmin(app)
    for (const [id, username, path] of [
      ['sf01', 'lina', '/api/admin/cases'],
      ['sf21', 'chengang', '/api/unit/suggestions'],
    ]) {
      const before = await new Client(app.baseUrl).login(username, STAFF_PASSWORD)
      expect((await before.get(path)).status, `${username} before the reset`).to.equal(200)
      const reset = await admin.post(`/api/admin/staff/${id}/password-reset`)
      expect(reset.status).to.equal(200)
      expect(await staffRow(admin, username)).to.include({ mustChangePassword: true })

      const after = await new Client(app.baseUrl).login(username, reset.body.password)
      const refused = await after.get(path)
      expect(refused.status, `${username} after the reset`).to.equal(403)
      expect(refused.body.error).to.deep.equal(REFUSAL)
      expect((await after.post('/api/admin/me/password', { currentPassword: reset.body.password, newPassword: `${username}-own-2026` })).status).to.equal(200)
      expect((await after.get(path)).status, `${username} after changing it`).to.equal(200)
    }
  })

  it('not for an account activated with a code: its owner chose the password', async () => {
    const city = smallCity()
    city.staff.push({ id: 'sf-new', name: '王芳', role: 'station_staff', stationIds: ['st001'], username: 'wangfang', activationCode: 'K7P2-Q9XM-4TVA' })
    await app.liaison.services.importer.import(city, null)
    const wang = new Client(app.baseUrl)
    const activated = await wang.post('/api/admin/activate', { username: 'wangfang', activationCode: 'K7P2-Q9XM-4TVA', newPassword: 'wangfang-2026' })
    expect(activated.status).to.equal(200)
    expect(activated.body.staff).to.include({ mustChangePassword: false })
    expect((await wang.get('/api/admin/cases')).status).to.equal(200)
  })

  it("an import's initial password must be changed too; the nightly file repeating it neither clears nor sets it again", async () => {
    const admin = await asAdmin(app)
    const file = () => ({ staff: [{ id: 'sf30', name: '冯敏', role: 'organizer', username: 'fengmin', regionIds: ['d01'], password: 'initial-pass-1' }] })
    expect((await admin.post('/api/admin/directory/import', file())).status).to.equal(200)
    const feng = await new Client(app.baseUrl).login('fengmin', 'initial-pass-1')
    expect((await feng.get('/api/admin/cases')).body.error).to.deep.equal(REFUSAL)

    await admin.post('/api/admin/directory/import', file())
    expect((await feng.get('/api/admin/cases')).status, 'the same file again: still to change').to.equal(403)
    expect((await feng.post('/api/admin/me/password', { currentPassword: 'initial-pass-1', newPassword: 'fengmin-own-2026' })).status).to.equal(200)
    await admin.post('/api/admin/directory/import', file())
    expect((await feng.get('/api/admin/cases')).status, 'changed: the file does not bring it back').to.equal(200)
  })

  it('not for the built-in admin whose password the deployment sets, which another admin cannot reset either', async () => {
    const admin = await asAdmin(app)
    expect((await admin.get('/api/admin/me')).body.staff).to.include({ mustChangePassword: false })
    expect((await admin.get('/api/admin/staff')).status).to.equal(200)

    const created = await admin.post('/api/admin/staff', { name: '第二管理员', username: 'guanli2', role: 'admin' })
    const second = await new Client(app.baseUrl).login('guanli2', created.body.initialPassword)
    await second.post('/api/admin/me/password', { currentPassword: created.body.initialPassword, newPassword: 'guanli2-own-2026' })
    // A reset would leave a password the second admin read, which its owner could not change here
    // (password_set_by_deployment) until the server restarts: refused, saying where it is set.
    const reset = await second.post('/api/admin/staff/admin/password-reset')
    expect(reset.status).to.equal(422)
    expect(reset.body.error.code).to.equal('password_set_by_deployment')
    expect(reset.body.error.message).to.include('LIAISON_ADMIN_PASSWORD')
    expect((await asAdmin(app).then((c) => c.get('/api/admin/staff'))).status, 'the deployment password still works').to.equal(200)
  })
})
