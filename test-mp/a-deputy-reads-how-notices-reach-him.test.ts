import { expect } from 'chai'
import { startBackend, holdPhone, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phoneOfZhang } from './office.js'

/**
 * 张伟 looks for where to turn notices on. 我的 must speak of what he is sent (new messages, 催办,
 * the digest), not of "代表答复", which is a resident's news; and the digest settings must not
 * promise that "the station arranges it" when, with nothing turned on, nothing reaches him at all.
 */
describe('mini-program: a deputy reads how notices reach him', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('我的 names what a deputy is sent; a resident still reads of 代表答复', async () => {
    await phoneOfZhang(app)
    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('.notices-for')).to.equal('开通后，群众的新留言、催办、会议和每日摘要会发到微信上。')

    holdPhone(app, 'o-resident-mine')
    const hers = await openPage('pages/mine/index')
    expect(hers.textOf('.notices-for')).to.equal('开通后，代表答复、会议和问卷的消息会发到微信上。')
  })

  it('the digest settings say what happens with neither way chosen', async () => {
    await phoneOfZhang(app)
    const digest = await openPage('pages/deputy/digest')
    expect(digest.text()).not.to.include('按联络站的安排发送')
    // 自动 with neither way on: said once, in the box beside the choice (with its fix), not again in the note under it.
    expect(digest.textOf('.blocked-words')).to.equal('这样设置您现在收不到摘要：小程序消息和微信私聊都没有开通。')
    expect(digest.textOf('.channels-note')).not.to.include('两个都没开通')
  })
})
