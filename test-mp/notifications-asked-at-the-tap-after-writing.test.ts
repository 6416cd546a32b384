import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { TEMPLATE } from '../test/helpers/wechat.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { letAnswersThrough, openOffline, openPage, relaunch } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * An elderly resident has sent her message; the page that thanks her offers 答复时通知我. The
 * mini-program has just started again on a slow signal, so what to ask WeChat for is not there
 * yet when she taps. She is told so in words and taps again; WeChat's own question then opens at
 * her tap (it opens only from a tap). She is never told it cannot be done when it can.
 */
describe('mini-program: 答复时通知我 before the settings have come', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  /** Her message, sent, and the page's note of it as the write page leaves it on the phone. */
  async function sentMessage(openid: string) {
    holdPhone(app, openid)
    const resident = await asResident(app, openid)
    const sent = await created(resident.post('/api/mp/cases', { text: '楼道的灯坏了，晚上看不见台阶', regionId: 'c010101', deputyCode: 'DP0001' }))
    phone.storage.set('case.submitted', { id: sent.id, ticket: sent.ticket, routing: sent.routing.summary, handledBy: sent.handledBy })
    // WeChat closed the mini-program in the background and opens it again on this page.
    relaunch()
    return sent as { id: string; ticket: string }
  }

  it('says it is getting ready while the settings are on their way, then asks WeChat at her next tap', async () => {
    const sent = await sentMessage('o-slow-signal')
    phone.slowNetwork = true
    const result = await openPage(`pages/case/result?caseId=${sent.id}`)
    expect(result.text()).to.include('留言已送出').and.include(`留言编号：${sent.ticket}`)

    await result.tap('#subscribe')
    expect(result.textOf('#subscribed')).to.equal('正在准备微信通知，请稍等一下再点一次')
    expect(result.text(), 'never that it cannot be done').not.to.include('暂时不能开通')
    expect(result.has('#subscribe'), 'she can tap again').to.equal(true)
    expect(phone.subscribeAsked).to.deep.equal([])

    await letAnswersThrough()
    await result.tap('#subscribe')
    expect(phone.subscribeAsked, 'WeChat’s question opened at her tap').to.deep.equal([[TEMPLATE]])
    expect(result.textOf('#subscribed')).to.equal('好的，有答复时会通过微信通知您')
  })

  it('says the network is why when the settings could not come, fetches them again, and asks WeChat at her next tap', async () => {
    const sent = await sentMessage('o-no-signal')
    const result = await openOffline(`pages/case/result?caseId=${sent.id}`)

    await result.tap('#subscribe')
    expect(result.textOf('#subscribed')).to.equal('还没准备好微信通知：网络不通，请检查网络后重试。请稍等一下再点一次')
    expect(phone.subscribeAsked).to.deep.equal([])

    await result.tap('#subscribe')
    expect(phone.subscribeAsked).to.deep.equal([[TEMPLATE]])
    expect(result.textOf('#subscribed')).to.equal('好的，有答复时会通过微信通知您')
  })
})
