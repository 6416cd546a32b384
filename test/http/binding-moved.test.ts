import { expect } from 'chai'
import { asAdmin, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const BOT_SECRET = 'bot-secret-for-tests-0123456789'

/**
 * A deputy's code binds whoever types it, and any station's staff may issue one: when the
 * deputy's identity moves to another WeChat, the WeChat it leaves is told at once, in words
 * that say what to do if the deputy did not ask for it.
 */
describe('a deputy binding that moves to another WeChat', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET } } })
  })
  afterEach(() => app.close())

  const issue = async (deputyId: string) => (await (await asAdmin(app)).post(`/api/admin/deputies/${deputyId}/binding-code`)).body.code as string
  const noticesTo = async (mpUserId: string) =>
    (await app.liaison.store.outbox.search({ recipientId: mpUserId, kind: 'deputy.binding_moved', limit: 10 })).items

  it('tells the WeChat the deputy used until now, which no longer works as the deputy', async () => {
    const own = await asResident(app)
    expect((await own.post('/api/mp/bind', { bindCode: await issue('dp0001') })).status).to.equal(200)
    expect(await noticesTo(own.userId), 'a first binding replaces nobody').to.have.length(0)

    const other = await asResident(app)
    expect((await other.post('/api/mp/bind', { bindCode: await issue('dp0001') })).status).to.equal(200)

    const [notice, ...more] = await noticesTo(own.userId)
    expect(more).to.have.length(0)
    expect(notice!.status).to.equal('pending')
    expect(notice!.payload.text).to.include('您的人大代表身份刚刚绑定到了另一个微信的小程序')
    expect(notice!.payload.text).to.include('如果不是您本人要求的，请马上联系您所在的代表联络站或人大办公室')
    expect((await own.get('/api/mp/me')).status, "the old WeChat's session has ended").to.equal(401)
    expect(await noticesTo(other.userId), 'the new WeChat is not told it took its own binding').to.have.length(0)
  })

  it('tells nobody when the same WeChat binds again with a new code', async () => {
    const own = await asResident(app)
    expect((await own.post('/api/mp/bind', { bindCode: await issue('dp0001') })).status).to.equal(200)
    expect((await own.post('/api/mp/bind', { bindCode: await issue('dp0001') })).status).to.equal(200)
    expect(await noticesTo(own.userId)).to.have.length(0)
  })

  it('tells the chat the deputy used with the bot when another WeChat contact binds through the bot', async () => {
    const bot = new Client(app.baseUrl)
    bot.bearer = BOT_SECRET
    const person = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
    const before = await person('wxid_deputy_own')
    expect((await bot.post(`/api/bot/people/${before}/bind`, { code: await issue('dp0001') })).status).to.equal(200)
    const after = await person('wxid_someone_else')
    expect((await bot.post(`/api/bot/people/${after}/bind`, { code: await issue('dp0001') })).status).to.equal(200)
    const [notice] = await noticesTo(before)
    expect(notice!.payload.text).to.include('另一个微信（通过机器人）')
  })
})
