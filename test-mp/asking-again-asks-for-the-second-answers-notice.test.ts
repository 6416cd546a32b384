import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage, type MpPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

const NO_SECOND_NOTICE = '代表再次答复时不会发微信通知，请到“我的留言”查看。'

/**
 * 赵阿姨, 71, allowed 答复时通知我 after writing, and WeChat told her of the deputy's answer. She is not
 * satisfied and taps 申请重新办理: her one 允许 was spent on the first answer, so WeChat asks her again
 * at that tap, as it did after writing. Allowed, the second answer reaches her WeChat too: two notices
 * for two 允许. Refused, or with notices switched off in WeChat, she is told the second answer will
 * not come to WeChat and where to look for it.
 */
describe('mini-program: 申请重新办理 asks for the notice of the second answer', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const OPENID = 'o-zhao-ayi-71'
  const toHer = () => app.fake.sent().filter((m) => m.touser === OPENID)

  /** Written on the phone with 答复时通知我 allowed, answered by 张伟, the notice sent; her message's page, rated 2. */
  async function answeredAndRatedLow(): Promise<{ id: string; page: MpPage }> {
    holdPhone(app, OPENID)
    const write = await openPage('pages/case/new?deputyCode=DP0001')
    await write.tap('#agree')
    await write.type('#text', '光明社区5号楼楼道灯坏了，晚上黑得看不见台阶')
    await write.tap('#submit')
    const result = await follow()
    await result.tap('#subscribe')
    expect(result.textOf('#subscribed')).to.equal('好的，有答复时会通过微信通知您')
    const id = result.data.caseId as string

    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${id}/reply`, { text: '已请物业换了灯泡。' }))
    await app.liaison.services.dispatcher.drain()
    expect(toHer().map((m) => m.data.thing3.value)).to.deep.equal(['张伟代表已答复，请点开查看并评价'])

    const page = await openPage(`pages/case/detail?caseId=${id}`)
    await page.emit('#rate', 'change', { value: 2 })
    await page.type('#comment', '灯换了还是不亮')
    await page.tap('#submit-rating')
    await page.type('#reason', '灯换了还是不亮，是线路坏了')
    return { id, page }
  }

  async function answeredAgain(id: string) {
    const zhang = await asDeputy(app, 'dp0001')
    await created(zhang.post(`/api/mp/deputy/cases/${id}/acknowledge`, {}))
    await created(zhang.post(`/api/mp/deputy/cases/${id}/reply`, { text: '供电所已修好线路，今晚灯就亮了。' }))
    await app.liaison.services.dispatcher.drain()
  }

  it('allowed at the tap: she is told so, and the second answer reaches her WeChat (two notices for two 允许)', async () => {
    const { id, page } = await answeredAndRatedLow()
    expect(page.textOf('#reopen-notice'), 'said before she taps').to.equal('点“申请重新办理”时，微信会问您：代表再次答复时要不要通知您。')

    await page.tap('#reopen')
    expect(phone.subscribeAsked, 'asked after writing, and again at 申请重新办理').to.deep.equal([[TEMPLATE], [TEMPLATE]])
    expect(page.textOf('#done')).to.equal('已请代表重新办理，代表会再次答复您。代表再次答复时，会发微信通知给您。')

    await answeredAgain(id)
    expect(
      toHer().map((m) => m.data.thing3.value),
      'the first answer and the second',
    ).to.deep.equal(['张伟代表已答复，请点开查看并评价', '张伟代表已答复，请点开查看并评价'])
  })

  it('refused at the tap: she is told the second answer will not come to WeChat, and where to read it', async () => {
    const { id, page } = await answeredAndRatedLow()
    phone.subscribeAnswer = 'reject'
    await page.tap('#reopen')
    expect(phone.subscribeAsked).to.have.length(2)
    expect(page.textOf('#done')).to.equal(`已请代表重新办理，代表会再次答复您。${NO_SECOND_NOTICE}`)

    await answeredAgain(id)
    expect(toHer(), 'no 允许, no second notice').to.have.length(1)
  })

  it('with WeChat’s notices switched off for the mini-program: the same words', async () => {
    const { page } = await answeredAndRatedLow()
    phone.subscribeAnswer = 'switched-off'
    await page.tap('#reopen')
    expect(page.textOf('#done')).to.equal(`已请代表重新办理，代表会再次答复您。${NO_SECOND_NOTICE}`)
  })
})

describe('mini-program: 申请重新办理 with WeChat messages switched off by the office', () => {
  let app: Backend
  before(async () => {
    app = await startBackend({ wechat: { enabled: false } })
  })
  after(() => app.close())

  it('asks WeChat nothing, and says the second answer waits in 我的留言', async () => {
    const her = await asResident(app, 'o-zhao-notices-off')
    phone.storage.set('session.token', her.bearer)
    const lamp = await created(her.post('/api/mp/cases', { text: '楼道灯坏了，晚上看不见台阶', deputyCode: 'DP0001' }))
    await created((await asDeputy(app, 'dp0001')).post(`/api/mp/deputy/cases/${lamp.id}/reply`, { text: '已请物业换了灯泡。' }))
    await created(her.post(`/api/mp/cases/${lamp.id}/rate`, { rating: 2, comment: '还是不亮' }))

    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(page.has('#reopen-notice'), 'no promise of a question WeChat will not ask').to.equal(false)
    await page.type('#reason', '灯还是不亮')
    await page.tap('#reopen')
    expect(phone.subscribeAsked).to.deep.equal([])
    expect(page.textOf('#done')).to.equal(`已请代表重新办理，代表会再次答复您。${NO_SECOND_NOTICE}`)
  })
})
