import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asResident, type TestApp } from '../helpers/app.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'

const SUPERSEDED = '已被后来的变化取代，未发送'
const HOUR = 3_600_000
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

/**
 * 周建国's one-time subscriptions ran out on day 1, so the 08:00 reminder "请在11月24日（星期二）上午10:00前受理" waited.
 * He acknowledged the message the next morning, or let the deadline pass, and only then opened the
 * mini-program again. He must not then be asked to acknowledge what he already has, nor to act "before
 * yesterday 10:00": the console says why the reminder was not sent. The overdue notice still reaches him.
 */
describe('a deadline reminder that waited is not sent once it is no longer true', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  afterEach(() => app.close())

  const sla = () => app.liaison.jobs.find((j) => j.name === 'sla')!.run()
  const drain = () => app.liaison.services.dispatcher.drain()
  const cardsTo = (openid: string) =>
    app.fake
      .sent()
      .filter((m) => m.touser === openid)
      .map((m) => m.data.thing1.value)
  const reminderRow = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.reminder', recipientId: 'dp0001' })).items

  /** 张伟 (DP0001) uses the mini-program but has no subscription left; a resident writes to him on Monday 10:00. */
  async function start() {
    app = await startWithWeChat()
    app.clock.set(monday(10))
    const zhang = await loginAs(app, 'o-zhangwei')
    const { body: code } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    expect((await zhang.post('/api/mp/bind', { bindCode: code.code })).status).to.equal(200)
    const resident = await asResident(app)
    const { body: c } = await resident.post('/api/mp/cases', { text: '小区垃圾没人清运', regionId: 'c010101', deputyCode: 'DP0001' })
    await drain()
    // Tuesday 08:00: the reminder for the 10:00 deadline is written, and waits for a subscription.
    app.clock.set(monday(8, 0, 1))
    await sla()
    await drain()
    const [waiting] = await reminderRow()
    expect(waiting.payload.text).to.equal(`张伟代表，提醒您：留言 ${c.ticket} 请在11月24日（星期二）上午10:00前受理，请及时处理。`)
    expect(waiting.status).to.equal('pending')
    return { zhang, caseId: c.id as string }
  }

  it('drops "请在…前受理" once he has acknowledged the message, and says why on the console', async () => {
    const { zhang, caseId } = await start()
    app.clock.set(monday(9, 30, 1))
    expect((await zhang.post(`/api/mp/deputy/cases/${caseId}/acknowledge`, {})).status).to.equal(200)
    await subscribe(zhang, 'accept', 3)
    await drain()

    expect(cardsTo('o-zhangwei'), 'no "please acknowledge" after he did').not.to.include('办理期限提醒')
    const why = `${SUPERSEDED}（代表已受理，不用再提醒）`
    expect((await reminderRow())[0]).to.deep.include({ status: 'dead', lastError: why })
    const shown = await (await asAdmin(app)).get('/api/admin/outbox?recipientId=dp0001&kind=case.reminder')
    expect(shown.body.items[0].delivery).to.deep.equal({ state: 'superseded', label: '不用再发', reason: why })
  })

  it('drops a reminder whose deadline has passed; the overdue notice reaches him instead', async () => {
    const { zhang } = await start()
    // Tuesday 11:00: the deadline passed unacknowledged, the SLA job reports it; he opens the mini-program on Wednesday.
    app.clock.set(monday(11, 0, 1))
    await sla()
    app.clock.advance(22 * HOUR)
    await subscribe(zhang, 'accept', 3)
    await drain()

    const cards = cardsTo('o-zhangwei')
    expect(
      cards.filter((t) => t.startsWith('办理期限提醒')),
      'not "before yesterday 10:00"',
    ).to.deep.equal([])
    expect(
      cards.some((t) => t.startsWith('留言已超期')),
      'the overdue notice carries the news',
    ).to.equal(true)
    expect((await reminderRow())[0]).to.deep.include({ status: 'dead', lastError: `${SUPERSEDED}（提醒的期限已过，改由超期督办提醒）` })
  })
})
