import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 王阿姨 taps 开通微信通知 on 我的 and says yes to WeChat's question (review 36, finding 6). The page said it twice:
 * above the button “已开通：还能收到 1 条微信通知…”, and under it a card “已开通：有答复或通知时会发微信消息给您” that
 * promised every answer while the first line said one. One line says what is on now, read back from the server, where
 * it stood before her tap; nothing under the button repeats it. Since round 49 that line never counts: the next one comes.
 * A deputy reads what his workbench says after his yes.
 */
describe('mini-program: 我的 says once what is on after she turns notices on', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('a resident: one 已开通 line, read back, no second card under the button', async () => {
    holdPhone(app, 'o-wang-notices')
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#notices-on')).to.equal('还没有开通微信通知。')
    await mine.tap('#subscribe')
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
    expect(mine.has('#subscribed'), 'nothing under the button says it again').to.equal(false)
    expect(mine.text().match(/已开通/g), 'one state line').to.have.length(1)
    expect(mine.text()).not.to.include('有答复或通知时会发微信消息给您')
  })

  it('a deputy: one 已开通 line, in his workbench’s words', async () => {
    await phoneOfZhang(app)
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(mine.textOf('#subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')
    expect(mine.text().match(/已开通/g)).to.have.length(1)
  })

  // Her no is said once, where she tapped: mine-says-her-no-to-notices-once.test.ts.
})
