import { expect } from 'chai'
import { asDeputy, startApp, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { BOT_SECRET, caseCity, dispatch, startBot, waitFor, type BotUnderTest } from './helpers.js'
import { writesToZhangWei } from './zhang-wei.js'

const QUIET = {
  start: '21:00',
  end: '08:00',
  immediateKinds: [
    'case.acknowledged',
    'case.forwarded',
    'case.replied',
    'case.rejected',
    'case.merged',
    'case.closed',
    'meeting.changed',
    'meeting.cancelled',
  ],
}
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

/**
 * A resident whose message another deputy takes over hears it once, plainly, in the chat where
 * her other notices come, and not at night: "您的留言 … 已转给王芳代表办理". A deputy handing a
 * message back to the station is the station's business: she hears nothing of it, only who
 * answers her once the station has placed it with someone else.
 */
describe('bot: the resident hears who handles her message when it goes to another deputy', function () {
  this.timeout(30_000)
  let app: TestApp
  let t: BotUnderTest
  beforeEach(async () => {
    app = await startApp({ directory: caseCity(), overrides: { bot: { secret: BOT_SECRET }, outbox: { quietHours: QUIET } } })
    app.clock.set(monday(10))
    t = await startBot(app.baseUrl)
  })
  afterEach(async () => {
    await t?.stop()
    await app?.close()
  })

  const toldOf = (ticket: string) => t.world.said('老周').filter((m) => m.includes(ticket) && !m.includes('留言已送出'))
  /** The backend routes what is due to the bot, and the bot has said all of it. */
  async function deliver() {
    await dispatch(app)
    const waiting = async () =>
      (await app.liaison.store.outbox.search({ limit: 50, channel: 'bot_private' })).items.filter((m) => m.status === 'pending' || m.status === 'sending')
        .length
    await waitFor(async () => (await waiting()) === 0, 'the bot to send what is due')
    await t.bot.inbox.settled()
  }

  it('tells her the new deputy by name when 张伟 hands it to 王芳 in the evening, at 08:00 the next morning', async () => {
    const zhou = t.world.person('wx-laozhou', '老周')
    const ticket = await writesToZhangWei(t, zhou, '我家住建设路18号，楼道里的扶手断了')
    await deliver()
    const c = (await app.liaison.store.cases.getByTicket(ticket))!

    app.clock.set(monday(21, 30))
    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { deputyCode: 'DP0002', reason: '王芳代表联系这个小区' })).status).to.equal(200)
    await dispatch(app)
    const [held] = (await app.liaison.store.outbox.search({ limit: 5, kind: 'case.transferred' })).items
    expect(held, 'waiting for the morning, as her other notices that can wait').to.deep.include({
      status: 'pending',
      waitingReason: '夜间免打扰，8:00 后发送',
    })
    expect(toldOf(ticket), 'nothing at night').to.deep.equal([])

    app.clock.set(monday(8, 0, 1))
    await deliver()
    expect(toldOf(ticket)).to.deep.equal([
      `您${+ticket.slice(4, 6)}月${+ticket.slice(6, 8)}日反映的“我家住建设路18号…”（编号 ${ticket}）已转给王芳代表办理，仍在12月14日前（含当日）答复您。`,
    ])
    await deliver()
    expect(toldOf(ticket), 'once').to.have.length(1)
  })

  it('says nothing of a hand-back to the station, then tells her who the station gave it to', async () => {
    const zhou = t.world.person('wx-laozhou', '老周')
    const ticket = await writesToZhangWei(t, zhou, '菜市场门口的路面坑洼，下雨天积水')
    await deliver()
    const c = (await app.liaison.store.cases.getByTicket(ticket))!

    const zhang = await asDeputy(app, 'dp0001')
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '菜市场不在我的片区，请站里调整给别的代表' })).status).to.equal(200)
    await deliver()
    expect(toldOf(ticket), 'the hand-back is between the deputy and the station').to.deep.equal([])

    const lina = await asStaff(app, 'lina')
    expect((await lina.post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0002' })).status).to.equal(200)
    await deliver()
    expect(toldOf(ticket)).to.deep.equal([
      `您${+ticket.slice(4, 6)}月${+ticket.slice(6, 8)}日反映的“菜市场门口的路面坑洼，下雨天积水”（编号 ${ticket}）已转给王芳代表办理，仍在12月14日前（含当日）答复您。`,
    ])
  })

  it('says nothing when the station gives it back to the deputy she was told of', async () => {
    const zhou = t.world.person('wx-laozhou', '老周')
    const ticket = await writesToZhangWei(t, zhou, '小区门口的下水道堵了')
    await deliver()
    const c = (await app.liaison.store.cases.getByTicket(ticket))!
    expect((await (await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${c.id}/transfer`, { reason: '这几天在外地' })).status).to.equal(200)
    expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/assign`, { deputyId: 'dp0001' })).status).to.equal(200)
    await deliver()
    expect(toldOf(ticket)).to.deep.equal([])
  })
})
