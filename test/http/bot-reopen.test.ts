import { expect } from 'chai'
import { asAdmin, Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/** What the chat tells a resident after rating is what the workflow then allows: one rule, in one place. */
describe('the bot: asking for a case to be handled again after rating it', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi({ overrides: { cases: { reopenMaxRating: 3 } } }))
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const person = async (contactId: string) => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
    return body.personId as string
  }

  /** A resident's message to 张伟, answered by him in the chat. */
  const answeredCase = async (resident: string) => {
    const admin = await asAdmin(app)
    const deputy = await person(`wxid_zhangwei_${resident.slice(-4)}`)
    await bot.post(`/api/bot/people/${deputy}/bind`, { code: (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code })
    const { body: c } = await bot.post(`/api/bot/people/${resident}/cases`, { text: '垃圾清运不及时', deputyCode: 'DP0001' })
    await bot.post(`/api/bot/people/${deputy}/deputy/cases/${c.ticket}/reply`, { text: '已安排清运' })
    return c.ticket as string
  }

  it('offers it after a rating at the configured limit, and the case is then handled again', async () => {
    const resident = await person('wxid_elder')
    const ticket = await answeredCase(resident)
    const listed = async () => (await bot.get(`/api/bot/people/${resident}/cases`)).body.items[0].reopen
    expect(await listed(), 'answered, not rated: not closed yet').to.equal(null)
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 3 })).body).to.include({ status: 'closed', canReopen: true })
    expect(await listed(), 'her list says so too, for a 重新办理 said later').to.equal('allowed')
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/reopen`, { reason: '还没清' })).body.status).to.equal('reopened')
  })

  it('does not offer it after a better rating, and refuses it when asked anyway', async () => {
    const resident = await person('wxid_content')
    const ticket = await answeredCase(resident)
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 4 })).body).to.include({ status: 'closed', canReopen: false })
    const listed = async () => (await bot.get(`/api/bot/people/${resident}/cases`)).body.items[0].reopen
    expect(await listed()).to.equal('reopen_not_allowed')
    const refused = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/reopen`, { reason: '再看看' })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({
      code: 'reopen_not_allowed',
      message: '只有评价为 3 分及以下的留言可以申请重新办理。问题还没有解决的话，您可以再写一条留言',
    })
  })

  it('does not offer it when the answer is older than the reopen window, and refuses it when asked anyway', async () => {
    const resident = await person('wxid_late')
    const ticket = await answeredCase(resident)
    app.clock.set(new Date('2026-12-02T02:00:00Z')) // nine days after the reply; the window is seven
    expect((await bot.post(`/api/bot/people/${resident}/cases/${ticket}/rate`, { rating: 2 })).body).to.include({ status: 'closed', canReopen: false })
    const listed = async () => (await bot.get(`/api/bot/people/${resident}/cases`)).body.items[0].reopen
    expect(await listed()).to.equal('reopen_window_passed')
    const refused = await bot.post(`/api/bot/people/${resident}/cases/${ticket}/reopen`, { reason: '还没清' })
    expect(refused.status).to.equal(409)
    expect(refused.body.error).to.include({
      code: 'reopen_window_passed',
      message: '答复已经超过 7 天，不能再申请重新办理了。问题还没有解决的话，您可以再写一条留言',
    })
  })
})
