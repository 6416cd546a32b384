import { expect } from 'chai'
import { asAdmin, asDeputy, Client, type TestApp } from '../helpers/app.js'
import { BOT_SECRET, startWithWeChat, TEMPLATE } from '../helpers/wechat.js'

/**
 * 张伟's digest settings say, for each way, whether a digest would reach him now (`reach`): a mini-program message
 * while he has a send left on the digest's template, a private chat once he has joined the bot's chat. A digest sent
 * only one way that is not on is lost, and his page must be able to say so.
 */
describe("a deputy's digest settings say whether each way reaches him now", () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startWithWeChat()
  })
  afterEach(() => app.close())

  const reach = async (zhang: Client) => {
    const answer = await zhang.get('/api/mp/deputy/digest-preferences')
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200)
    return answer.body.reach
  }

  it('neither at first; the mini-program while a send is left; the chat once joined; the same after 保存', async () => {
    const zhang = await asDeputy(app, 'dp0001')
    expect(await reach(zhang)).to.deep.equal({ mp_subscribe: false, bot_private: false, templateId: TEMPLATE, mpSends: { longTerm: false, left: 0 } })

    expect((await zhang.post('/api/mp/subscriptions', { results: { [TEMPLATE]: 'accept' } })).status).to.equal(200)
    expect((await reach(zhang)).mp_subscribe, 'one send left').to.equal(true)
    expect((await reach(zhang)).mpSends, 'the one digest his yes covers').to.deep.equal({ longTerm: false, left: 1 })
    await app.liaison.store.subscriptions.consume(zhang.userId, TEMPLATE, app.clock.now())
    expect((await reach(zhang)).mp_subscribe, 'used up').to.equal(false)

    const bot = Object.assign(new Client(app.baseUrl), { bearer: BOT_SECRET })
    const { personId } = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-zhangwei' })).body
    const { code } = (await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')).body
    expect((await bot.post(`/api/bot/people/${personId}/bind`, { code })).status).to.equal(200)
    expect(await reach(zhang)).to.include({ mp_subscribe: false, bot_private: true })

    const saved = await zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels: ['mp_subscribe'], sendAt: null, muteWeekends: false })
    expect(saved.status).to.equal(200)
    expect(saved.body.reach, 'said with what was saved').to.deep.equal({
      mp_subscribe: false,
      bot_private: true,
      templateId: TEMPLATE,
      mpSends: { longTerm: false, left: 0 },
    })
  })
})
