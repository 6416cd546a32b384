import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { declarations } from './harness/stylesheets.js'
import { phone } from './harness/wx.js'

/**
 * Review 36 of the chat join and the short notice, as 王阿姨 (72) reads them:
 * - the offer to bring her chat messages is a quiet outline button with a short label, so 给代表留言 stays the one
 *   obvious thing on an empty 我的留言, and nothing on 我的 outshouts the rest (finding 4);
 * - the chat has one name wherever she reads it, the one it gives itself ("这里是人大代表联络站的留言小助手"), and the
 *   words to send say where to find it (findings 5, 14);
 * - the short notice promises to correct only what can be corrected in 我的信息, her phone (finding 10);
 * - an updated notice says so in a bold box with what changed, and the lead words 您的权利：/我们保存：/… are bold
 *   (finding 11);
 * - when no words to send came, she is told in her words, not "码" (finding 14).
 */
describe('mini-program: the chat offer and the short notice read plainly', () => {
  let app: Backend
  before(async () => {
    app = await startBackend()
  })
  after(() => app.close())

  it('on an empty 我的留言 and on 我的 the offer is an outline button with a short label; 给代表留言 is the one filled button', async () => {
    await asResident(app, 'o-offer-quiet')
    holdPhone(app, 'o-offer-quiet')
    const list = await openPage('pages/case/list')
    expect(list.textOf('#chat-join >>> .chat-join__offer')).to.equal('把聊天里的留言放到这里')
    expect(list.buttonLook('#chat-join >>> .chat-join__get')).to.equal('plain')
    expect(list.buttonLook('#write'), 'the one obvious action').to.equal('filled')

    const mine = await openPage('pages/mine/index')
    expect(mine.textOf('#chat-join >>> .chat-join__offer')).to.equal('把聊天里的留言放到这里')
    expect(mine.buttonLook('#chat-join >>> .chat-join__get')).to.equal('plain')
    // Shown to everyone, it cannot know whether she wrote in the chat: one short question, no heading, no 留言小助手 yet.
    expect(mine.textOf('#chat-join')).to.equal('以前在微信聊天里发过留言？点下面，放到这里一起看。把聊天里的留言放到这里')
    expect(mine.has('#chat-join >>> .chat-join__title')).to.equal(false)
  })

  it('the words to send name the 留言小助手 and where it is; the notice calls the chat by that name only', async () => {
    await asResident(app, 'o-one-name', { consent: false })
    holdPhone(app, 'o-one-name')
    const list = await openPage('pages/case/list')
    await list.tap('#chat-join >>> .chat-join__get')
    expect(list.textOf('#chat-join >>> .chat-join__step')).to.equal('在微信里找到“留言小助手”（您以前发留言的那个聊天），把下面这句话发给它：')
    expect(list.textOf('#chat-join'), 'no bare 码').to.include('这句话不要告诉别人').and.not.include('码')

    const write = await openPage('pages/case/new')
    await write.tap('#notice-full')
    expect(write.textOf('#notice-full-text')).to.include('通过留言小助手（微信聊天）留言时').and.not.include('联络助手')
    expect(write.text()).to.not.include('联络助手')
    expect((await openPage('pages/mine/index')).text()).to.not.include('联络助手')
  })

  it('the short notice says her phone is changed in 我的信息 and the rest is corrected by the station', async () => {
    await asResident(app, 'o-notice-true', { consent: false })
    holdPhone(app, 'o-notice-true')
    const write = await openPage('pages/case/new')
    const short = write.component.querySelectorAll('.notice__short').map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
    expect(short[0])
      .to.include('随时可以查看、删除您的信息')
      .and.include('改电话，或撤回同意，都在“我的—我的信息”里；')
      .and.include('其他请找联络站改。')
      .and.not.include('更正、删除')
    expect(short.join('').length, 'one screen').to.be.at.most(300)
  })

  it('an updated notice says so in bold with what changed, and the lead words are bold, on the write page and in 我的信息', async () => {
    const earlier = await asResident(app, 'o-notice-bold')
    await app.liaison.store.mpUsers.update(earlier.userId, { consentVersion: 'v1' })
    holdPhone(app, 'o-notice-bold')
    const write = await openPage('pages/case/new')
    expect(write.textOf('#notice-changed-box')).to.equal(
      '这份说明有更新，请再看一下。这次更新：说清楚了撤回同意以后哪些不能再用（留言、问卷、提意见、答题），已经保存的不会因此删掉；也写明了问卷、意见和答题成绩保存多久。',
    )
    expect(write.component.querySelector('#notice-changed').dom.className, 'the line in bold').to.match(/notice__changed-title/)
    expect(declarations('pages/case/new.wxss', '.notice__changed-title').get('font-weight')).to.equal('bold')
    expect(declarations('pages/case/new.wxss', '.notice__changed').get('background'), 'a box of its own').to.equal('#fff3e0')

    const leads = (page: Awaited<ReturnType<typeof openPage>>, selector: string) =>
      page.component.querySelectorAll(selector).map((p: { dom: HTMLElement }) => p.dom.textContent ?? '')
    expect(leads(write, '.notice__lead')).to.deep.equal(['您的权利：', '我们保存：', '谁能看：', '保存多久：', '撤回同意：'])
    expect(declarations('pages/case/new.wxss', '.notice__lead').get('font-weight')).to.equal('bold')

    const data = await openPage('pages/mine/data')
    expect(leads(data, '.notice-lead')).to.deep.equal(['您的权利：', '删除：', '我们保存：', '保存多久：', '撤回同意：'])
    expect(declarations('pages/mine/data.wxss', '.notice-lead').get('font-weight')).to.equal('bold')
    expect(data.textOf('#notice-updated')).to.include('您的权利：随时可以查看、删除您的信息')
  })

  it('no words to send: "没能拿到绑定数字", tap again; too many taps: wait an hour', async () => {
    const her = await asResident(app, 'o-code-failed')
    holdPhone(app, 'o-code-failed')
    const list = await openPage('pages/case/list')
    phone.dropNextAnswer = true
    await list.tap('#chat-join >>> .chat-join__get')
    expect(list.textOf('#chat-join >>> .chat-join__error')).to.equal('没能拿到绑定数字，请再点一次。')

    // Ten codes within the hour (the one above among them): the next tap is refused, and says until when.
    for (let i = 0; i < 9; i++) expect((await her.post('/api/mp/me/chat-code')).status).to.equal(201)
    await list.tap('#chat-join >>> .chat-join__get')
    expect(list.textOf('#chat-join >>> .chat-join__error')).to.equal('没能拿到绑定数字：点的次数太多了，请过一个小时再点。')
    expect(list.has('#chat-join >>> .chat-join__words')).to.equal(false)
  })
})
