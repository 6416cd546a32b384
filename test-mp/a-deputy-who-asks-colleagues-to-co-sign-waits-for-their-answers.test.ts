import { expect } from 'chai'
import { asDeputy } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { follow, openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { created, phoneOfZhang } from './office.js'
import { declarations } from './harness/stylesheets.js'

/**
 * Review 37, finding 6. 刘建国 tapped 邀请附议 and read "附议够了就可以提交" right above the one filled button, 提交建议,
 * which would have ended co-signing a minute after he asked. Here 张伟 asks: his page says who was asked and that co-signing
 * is not required, and shows 正在等待附议 instead of a submit button; submitting early asks once more, naming who has not
 * answered. 王芳 finds the request in her 我的待办 and co-signs; 李强 declines; then 提交建议 is the filled button.
 */
describe('mini-program: a deputy who asks colleagues to co-sign waits for their answers', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
    app.clock.set(new Date('2026-11-25T02:00:00Z')) // Wednesday 10:00
  })
  afterEach(() => app.close())

  it('shows 等待附议 until his colleagues answer, asks before an early submit, and offers 提交建议 once they have', async () => {
    const zhang = await phoneOfZhang(app)
    const { id } = await created(
      zhang.post('/api/mp/deputy/suggestions', { title: '建设路社区楼顶违建整治', body: '建设路社区3号院楼顶违建，建议明确牵头单位。' }),
    )
    const draft = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(draft.text()).to.include('会通知您所在联络站的代表')
    await draft.tap('#act')
    expect(draft.textOf('#done')).to.equal('已开始征集附议，已通知王芳、李强代表，其他代表在“待附议”里也能看到')
    expect(draft.textOf('#cosign-standing')).to.equal('还没有代表附议。王芳、李强还没有回复。附议不是必须的；想等其他代表附议，就先不要提交。')
    expect(draft.textOf('#invitees')).to.include('王芳：还没有回复').and.include('李强：还没有回复')
    expect(draft.textOf('#waiting'), 'a state line, not a button').to.equal('现在：正在等待附议')
    const waiting = declarations('pages/suggestion/detail.wxss', '.sg-waiting')
    expect([waiting.get('border'), waiting.get('background'), waiting.get('text-align')], 'no box of a disabled button').to.deep.equal([
      undefined,
      undefined,
      undefined,
    ])
    // 征集附议 is no danger: the state in the body colour on the page and in the list.
    expect(declarations('pages/suggestion/detail.wxss', '.sg-state').get('color')).to.equal('#222')
    expect(declarations('pages/suggestion/index.wxss', '.sg-state').get('color')).to.equal('#222')
    expect(draft.has('#act'), 'no 提交建议 button while they have not answered').to.equal(false)
    expect(draft.buttonLook('#submit-early')).to.equal('plain')

    // He taps 不等了 by mistake and is asked, by name, before anything ends: 再等等 changes nothing.
    phone.modalAnswers.push(false)
    await draft.tap('#submit-early')
    expect(phone.modals.at(-1)!.content).to.equal('王芳、李强还没有回复附议邀请。现在提交，附议就结束了，其他代表不能再附议，建议也不能再修改。')
    expect(draft.textOf('#status')).to.equal('征集附议')

    // 王芳 finds it in her 我的待办 and co-signs.
    holdPhone(app, 'o-deputy-dp0002')
    await asDeputy(app, 'dp0002')
    const hers = await openPage('pages/deputy/index')
    expect(hers.text()).to.include('代表建议').and.include('《建设路社区楼顶违建整治》').and.include('张伟代表请您附议')
    await hers.tap('.task')
    const toSign = await follow()
    expect(toSign.path).to.equal('pages/suggestion/detail')
    expect(toSign.buttonLook('#decline')).to.equal('plain')
    await toSign.tap('#act')
    expect(toSign.textOf('#done')).to.equal('您已附议')

    // 李强 declines.
    holdPhone(app, 'o-deputy-dp0003')
    await asDeputy(app, 'dp0003')
    const his = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    await his.tap('#decline')
    expect(his.textOf('#done')).to.equal('已回复不附议，已告诉张伟代表')
    // 已回复不附议 is said once, by the line above; the box says what is still open to him.
    expect(his.textOf('.sg-action .hint')).to.match(/^截止 .+ 前，改变主意还可以附议。$/)
    expect(his.buttonLook('#act'), 'just after his no, 附议 is not the filled button').to.equal('plain')

    await phoneOfZhang(app)
    const ready = await openPage(`pages/suggestion/detail?suggestionId=${id}`)
    expect(ready.textOf('#cosign-standing')).to.equal('已有 1 位代表附议。可以提交了。')
    expect(ready.textOf('#invitees')).to.include('王芳：已附议').and.include('李强：不附议')
    expect(ready.buttonLook('#act'), 'now the one filled button').to.equal('filled')
    expect(ready.text()).to.include('提交建议').and.not.include('正在等待附议')
    await ready.tap('#act')
    expect(ready.textOf('#status')).to.equal('待审查')
  })
})
