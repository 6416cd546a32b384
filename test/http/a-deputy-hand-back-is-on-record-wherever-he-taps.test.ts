import { expect } from 'chai'
import { asAdmin, asDeputy, asResident, Client, startApp, type TestApp } from '../helpers/app.js'
import { caseCity } from '../fixtures.js'

const SECRET = 'bot-secret-for-tests-0123456789'

/**
 * 张伟 gives two messages back to the station (退回, "不是我这个片区的"): one from the mini-program's
 * message page, one by typing "退回 0002 …" to the 联络助手 from his chat 待办. Both are one service
 * call (CasePlacing.transfer): the same step, the same note to the station, and the same long-term
 * record in 操作记录 (case.handed_back with his reason), whichever way he tapped.
 */
describe('a deputy’s 退回 is kept on record the same way from his message page and from his chat', () => {
  let app: TestApp
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: SECRET } } })
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  it('leaves a case.handed_back entry with his reason, and the message back in the station’s queue, either way', async () => {
    const bot = new Client(app.baseUrl)
    bot.bearer = SECRET
    const admin = await asAdmin(app)
    const { body: who } = await bot.post('/api/bot/people/resolve', { contactId: 'wxid_zhangwei' })
    await bot.post(`/api/bot/people/${who.personId}/consent`, { version: 'v3' })
    const code = (await admin.post('/api/admin/deputies/dp0001/binding-code')).body.code
    expect((await bot.post(`/api/bot/people/${who.personId}/bind`, { code })).status).to.equal(200)

    const resident = await asResident(app)
    const write = async (text: string) => {
      const sent = await resident.post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
      return sent.body as { id: string; ticket: string }
    }
    const fromPage = await write('小区东门的路灯坏了')
    const fromChat = await write('菜市场门口乱停车')

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${fromPage.id}/transfer`, { reason: '不是我这个片区的' })).status).to.equal(200)
    const typed = await bot.post(`/api/bot/people/${who.personId}/deputy/cases/${fromChat.ticket.slice(-4)}/transfer`, { reason: '不是我这个片区的' })
    expect(typed.status, JSON.stringify(typed.body)).to.equal(200)

    const kept = async (c: { id: string; ticket: string }) => {
      const entries = (await app.liaison.services.audit.list({ targetId: c.id, limit: 10 })).items
      return entries.map((e) => ({ action: e.action, note: (e.details as { note?: unknown }).note }))
    }
    expect(await kept(fromPage)).to.deep.equal([{ action: 'case.handed_back', note: '不是我这个片区的' }])
    expect(await kept(fromChat), 'the chat’s 退回 is on record as the page’s').to.deep.equal(await kept(fromPage))
    for (const c of [fromPage, fromChat]) {
      const page = (await admin.get(`/api/admin/cases/${c.id}`)).body
      expect([page.status, page.handledBy.deputy ?? null], 'back in the station’s queue').to.deep.equal(['submitted', null])
    }
  })
})
