import { expect } from 'chai'
import { startBackend, type Backend } from './harness/backend.js'
import { openPage } from './harness/page.js'
import { phone } from './harness/wx.js'
import { lampWrittenAndAnswered } from './office.js'

const ANSWER = '已请物业换了灯泡，请您再看一看。'

/**
 * Review 50: 王奶奶's message page. Answered, 撤回这条留言 is gone and the foot of the page, where it was, says why.
 * Asked again (重新办理), the backend still lets her withdraw it (domain/case.ts): the question before it says what
 * becomes of the answer she had, and once withdrawn that answer is there to read, not behind "看这次答复 ›".
 */
describe('mini-program: a message asked again says what withdrawing it does', () => {
  let app: Backend
  beforeEach(async () => {
    app = await startBackend()
  })
  afterEach(() => app.close())

  it('answered: says where the button was that it can no longer be withdrawn', async () => {
    const lamp = await lampWrittenAndAnswered(app, 'o-wang-answered', '2026-11-23T02:00:00Z', '2026-11-24T02:00:00Z')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    expect(page.has('#withdraw')).to.equal(false)
    expect(page.textOf('#no-withdraw')).to.equal('代表已经答复了，这条留言不能再撤回。')
    page.close()
  })

  it('asked again: the question says the answer stays, and after 撤回 the answer is there to read', async () => {
    const lamp = await lampWrittenAndAnswered(app, 'o-wang-asked-again', '2026-11-23T02:00:00Z', '2026-11-24T02:00:00Z')
    const page = await openPage(`pages/case/detail?caseId=${lamp.id}`)
    await page.emit('#rate', 'change', { value: 1 })
    await page.tap('#submit-rating')
    await page.type('#reason', '灯还是不亮')
    await page.tap('#reopen')
    expect(page.text(), 'the answer folded while the deputy works on it again').to.include('看这次答复 ›').and.not.include(ANSWER)

    phone.modalAnswers.push(true)
    await page.tap('#withdraw')
    expect(phone.modals.at(-1)).to.include({
      title: '撤回留言',
      content: '撤回后，代表不再重新办理这条留言。上次的答复不会删掉，还在“办理经过”里。确定撤回吗？',
    })
    expect(page.text()).to.include('这条留言已撤回，代表不再办理。')
    expect(page.text(), 'the last answer she had, open').to.include(ANSWER).and.not.include('看这次答复 ›')
    expect(page.has('#no-withdraw'), 'withdrawn: nothing more to say about 撤回').to.equal(false)
    page.close()
  })
})
