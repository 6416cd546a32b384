import { expect } from 'chai'
import { asDeputy, asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { MAX_TEMPLATES_PER_TAP, phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'

const template = (id: string) => ({ id, longTerm: false, page: 'pages/index/index', data: { thing1: '{title}' } })

/** The office has set up a template for every kind of message: eight, more than WeChat takes at one tap. */
const EIGHT_TEMPLATES = {
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
}

/** The phone's own wx, as a page calls it: inside a finger's tap. */
async function askAtATap(tmplIds: string[]) {
  const wx = (globalThis as unknown as { wx: { requestSubscribeMessage(o: { tmplIds: string[] }): Promise<unknown> } }).wx
  phone.tapping = true
  try {
    const asked = wx.requestSubscribeMessage({ tmplIds })
    return await asked.then(
      (res) => ({ ok: res }),
      (err: { errCode: number; errMsg: string }) => ({ failed: err }),
    )
  } finally {
    phone.tapping = false
  }
}

/**
 * WeChat opens its question (允许…发送消息) for at most three templates at one tap; asked for more, it
 * opens nothing and the person's tap on 开通微信通知 is lost. The test phone refuses the same way, so
 * no page can pass here that would fail on a real phone, and every page that asks keeps to three.
 * The question is also asked only for the person tapping (a deputy's kinds, or a resident's), and
 * never while the office has WeChat messages switched off, when a yes would bring nothing.
 */
describe('mini-program: notices are asked for only as WeChat takes them, and only for whoever taps', () => {
  describe('with eight templates set up', () => {
    let app: Backend
    before(async () => {
      app = await startBackend({ wechat: EIGHT_TEMPLATES })
    })
    after(() => app.close())

    it('the test phone refuses more than three templates at one tap, and none, as WeChat does', async () => {
      expect(MAX_TEMPLATES_PER_TAP).to.equal(3)
      expect(await askAtATap(['A', 'B', 'C', 'D'])).to.deep.equal({
        failed: { errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds', errCode: 20003 },
      })
      expect(await askAtATap([])).to.deep.equal({ failed: { errMsg: "requestSubscribeMessage:fail TmplIds can't be empty", errCode: 10001 } })
      expect(await askAtATap(['A', 'B', 'C'])).to.have.property('ok')
    })

    it('no page asks for more than three: 我的 and the workbench for a deputy, 我的 and the page after writing for a resident', async () => {
      phone.subscribeAsked = []
      await phoneOfZhang(app)
      const mine = await openPage('pages/mine/index')
      await mine.tap('#subscribe')
      expect(mine.textOf('#subscribed'), 'WeChat opened its question').to.equal(
        '已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。',
      )
      const workbench = await openPage('pages/deputy/index')
      await workbench.tap('#subscribe-notices')
      expect(workbench.textOf('#notices-subscribed')).to.equal('已开通。微信规定点一次“允许”只能收到一次通知；想一直收到，请绑定上面的微信聊天。')

      holdPhone(app, 'o-eight-templates')
      const hers = await openPage('pages/mine/index')
      await hers.tap('#subscribe')
      expect(hers.textOf('#notices-on')).to.equal('已开通：下一条答复或通知会发到您的微信上。')
      const resident = await asResident(app, 'o-eight-templates')
      const sent = await created(resident.post('/api/mp/cases', { text: '楼下的路灯坏了，晚上看不见', regionId: 'c010101', deputyCode: 'DP0001' }))
      phone.storage.set('case.submitted', { id: sent.id, ticket: sent.ticket, routing: sent.routing.summary, handledBy: sent.handledBy })
      const result = await openPage(`pages/case/result?caseId=${sent.id}`)
      await result.tap('#subscribe')
      expect(result.textOf('#subscribed')).to.equal('好的，有答复时会通过微信通知您')

      expect(phone.subscribeAsked.map((ids) => ids.length)).to.deep.equal([3, 3, 3, 3])
    })

    it('我的, not knowing who he is, asks for nothing and says so with 再试一次; once it knows, it asks for a deputy’s own', async () => {
      await phoneOfZhang(app)
      phone.subscribeAsked = []
      phone.refusals.push({ path: '/api/mp/me', status: 503, code: 'unavailable', message: '服务暂时不可用，请稍后再试' })
      const mine = await openPage('pages/mine/index')
      expect(mine.has('#load-failed'), 'loading failed, said so').to.equal(true)
      expect(mine.text()).to.include('再试一次')
      expect(mine.textOf('#notices-wait')).to.equal('没能读到您的信息，暂时不能开通微信通知。请点上面的“再试一次”。')
      expect(mine.has('#subscribe'), 'nothing to tap that would ask for the wrong notices').to.equal(false)
      expect(mine.text(), 'not a resident’s words either').not.to.include('代表答复')
      expect(phone.subscribeAsked).to.deep.equal([])

      phone.refusals = []
      await mine.tap('#load-failed >>> .retry')
      expect(mine.textOf('.who')).to.equal('张伟 代表')
      await mine.tap('#subscribe')
      expect(phone.subscribeAsked, 'his new messages, 催办 and 重新办理').to.deep.equal([['TPL-NEW-MESSAGE', 'TPL-URGED', 'TPL-AGAIN']])
    })
  })

  describe('with WeChat messages switched off in the server’s config', () => {
    let app: Backend
    before(async () => {
      // The chat account by the nickname the office gave it (config bot.nickname), wherever it says the chat reaches him.
      app = await startBackend({ wechat: { ...EIGHT_TEMPLATES, enabled: false }, bot: { nickname: '湛河人大联络站' } })
    })
    after(() => app.close())

    /** Signed in before the office switched WeChat off (a login needs WeChat): the phone keeps the session. */
    const signedIn = (token: string | null) => {
      phone.storage.clear()
      phone.storage.set('session.token', token)
    }

    it('我的 says plainly that 微信通知未开启 and offers nothing to a resident or a deputy; his workbench says the same', async () => {
      phone.subscribeAsked = []
      const resident = await asResident(app, 'o-wechat-off')
      signedIn(resident.bearer)
      const hers = await openPage('pages/mine/index')
      expect(hers.textOf('.who')).to.equal('您好')
      const hersOff = '微信通知未开启：代表答复时不会发微信通知给您，请到“我的留言”查看进度。'
      expect(hers.textOf('#notices-off')).to.equal(hersOff)
      expect(hers.has('#subscribe')).to.equal(false)

      // The page after she writes says the same, and offers no 答复时通知我 that could do nothing.
      const sent = await created(resident.post('/api/mp/cases', { text: '楼道的灯坏了，晚上看不见台阶', regionId: 'c010101', deputyCode: 'DP0001' }))
      phone.storage.set('case.submitted', { id: sent.id, ticket: sent.ticket, routing: sent.routing.summary, handledBy: sent.handledBy })
      const result = await openPage(`pages/case/result?caseId=${sent.id}`)
      expect(result.text()).to.include('留言已送出')
      expect(result.textOf('#notices-off')).to.equal(hersOff)
      expect(result.has('#subscribe'), 'no button that can do nothing').to.equal(false)
      expect(result.text()).not.to.include('答复时通知我')

      signedIn((await asDeputy(app, 'dp0001')).bearer)
      const his = await openPage('pages/mine/index')
      expect(his.textOf('.who')).to.equal('张伟 代表')
      const hisOff = '微信通知未开启：有新留言时不会发微信通知给您，请常来“代表工作台”看看。'
      expect(his.textOf('#notices-off')).to.equal(hisOff)
      expect(his.has('#subscribe')).to.equal(false)

      const workbench = await openPage('pages/deputy/index')
      expect(workbench.textOf('.notice-text'), 'his workbench says what 我的 says').to.equal(hisOff)
      expect(workbench.has('#subscribe-notices')).to.equal(false)
      expect(phone.subscribeAsked).to.deep.equal([])
    })

    it('tells a deputy bound to the chat account, by its nickname, that it still reaches him, on 我的 as on his workbench', async () => {
      signedIn((await asDeputy(app, 'dp0002')).bearer)
      await app.liaison.store.mpUsers.create({
        id: 'mp-bot-wangfang',
        openid: null,
        unionid: null,
        deputyId: 'dp0002',
        phoneEnc: null,
        phoneIndex: null,
        consentVersion: null,
        consentAt: null,
        createdAt: new Date(),
        botContactId: 'wx-wangfang',
        botAlias: null,
      })
      const botWords = '新留言会发到您的微信聊天里（已绑定），请留意“湛河人大联络站”发来的消息。'
      const mine = await openPage('pages/mine/index')
      expect(mine.textOf('#notices-off'), 'never that nothing comes to him').to.equal(botWords)
      expect(mine.text()).not.to.include('不会发微信')
      // His workbench says the same words: the chat is bound, and it brings his new messages.
      const workbench = await openPage('pages/deputy/index')
      expect(workbench.textOf('.notice-text')).to.equal(botWords)
      expect(workbench.text()).not.to.include('不会发微信')
    })
  })
})
