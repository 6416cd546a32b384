import { expect } from 'chai'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { phoneOfZhang } from './office.js'

const template = (id: string) => ({ id, longTerm: false, page: 'pages/index/index', data: { thing1: '{title}' } })

/**
 * The office has set up a template for each kind of message. WeChat takes at most three templates
 * at one tap (wx.requestSubscribeMessage): asked for more, it opens nothing, and the person taps
 * 开通微信通知 in 我的 in vain. So 我的 asks for three, the ones that matter to whoever taps: 张伟
 * the deputy's new messages, 催办 and 重新办理 (as his workbench asks); a resident the answer to
 * her message, that a deputy took it up, and meetings.
 */
describe('mini-program: 我的 asks WeChat for at most three notices, the ones that matter to the person', () => {
  let app: Backend
  before(async () => {
    app = await startBackend({
      wechat: {
        templates: {
          newMessage: template('TPL-NEW-MESSAGE'),
          urged: template('TPL-URGED'),
          again: template('TPL-AGAIN'),
          meeting: template('TPL-MEETING'),
          digest: template('TPL-DIGEST'),
          replied: template('TPL-REPLIED'),
          taken: template('TPL-TAKEN'),
          survey: template('TPL-SURVEY'),
        },
        kindTemplates: {
          'case.assigned': 'newMessage',
          'case.urged': 'urged',
          'case.reopened': 'again',
          'case.rated': 'again',
          'meeting.notice': 'meeting',
          digest: 'digest',
          'case.replied': 'replied',
          'case.acknowledged': 'taken',
          'survey.published': 'survey',
        },
      },
    })
  })
  after(() => app.close())

  it('asks a deputy for his new messages, 催办 and 重新办理, as his workbench does', async () => {
    await phoneOfZhang(app)
    phone.subscribeAsked = []
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(phone.subscribeAsked).to.deep.equal([['TPL-NEW-MESSAGE', 'TPL-URGED', 'TPL-AGAIN']])
    expect(mine.textOf('#subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')

    phone.subscribeAsked = []
    const workbench = await openPage('pages/deputy/index')
    await workbench.tap('#subscribe-notices')
    expect(phone.subscribeAsked, 'the same three on his workbench').to.deep.equal([['TPL-NEW-MESSAGE', 'TPL-URGED', 'TPL-AGAIN']])
  })

  it('asks a resident for the answer to her message, that a deputy took it up, and meetings', async () => {
    holdPhone(app, 'o-three-notices')
    phone.subscribeAsked = []
    const mine = await openPage('pages/mine/index')
    await mine.tap('#subscribe')
    expect(phone.subscribeAsked).to.deep.equal([['TPL-REPLIED', 'TPL-TAKEN', 'TPL-MEETING']])
    expect(mine.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
  })
})
