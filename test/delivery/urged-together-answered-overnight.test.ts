import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asResident, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'

const SUPERSEDED = '已被后来的变化取代，未发送'
/** Monday 2026-11-23 at hh:mm in Asia/Shanghai, or `days` later. */
const monday = (hh: number, mm = 0, days = 0) => new Date(Date.UTC(2026, 10, 23 + days, hh - 8, mm))

/**
 * 孙丽 of 湛河区's office presses 一起催办 on Monday at 21:30 for three messages 张伟 holds. Quiet hours keep his notice
 * until 08:00; he gets up early and answers them (all three, or two) before then. At 08:00 he must not be urged on
 * what he has answered: with nothing left the notice is not sent, and the console says why; with one left he is urged
 * on that one alone, by its number.
 */
describe('一起催办’s notice to a deputy who answered meanwhile', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  afterEach(() => app.close())

  const drain = () => app.liaison.services.dispatcher.drain()
  const urgeCards = () => app.fake.sent().filter((m) => m.touser === 'o-zhangwei' && m.data.thing1.value.startsWith('留言催办'))
  const urgeRows = async () => (await app.liaison.store.outbox.search({ limit: 10, kind: 'case.urged', recipientId: 'dp0001' })).items

  async function urgedAtNight() {
    app = await startWithWeChat({ outbox: { quietHours: { start: '21:00', end: '08:00', immediateKinds: ['case.replied'] } } })
    app.clock.set(monday(10))
    const zhang = await loginAs(app, 'o-zhangwei')
    const { body: code } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    expect((await zhang.post('/api/mp/bind', { bindCode: code.code })).status).to.equal(200)
    await subscribe(zhang, 'accept', 10)
    const texts = ['建设路社区3号楼电梯又坏了，老人上不去楼', '3号楼电梯坏了一个星期了，没人来修', '3号楼电梯坏了好几天，请代表催一下']
    const sent: Array<{ id: string; ticket: string }> = []
    for (const text of texts) {
      const answer = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201)
      sent.push(answer.body)
    }
    await drain()
    app.clock.set(monday(21, 30))
    const sunli = await asStaff(app, 'sunli')
    const urged = await sunli.post('/api/admin/cases-together/urge', { ids: sent.map((c) => c.id), note: '请尽快答复' })
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200)
    expect(urged.body.text).to.match(/^已催办 3 条留言，涉及 1 位代表/)
    await drain()
    expect(urgeCards(), 'held by quiet hours').to.deep.equal([])
    return { zhang, sent }
  }
  async function answer(zhang: Awaited<ReturnType<typeof loginAs>>, caseId: string) {
    expect((await zhang.post(`/api/mp/deputy/cases/${caseId}/acknowledge`, {})).status).to.equal(200)
    const replied = await zhang.post(`/api/mp/deputy/cases/${caseId}/reply`, { text: '已联系物业，电梯本周修好' })
    expect(replied.status, JSON.stringify(replied.body)).to.equal(200)
  }

  it('is not sent once he has answered every message it names, and the console says why', async () => {
    const { zhang, sent } = await urgedAtNight()
    app.clock.set(monday(7, 30, 1))
    for (const c of sent) await answer(zhang, c.id)
    app.clock.set(monday(8, 0, 1))
    await drain()

    expect(urgeCards(), 'no 催办 for what he answered').to.deep.equal([])
    const why = `${SUPERSEDED}（催办的 3 条留言都已答复、办结或不再由这位代表办理，不用再催办）`
    const rows = await urgeRows()
    expect(rows.map((m) => [m.status, m.lastError])).to.deep.equal([['dead', why]])
    const shown = await (await asAdmin(app)).get('/api/admin/outbox?recipientId=dp0001&kind=case.urged')
    expect(shown.body.items.map((i: { delivery: unknown }) => i.delivery)).to.deep.equal([{ state: 'superseded', label: '不用再发', reason: why }])
  })

  it('urges him on the one still waiting alone, by its number, once he has answered the other two', async () => {
    const { zhang, sent } = await urgedAtNight()
    app.clock.set(monday(7, 30, 1))
    await answer(zhang, sent[0]!.id)
    await answer(zhang, sent[2]!.id)
    app.clock.set(monday(8, 0, 1))
    await drain()

    const cards = urgeCards()
    expect(cards.map((m) => [m.data.character_string2.value, m.data.thing3.value])).to.deep.equal([[sent[1]!.ticket, '催办您的1条留言，请尽快办理']])
    const rows = await urgeRows()
    const gone = rows.find((m) => m.status === 'dead')!
    expect(gone.lastError).to.equal(`${SUPERSEDED}（催办的 3 条留言中有 2 条已答复、办结或不再由这位代表办理，已改为只催办其余 1 条）`)
    const went = rows.find((m) => m.status === 'sent')!
    expect(went.payload.text).to.equal(
      [
        `催办：张伟代表，工作人员孙丽催办您的 1 条留言（城乡建设），请尽快办理：`,
        `${sent[1]!.ticket.slice(-4)} 3号楼电梯坏了一个星期了，没人来修`,
        '附言：请尽快答复',
      ].join('\n'),
    )
    expect(went.payload.text).not.to.include(sent[0]!.ticket).and.not.to.include(sent[2]!.ticket)
  })
})
