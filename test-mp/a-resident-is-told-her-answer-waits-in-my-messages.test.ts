import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

const WAITS_IN_MY_MESSAGES = '微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。'

/**
 * The office has WeChat messages switched off. Nothing links 李华's mini-program account to the 联络助手 (the chat
 * bot), so nothing brings her the deputy's answer: 我的 and the page after she writes both say it waits in
 * 我的留言, in one sentence, and never that the 联络助手 will bring it. The page after writing says so without
 * first asking the server who she is, so a moment when that cannot be read changes nothing.
 */
describe('mini-program: with WeChat messages off, a resident is told her answer waits in 我的留言', () => {
  let app: Backend
  before(async () => {
    app = await startBackend({ wechat: { enabled: false } })
  })
  after(() => app.close())

  it('我的 and the page after writing say the same true sentence, and promise no 联络助手', async () => {
    // Signed in before the office switched WeChat off (a login needs WeChat): the phone keeps the session.
    const resident = await asResident(app, 'o-lihua-no-bot')
    phone.storage.set('session.token', resident.bearer)

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-off')).to.equal(WAITS_IN_MY_MESSAGES)

    const sent = await created(resident.post('/api/mp/cases', { text: '楼道的灯坏了，晚上看不见台阶', regionId: 'c010101', deputyCode: 'DP0001' }))
    phone.storage.set('case.submitted', { id: sent.id, ticket: sent.ticket, routing: sent.routing.summary, handledBy: sent.handledBy })
    // Who she is cannot be read just now: it is not needed to say where her answer will be.
    phone.refusals.push({ path: '/api/mp/me', status: 503, code: 'unavailable', message: '服务暂时不可用' })
    const result = await openPage(`pages/case/result?caseId=${sent.id}`)
    expect(result.text()).to.include('留言已送出')
    expect(result.textOf('#notices-off')).to.equal(WAITS_IN_MY_MESSAGES)
    expect(result.text()).not.to.include('联络助手')
    expect(result.has('#subscribe'), 'no button that can do nothing').to.equal(false)
  })
})
