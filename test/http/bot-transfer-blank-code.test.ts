import { expect } from 'chai'
import { asAdmin, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/** The bot meant a colleague: a blank code is bad input, not "back to the station". */
describe('the bot API: 转交 with a blank colleague', () => {
  let app: TestApp
  afterEach(() => app.close())

  it('is refused with 400 and the message stays with the deputy', async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
    const bot = new Client(app.baseUrl)
    bot.bearer = SECRET
    const person = async (contactId: string) => {
      const { body } = await bot.post('/api/bot/people/resolve', { contactId })
      await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
      return body.personId as string
    }
    const deputy = await person('wxid_zhangwei')
    const admin = await asAdmin(app)
    await bot.post(`/api/bot/people/${deputy}/bind`, { code: (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code })
    const resident = await person('wxid_elder')
    const { body: c } = await bot.post(`/api/bot/people/${resident}/cases`, { text: '楼下的路灯坏了', deputyCode: 'DP0001' })

    const blank = await bot.post(`/api/bot/people/${deputy}/deputy/cases/${c.ticket}/transfer`, { reason: '王芳代表熟悉', deputyCode: '   ' })
    expect([blank.status, blank.body.error.code, blank.body.error.details[0].message]).to.deep.equal([400, 'validation_failed', '请选择接手的代表'])
    const options = await bot.get(`/api/bot/people/${deputy}/deputy/cases/${c.ticket}/transfer-options`)
    expect(options.status, 'still his to hand on').to.equal(200)
  })
})
