import { expect } from 'chai'
import { Client, type TestApp } from '../helpers/app.js'
import { asStaff, suggestionAt } from '../helpers/suggestions.js'
import { startWithBotApi } from '../helpers/bot-api.js'

/** A handling unit's staff hear of their work through the bot they bound, and see it on their console's home. */
describe('handling units: how their staff are told', () => {
  let app: TestApp
  let bot: Client
  beforeEach(async () => {
    ;({ app, bot } = await startWithBotApi())
    app.clock.set(new Date('2026-11-23T02:00:00Z'))
  })
  afterEach(() => app.close())

  /** The unit's staff member takes a code in their console and sends it to the bot from their WeChat. */
  async function bindWeChat(console: Client, contactId: string) {
    const code = await console.post('/api/unit/me/bot-code')
    expect(code.status, JSON.stringify(code.body)).to.equal(201)
    expect(code.body.code).to.match(/^\d{6}$/)
    const { body: person } = await bot.post('/api/bot/people/resolve', { contactId })
    const bound = await bot.post(`/api/bot/people/${person.personId}/bind`, { code: code.body.code })
    expect(bound.body.staff, JSON.stringify(bound.body)).to.include({ role: 'unit_staff' })
  }

  it('sends a new assignment privately to a unit login that bound its WeChat, and says why one that did not is not reached', async () => {
    const chengang = await asStaff(app, 'chengang') // 市住房和城乡建设局 (u01), the lead
    expect((await chengang.get('/api/unit/me/bot-binding')).body).to.deep.equal({ bound: false })
    await bindWeChat(chengang, 'wxid_chengang')
    expect((await chengang.get('/api/unit/me/bot-binding')).body).to.deep.equal({ bound: true })

    await suggestionAt(app, 'assigned')
    await app.liaison.services.dispatcher.drain()
    const rows = (await app.liaison.store.outbox.search({ kind: 'suggestion.assigned', limit: 100 })).items.filter((m) => m.recipientKind === 'staff')
    const byStaff = Object.fromEntries(rows.map((m) => [m.recipientId, m]))
    expect(byStaff.sf21).to.deep.include({ status: 'pending', channel: 'bot_private', address: 'wxid_chengang' })
    expect(byStaff.sf22, 'the co-unit’s 吴静 never bound her WeChat').to.deep.include({
      status: 'dead',
      lastError: '未能送达：该工作人员未绑定微信助手（在后台「绑定微信接收提醒」取得绑定码），请在后台查看',
    })

    const leased = (await bot.post('/api/bot/outbox/lease', { limit: 10 })).body.items
    expect(leased).to.have.length(1)
    // The remark the bot set on his contact goes along, so the bot finds him again after a re-login.
    const person = await app.liaison.store.mpUsers.getByBotContact('wxid_chengang')
    expect(person?.botAlias).to.be.a('string')
    expect(leased[0]).to.include({ channel: 'bot_private', address: 'wxid_chengang', alias: person!.botAlias })
    expect(leased[0].text).to.match(/^新交办代表建议 2026-0001《建设路加装路灯》（主办），请于 /)
  })

  it('keeps a unit’s own code and binding to its staff: the congress’s console routes stay closed to them', async () => {
    const chengang = await asStaff(app, 'chengang')
    expect((await chengang.post('/api/admin/me/bot-code')).status).to.equal(403)
    const office = await asStaff(app, 'sunli')
    const refused = await office.post('/api/unit/me/bot-code')
    expect(refused.status).to.equal(403)
    expect(refused.body.error.code).to.equal('forbidden')
  })

  it('counts on the unit’s home what it still owes: new, due soon, overdue and to handle again', async () => {
    const chengang = await asStaff(app, 'chengang')
    const wujing = await asStaff(app, 'wujing')
    const nothing = { owed: 0, newlyAssigned: 0, rehandling: 0, dueSoon: 0, overdue: 0, promisesLate: 0 }
    expect((await chengang.get('/api/unit/suggestions/pending')).body).to.deep.equal(nothing)
    const { id } = await suggestionAt(app, 'assigned')
    expect((await chengang.get('/api/unit/suggestions/pending')).body).to.deep.equal({ ...nothing, owed: 1, newlyAssigned: 1 })
    expect((await wujing.get('/api/unit/suggestions/pending')).body, 'the co-unit owes its opinion').to.deep.equal({ ...nothing, owed: 1, newlyAssigned: 1 })
    expect((await wujing.post(`/api/unit/suggestions/${id}/answer`, { text: '配合做好路灯选址' })).status).to.equal(200)
    expect((await wujing.get('/api/unit/suggestions/pending')).body, 'its opinion given').to.deep.equal(nothing)

    const deadline = (await chengang.get(`/api/unit/suggestions/${id}`)).body.assignment.deadline as string
    app.clock.set(new Date(`${deadline}T10:00:00+08:00`))
    expect((await (await asStaff(app, 'chengang')).get('/api/unit/suggestions/pending')).body).to.deep.equal({ ...nothing, owed: 1, dueSoon: 1 })
    app.clock.set(new Date(new Date(`${deadline}T10:00:00+08:00`).getTime() + 2 * 86_400_000))
    expect((await (await asStaff(app, 'chengang')).get('/api/unit/suggestions/pending')).body).to.deep.equal({ ...nothing, owed: 1, overdue: 1 })
  })
})
