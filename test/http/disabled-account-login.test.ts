import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { smallCity, STAFF_PASSWORD } from '../fixtures.js'

/**
 * 马晓 left 枫林 and the office switched her account off. When she signs in with her right password she
 * is told the account is off, not "账号或密码不对" (she would think she forgot it); a stranger guessing
 * learns nothing of it: a wrong password reads as before.
 */
describe('signing in to an account the office switched off', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('says the account is off to whoever has its password, and only to them', async () => {
    app = await startApp({ directory: smallCity() })
    expect((await (await asAdmin(app)).patch('/api/admin/staff/sf01', { active: false })).status).to.equal(200)
    const right = await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: STAFF_PASSWORD })
    expect(right.status).to.equal(401)
    // Whom to ask, by name: her station's district office, which keeps the accounts of its stations.
    expect(right.body.error).to.deep.equal({ code: 'account_disabled', message: '这个账号已停用，如需使用，请联系湛河区人大常委会办公室', details: [] })
    expect(right.headers.get('set-cookie')).to.equal(null)
    const wrong = await new Client(app.baseUrl).post('/api/admin/login', { username: 'lina', password: 'guess-guess-1' })
    expect(wrong.body.error).to.deep.include({ code: 'invalid_credentials', message: '账号或密码不对，请再输一次；忘了密码请找管理员重置。' })
  })
})
