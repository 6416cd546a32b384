import { expect } from 'chai'
import { quietHold } from '../../src/domain/quiet-hours.js'
import { TO_THE_CHAT_KINDS } from '../../src/store/chat-join-moved.js'
import { asResident } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'
import { joinHerChat } from '../helpers/chat-join.js'

/**
 * Round 37's closing note: a deployment that writes its own `immediateKinds` list (here one written before chat joins
 * existed: only the answer to a message goes at night) held a chat's word that it had just been joined to a
 * mini-program account until 08:00 — the one warning 王阿姨 gets of a join she did not make (her code sent from her
 * grandson's phone). It and the word that the two are apart again go at once now, whatever the list says.
 */
describe('quiet hours: a chat hears at once, at night too, that it was joined to a mini-program account or let go', () => {
  it('tells the chat at 22:00, with a deployment’s own list that names neither', async () => {
    const { app, bot } = await startWithBotApi({
      overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: ['case.replied'] } } },
    })
    try {
      app.clock.set(new Date('2026-11-23T14:00:00Z')) // Monday 22:00 in Asia/Shanghai
      const chat = (await bot.post('/api/bot/people/resolve', { contactId: 'wx-grandson' })).body.personId as string
      const her = await asResident(app, 'o-wang-ayi-night')
      await joinHerChat(bot, her, chat, '小明')
      const toTheChat = async () => {
        await app.liaison.services.dispatcher.drain()
        const leased = (await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items as Array<{ id: string; address: string; text: string }>
        for (const m of leased) await bot.post(`/api/bot/outbox/${m.id}/ack`, {})
        return leased.map((m) => [m.address, m.text])
      }
      expect(await toTheChat(), 'the bot says it now, in that chat').to.deep.equal([
        [
          'wx-grandson',
          '您在微信聊天里发的留言，已经放到一个小程序账号里了，那个账号能看到。\n如果不是您自己在小程序里确认的，请回复“解除”：留言会回到这里，那个账号就看不到了。',
        ],
      ])

      app.clock.set(new Date('2026-11-23T14:10:00Z')) // 22:10: she lets go of it in 我的
      expect((await her.request('DELETE', '/api/mp/me/chat-join')).status).to.equal(200)
      expect(await toTheChat()).to.deep.equal([
        ['wx-grandson', '您的聊天和小程序账号已经解除（是在小程序里解除的），聊天里发的留言回到这里，那个小程序账号看不到了。发送“查询”可以看您的留言。'],
      ])
    } finally {
      await app.close()
    }
  })

  it('holds no notice addressed to a chat itself with an empty list, and still holds what can wait', () => {
    const night = new Date('2026-11-23T14:00:00Z')
    const quiet = { start: '21:00', end: '08:00', immediateKinds: [] }
    expect(TO_THE_CHAT_KINDS.filter((kind) => quietHold(kind, night, quiet, 'Asia/Shanghai') !== null)).to.deep.equal([])
    expect(quietHold('meeting.reminder', night, quiet, 'Asia/Shanghai'), 'what can wait still waits').to.deep.include({ reason: '夜间免打扰，8:00 后发送' })
  })
})
