import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'

/**
 * 王阿姨 (72) opens 我的信息 to 撤回同意. Before she taps, the card says what withdrawing stops — new messages, and, as
 * the notice (v3) says, questionnaires, opinions on drafts and quizzes, a paper half-way included — and that it deletes
 * nothing she gave, which 删除我的信息 does; the question before it is done says the same, and so does the answer after.
 */
describe('mini-program: withdrawing consent says all it stops, and that it deletes nothing', () => {
  let app: Backend
  afterEach(() => app.close())

  it('the card, the question before, and the answer after name 问卷、提意见、答题 and say nothing is deleted', async () => {
    app = await startBackend()
    const wang = await asResident(app, 'o-wang-withdraws')
    holdPhone(app, 'o-wang-withdraws')
    const data = await openPage('pages/mine/data')
    expect(data.textOf('#withdraw-what')).to.equal(
      '撤回后不能再留言，也不能再填问卷（不留名字的问卷还可以填）、提意见、答题，答了一半的题也不能交卷，您同意公开的留言会撤下；已经送出的留言照常办理、答复。',
    )
    expect(data.textOf('#withdraw-kept')).to.equal('撤回不会删掉已经保存的信息；要删掉，请用下面的“删除我的信息”。')

    phone.modalAnswers.push(false)
    await data.tap('#withdraw-consent')
    expect(phone.modals.at(-1)).to.deep.equal({
      title: '撤回同意',
      content: '撤回后，不能再留言、填问卷、提意见、答题；已经保存的信息不会删掉。确定撤回吗？',
    })
    expect((await app.liaison.store.mpUsers.get(wang.userId))!.consentVersion, '不了 changes nothing').to.equal(app.liaison.services.privacy.notice.version)

    phone.modalAnswers.push(true)
    await data.tap('#withdraw-consent')
    expect(data.textOf('#consent-message')).to.equal(
      '已撤回您的同意。在您重新同意之前，不能提交新的留言，也不能填问卷（不留名字的问卷还可以填）、提意见、答题；您同意公开的留言已撤下。您已提交的留言仍会照常办理并答复。已经保存的信息没有删除，要删除请点“删除我的信息”。以后再留言或答题时，会先请您看说明、同意。',
    )
    expect((await app.liaison.store.mpUsers.get(wang.userId))!.consentVersion).to.equal(null)
    // The page no longer says she agrees, nor offers to withdraw again; it says when she will be asked.
    expect(data.text()).to.include('还没有同意').and.not.include('已同意')
    expect(data.has('#withdraw-consent'), 'no 撤回同意 for what she no longer gives').to.equal(false)
    expect(data.text()).to.include('您现在没有同意这份说明。以后留言、答题时，会先请您看说明、同意。')
    data.close()
    const again = await openPage('pages/mine/data')
    expect(again.has('#withdraw-consent'), 'opened again: still none').to.equal(false)
    expect(again.has('#consent-message')).to.equal(false)
    again.close()
  })
})
