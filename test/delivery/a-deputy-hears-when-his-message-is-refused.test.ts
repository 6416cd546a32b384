import { expect } from 'chai'
import type { FakeWeChat } from '../fakes/wechat-api.js'
import { asAdmin, asResident, type Client, type TestApp } from '../helpers/app.js'
import { asStaff } from '../helpers/meetings.js'
import { loginAs, startWithWeChat, subscribe } from '../helpers/wechat.js'

const REASON = '属于法院诉讼事项，请通过司法途径解决'

/**
 * Review 47: 张伟 had taken up a resident's message when 李娜, the clerk of 轻工街道代表联络站, decided not to take it on
 * (不予受理). Nothing told him: he wrote his answer and learned it only when it was refused. 改派, 上报, 合并 and a
 * resident's 撤回 all tell the deputy who holds the message; so does 不予受理 now, in the same words (who decided,
 * "您无需再处理"), never the reason, which may quote the resident. A message whose 分派 notice never reached him is one
 * he does not know of: he is not told of its end either.
 */
describe('不予受理 tells the deputy who holds the message', function () {
  this.timeout(60_000)
  let app: TestApp & { fake: FakeWeChat }
  beforeEach(async () => {
    app = await startWithWeChat() // Monday 10:00 in Asia/Shanghai
  })
  afterEach(() => app.close())

  const drain = () => app.liaison.services.dispatcher.drain()
  const cardsToZhang = () =>
    app.fake
      .sent()
      .filter((m) => m.touser === 'o-zhangwei')
      .map((m) => `${m.data.thing1.value}：${m.data.thing3.value}`)
  const toldZhang = async (kind: string) =>
    (await app.liaison.store.outbox.search({ limit: 20, kind, recipientId: 'dp0001' })).items.map((m) => m.payload.text as string)

  /** 张伟 (dp0001) uses the mini-program; `credits` one-time subscriptions to his notices. */
  async function zhangInTheMiniProgram(credits: number): Promise<Client> {
    const { body: code } = await (await asAdmin(app)).post('/api/admin/deputies/dp0001/binding-code')
    const zhang = await loginAs(app, 'o-zhangwei')
    expect((await zhang.post('/api/mp/bind', { bindCode: code.code })).status).to.equal(200)
    if (credits) await subscribe(zhang, 'accept', credits)
    return zhang
  }
  async function written(text: string) {
    const sent = await (await asResident(app)).post('/api/mp/cases', { text, regionId: 'c010101', deputyCode: 'DP0001' })
    expect(sent.status, JSON.stringify(sent.body)).to.equal(201)
    return sent.body as { id: string; ticket: string }
  }

  it('tells 张伟, who acknowledged it, that 轻工街道 turned it down and he need not answer, without the reason', async () => {
    const zhang = await zhangInTheMiniProgram(5)
    const c = await written('建设路社区东门的路灯坏了，晚上很黑')
    await drain()
    expect((await zhang.post(`/api/mp/deputy/cases/${c.id}/acknowledge`, {})).status).to.equal(200)

    const rejected = await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/reject`, { reason: REASON })
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200)
    await drain()

    expect(await toldZhang('case.rejected')).to.deep.equal([`留言 ${c.ticket} 已由轻工街道代表联络站决定不予受理，您无需再处理。谢谢您！`])
    expect(cardsToZhang()).to.deep.equal(['新留言待受理：请在11月24日上午10:00前受理', '留言没有接办：联络站决定不予受理，您无需再办'])
    // Before he writes an answer, not after: an answer now is refused in the same words.
    const reply = await zhang.post(`/api/mp/deputy/cases/${c.id}/reply`, { text: '已联系供电所，路灯本周修好，请放心。' })
    expect([reply.status, reply.body.error.message]).to.deep.equal([409, '这条留言已不予受理，您不用再处理'])
  })

  it('names the office when 湛河区人大办 turns down a message whose 分派 notice reached him', async () => {
    await zhangInTheMiniProgram(5)
    const c = await written('小区楼下的快递柜占了消防通道')
    await drain()
    expect((await (await asStaff(app, 'sunli')).post(`/api/admin/cases/${c.id}/reject`, { reason: REASON })).status).to.equal(200)
    await drain()

    expect(await toldZhang('case.rejected')).to.deep.equal([`留言 ${c.ticket} 已由湛河区人大办决定不予受理，您无需再处理。谢谢您！`])
    expect(cardsToZhang().at(-1)).to.equal('留言没有接办：湛河区人大办决定不予受理，您无需再办')
  })

  it('says nothing to 张伟 of a message he never heard of: its 分派 notice was still waiting for a subscription', async () => {
    const zhang = await zhangInTheMiniProgram(0)
    const c = await written('小区里的健身器材坏了')
    await drain()
    expect((await app.liaison.store.outbox.search({ limit: 5, kind: 'case.assigned', recipientId: 'dp0001' })).items[0].status).to.equal('pending')

    expect((await (await asStaff(app, 'lina')).post(`/api/admin/cases/${c.id}/reject`, { reason: REASON })).status).to.equal(200)
    await subscribe(zhang, 'accept', 5)
    await drain()

    expect(await toldZhang('case.rejected'), 'no "您无需再处理" about a message he does not know').to.deep.equal([])
    expect(cardsToZhang(), 'nor its 分派 notice, untrue now').to.deep.equal([])
  })
})
