import { expect } from 'chai'
import { BotOutbox } from '../../src/services/delivery/bot-outbox.js'
import { outboxMessage } from '../../src/services/delivery/outbox-message.js'
import { STAFF_PASSWORD } from '../fixtures.js'
import { Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * Review 37, finding 4. 王五 of the station bound the bot with her staff code, then said 删除我的信息 in the chat: her
 * person there is gone, her staff binding stays (it is the console's). The dispatcher found her by that binding and
 * routed her reminders to the bot, while the bot looked her up by the person who was gone, found nobody and routed them
 * back: round and round, never sent, never counted, never 未能送达. Now the bot finds staff as the dispatcher does, and a
 * message the bot can never find its person for counts an attempt each round and ends 未能送达, saying why.
 */
describe('a message to someone the bot cannot find does not go round for ever', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
  })
  afterEach(() => app.close())

  it('a staff member who erased her chat person still gets her reminders, on the WeChat she bound', async () => {
    const wangwu = await new Client(app.baseUrl).login('wangwu', STAFF_PASSWORD)
    const staffId = (await wangwu.get('/api/admin/me')).body.staff.id as string
    const person = (await bot.post('/api/bot/people/resolve', { contactId: 'wxid_wangwu' })).body.personId as string
    const bound = await bot.post(`/api/bot/people/${person}/bind`, { code: (await wangwu.post('/api/admin/me/bot-code')).body.code })
    expect(bound.body.staff).to.include({ name: '王五' })
    expect((await bot.request('DELETE', `/api/bot/people/${person}`)).status).to.equal(200)

    const reminder = outboxMessage({
      to: { kind: 'staff', id: staffId },
      kind: 'case.reminder',
      payload: { text: '有 1 条留言待分派' },
      dedupeKey: 'r37-4',
      at: app.clock.now(),
    })
    await app.liaison.store.outbox.enqueue([reminder])
    await app.liaison.services.dispatcher.drain()
    const leased = (await bot.post('/api/bot/outbox/lease', { instance: 'bot-1', limit: 10 })).body.items as Array<{
      id: string
      address: string
      text: string
    }>
    expect(leased.map((m) => [m.address, m.text])).to.deep.equal([['wxid_wangwu', '有 1 条留言待分派']])
    expect((await bot.post(`/api/bot/outbox/${reminder.id}/ack`, { instance: 'bot-1' })).body).to.include({ status: 'sent', attempts: 1 })
  })

  it('counts each round the bot finds nobody, and past the last attempt says 未能送达 and why', async () => {
    const { store } = app.liaison
    // The routing and the bot disagreeing about someone for good: the bot never finds a conversation.
    const nobody = { botConversation: async () => ({ address: null, alias: null, topic: null }) }
    const policy = {
      maxAttempts: 3,
      backoffBaseSeconds: 1,
      backoffMaxSeconds: 1,
      leaseSeconds: 60,
      timeZone: 'Asia/Shanghai',
      quietHours: { start: '00:00', end: '00:00', immediateKinds: [] },
    }
    const botOutbox = new BotOutbox(store, policy, app.clock, nobody, { done: async () => null })
    const m = outboxMessage({
      to: { kind: 'mp_user', id: 'mu-nobody' },
      kind: 'case.replied',
      payload: { text: '答复' },
      dedupeKey: 'r37-4b',
      at: app.clock.now(),
    })
    await store.outbox.enqueue([m])
    /** As the dispatcher routes it: to the bot, every round. */
    const routedToTheBot = async () => {
      const [due] = await store.outbox.claimDue(app.clock.now(), { limit: 1, leaseMs: 60_000, holder: 'dispatcher', channels: ['auto'] })
      await store.outbox.complete(due.id, 'dispatcher', {
        status: 'pending',
        channel: 'bot_private',
        address: 'wxid_gone',
        until: app.clock.now(),
        reason: null,
      })
    }

    for (const round of [1, 2]) {
      await routedToTheBot()
      expect(await botOutbox.lease('bot-1', 10), 'nothing to say').to.deep.equal([])
      expect(await store.outbox.get(m.id)).to.deep.include({
        status: 'pending',
        channel: 'auto',
        attempts: round,
        lastError: '微信助手在微信里找不到收件人（聊天已解除或已删除），改用其他方式发送',
      })
    }
    await routedToTheBot()
    await botOutbox.lease('bot-1', 10)
    expect(await store.outbox.get(m.id)).to.deep.include({
      status: 'dead',
      attempts: 3,
      lastError: '未能送达：微信助手多次在微信里找不到收件人（聊天已解除或已删除，或绑定已失效），请电话联系（已尝试 3 次）',
    })
  })
})
