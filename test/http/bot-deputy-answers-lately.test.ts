import { expect } from 'chai'
import { asAdmin, asDeputy, type Client, type TestApp } from '../helpers/app.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/**
 * What the chat reads of a deputy's answers (presenters/bot-answers.ts): the messages he answered in the last three days,
 * on his mini-program page or in the chat, beside his 待办 (so a new message ending in the same four digits is told apart);
 * and, with an answer just sent from the chat, its station's name (whom he asks to add to it). No more than that.
 */
describe('the bot API: a deputy’s answers lately, and the station of one just sent', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  const person = async (contactId: string) => {
    const { body } = await bot.post('/api/bot/people/resolve', { contactId })
    await bot.post(`/api/bot/people/${body.personId}/consent`, { version: 'v3' })
    return body.personId as string
  }

  it('lists what he answered in the last three days, from his page and the chat, latest first, each by number, masked words and time', async () => {
    const code = (await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')).body.code
    const deputy = await person('wxid_zhangwei')
    await bot.post(`/api/bot/people/${deputy}/bind`, { code })
    const resident = await person('wxid_elder')
    const write = async (text: string) => (await bot.post(`/api/bot/people/${resident}/cases`, { text, deputyCode: 'DP0001' })).body
    const page = await asDeputy(app, 'dp0001')

    const old = await write('小区的长椅坏了')
    await page.post(`/api/mp/deputy/cases/${old.id}/reply`, { text: '已请物业换了新长椅。' })
    app.clock.advance(4 * 24 * 3_600_000)
    const lamp = await write('北门路灯不亮了，电话13812345678')
    await page.post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已请供电所换了灯泡。' })
    app.clock.advance(3_600_000)
    const bins = await write('垃圾桶满了没人清')
    const sent = await bot.post(`/api/bot/people/${deputy}/deputy/cases/${bins.ticket}/reply`, { text: '已安排清运' })
    expect(sent.body).to.deep.equal({ ticket: bins.ticket, status: 'replied', statusLabel: '已答复', station: '轻工街道代表联络站' })
    const open = await write('楼道灯坏了')

    const inbox = (await bot.get(`/api/bot/people/${deputy}/deputy/cases`)).body
    expect(inbox.items.map((c: { ticket: string }) => c.ticket)).to.deep.equal([open.ticket])
    expect(inbox.answeredLately, 'answered lately: not the one four days ago').to.deep.equal([
      { ticket: bins.ticket, excerpt: '垃圾桶满了没人清', repliedAt: '2026-11-27T03:00:00.000Z' },
      { ticket: lamp.ticket, excerpt: '北门路灯不亮了，电话（已隐去）', repliedAt: '2026-11-27T02:00:00.000Z' },
    ])
  })
})
