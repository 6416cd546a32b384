import { expect } from 'chai'
import { asAdmin } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * The chat-join helper's leftover (round 38): `deputy.binding_moved` — the WeChat a deputy used until now told that his
 * identity was just bound to another (a code typed by someone else: a possible takeover) — went at night only while a
 * deployment's own `immediateKinds` list named it. With a list written without it, 张伟 heard of it at 08:00, after a
 * night in which whoever bound it read his residents' messages as him. It goes at once now, whatever the list says.
 */
describe('quiet hours: a deputy’s old WeChat hears at once, at night too, that his identity was bound elsewhere', () => {
  it('tells his chat at 22:00, with a deployment’s own list that does not name it', async () => {
    const { app, bot } = await startWithBotApi({
      overrides: { outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: ['case.replied'] } } },
    })
    try {
      app.clock.set(new Date('2026-11-23T14:00:00Z')) // Monday 22:00 in Asia/Shanghai
      const office = await asAdmin(app)
      const person = async (contactId: string) => (await bot.post('/api/bot/people/resolve', { contactId })).body.personId as string
      const bindAs = async (contactId: string) => {
        const code = (await office.post('/api/admin/deputies/dp0001/binding-code')).body.code as string
        expect((await bot.post(`/api/bot/people/${await person(contactId)}/bind`, { code })).status).to.equal(200)
      }
      await bindAs('wx-zhangwei')
      await bindAs('wx-stranger')
      await app.liaison.services.dispatcher.drain()
      const leased = (await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items as Array<{ address: string; text: string }>
      expect(
        leased.map((m) => [m.address, m.text]),
        'said now, in the chat he used until now',
      ).to.deep.equal([
        [
          'wx-zhangwei',
          '您的人大代表身份刚刚绑定到了另一个微信（通过机器人），这个微信不再以代表身份使用。如果不是您本人要求的，请马上联系您所在的代表联络站或人大办公室。',
        ],
      ])
    } finally {
      await app.close()
    }
  })
})
