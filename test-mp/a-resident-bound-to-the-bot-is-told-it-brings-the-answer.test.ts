import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created } from './office.js'

/**
 * The office has WeChat messages switched off. 李华 has bound her WeChat to the 联络助手 (the bot), which brings
 * her the deputy's answer in the chat: 我的 and the page after she writes tell her so, as a deputy bound to it is
 * told; never that nothing reaches her. A resident who has not bound it still reads where to look instead.
 */
describe('mini-program: a resident bound to the 联络助手 reads that it will bring her the answer', () => {
  let app: Backend
  before(async () => {
    app = await startBackend({ wechat: { enabled: false } })
  })
  after(() => app.close())

  /** Signed in before the office switched WeChat off (a login needs WeChat): the phone keeps the session. */
  async function signedIn(openid: string) {
    const resident = await asResident(app, openid)
    phone.storage.clear()
    phone.storage.set('session.token', resident.bearer)
    return resident
  }

  it('我的 and the page after writing say the 联络助手 sends her the answer', async () => {
    const resident = await signedIn('o-lihua-bot')
    const me = (await resident.get('/api/mp/me')).body
    await app.liaison.store.mpUsers.update(me.id, { botContactId: 'wx-lihua', botAlias: 'lh-0001' })
    const words = '微信通知未开启。代表答复后，联络助手会在微信聊天里把答复发给您。'

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-off')).to.equal(words)
    expect(mine.text()).not.to.include('不会发微信通知')

    const sent = await created(resident.post('/api/mp/cases', { text: '楼道的灯坏了，晚上看不见台阶', regionId: 'c010101', deputyCode: 'DP0001' }))
    phone.storage.set('case.submitted', { id: sent.id, ticket: sent.ticket, routing: sent.routing.summary, handledBy: sent.handledBy })
    const result = await openPage(`pages/case/result?caseId=${sent.id}`)
    expect(result.text()).to.include('留言已送出')
    expect(result.textOf('#notices-off')).to.equal(words)
    expect(result.has('#subscribe'), 'no button that can do nothing').to.equal(false)
  })

  it('one not bound to it still reads where to look for the answer', async () => {
    await signedIn('o-not-bound')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-off')).to.equal('微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。')
  })
})
