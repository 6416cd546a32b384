import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openOffline, type MpPage } from './harness/page.js'
import { created, phoneOfZhang } from './office.js'

/**
 * 张伟 opens 暂停接收留言 and 每日摘要设置 from his workbench with one bar of signal. Both pages load the same way
 * (one helper, through the deputy service): while nothing came, each says so and offers 再试一次, and neither shows
 * a form he could save over what he chose; 再试一次 shows what he chose.
 */
describe('mini-program: his pause and digest pages load one way', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  const OFFLINE = '网络不通，请检查网络后重试'
  const tryAgain = (page: MpPage) => page.tap('#load-failed >>> .retry')

  it("暂停接收留言 and 每日摘要设置: the network's words and 再试一次, then his own choices", async () => {
    const zhang = await phoneOfZhang(app)
    await created(zhang.request('PUT', '/api/mp/deputy/digest-preferences', { channels: ['bot_private'], sendAt: '07:00', muteWeekends: true }))

    const away = await openOffline('pages/deputy/away')
    expect(away.text()).to.include(OFFLINE).and.include('再试一次').and.not.include('暂停哪几天')
    expect(away.has('.save'), 'no form to save while nothing came').to.equal(false)
    await tryAgain(away)
    expect(away.text()).to.include('暂停哪几天').and.not.include(OFFLINE)
    expect(away.textOf('.reason-leave'), 'nothing chosen for him').to.equal('请假（生病、住院、家里有事）')
    away.close()

    const digest = await openOffline('pages/deputy/digest')
    expect(digest.text()).to.include(OFFLINE).and.include('再试一次').and.not.include('保存')
    await tryAgain(digest)
    expect(digest.text()).to.include('只发微信私聊（留言小助手）✓ 已选').and.include('07:00').and.not.include(OFFLINE)
  })
})
