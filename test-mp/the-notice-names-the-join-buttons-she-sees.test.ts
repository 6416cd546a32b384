import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'

/**
 * The whole privacy notice tells 王阿姨 how to bring her chat messages into the mini-program. It used to say "取一个码",
 * which is no button she can find; it now names the buttons she taps — “把聊天里的留言放到这里” on 我的, then
 * “是我的，放到这里” — and 我的 has the first one, by those words.
 */
describe('mini-program: the notice names the buttons she taps to bring her chat messages', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('the whole notice says the buttons by their words, and 我的 shows the first of them', async () => {
    await asResident(app, 'o-notice-buttons', { consent: false })
    holdPhone(app, 'o-notice-buttons')
    const write = await openPage('pages/case/new')
    await write.tap('#notice-full')
    const notice = write.textOf('#notice-full-text')
    expect(notice).to.include('在小程序“我的”里点“把聊天里的留言放到这里”').and.include('再回到小程序点“是我的，放到这里”').and.not.include('取一个码')

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#chat-join >>> .chat-join__offer')).to.equal('把聊天里的留言放到这里')
  })
})
