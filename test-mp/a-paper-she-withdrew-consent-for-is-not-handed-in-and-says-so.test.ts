import { expect } from 'chai'
import { asResident } from '../test/helpers/app.js'
import { quizWithBank } from '../test/helpers/quizzes.js'
import { holdPhone, startBackend, type Backend } from './harness/backend.js'
import { openPage, type MpPage } from './harness/page.js'
import { office } from './office.js'

/** The right option of each question as the paper shows it: 甲 (and 丙 for several), 正确 for true/false. */
const RIGHT = (type: string, text: string) => (type === 'multiple' ? ['甲', '丙'].includes(text) : type === 'single' ? text === '甲' : text === '正确')

/** Every right answer: the whole score then says her own choices went in, not an empty paper. */
async function answerEverything(page: MpPage) {
  for (const q of page.data.questions as Array<{ number: number; type: string; options: Array<{ key: string; text: string }> }>) {
    for (const o of q.options) if (RIGHT(q.type, o.text)) await page.tap(`.opt-${q.number}-${o.key}`)
  }
}

/**
 * 刘奶奶 (78) is half-way through the 代表法知识竞赛 when her grandson, on her other phone, withdraws her consent on
 * 我的信息. At 交卷 the server refuses the paper (consent_required): the page says in words that the paper is not in and
 * not scored, that her answers are still there, and puts the privacy notice before her; agreeing hands the same paper in.
 */
describe('mini-program: a paper she withdrew her consent for is not handed in, and the page says so', () => {
  let app: Backend
  afterEach(() => app.close())

  it('at 交卷 says the paper is not in, with the notice; 我已阅读并同意 hands in the answers she chose', async () => {
    app = await startBackend()
    const quizId = (await quizWithBank(app, await office(app))).id
    const liu = await asResident(app, 'o-liu-nainai-hand-in')
    holdPhone(app, 'o-liu-nainai-hand-in')
    const page = await openPage(`pages/quiz/take?quizId=${quizId}`)
    await page.tap('.start')
    await answerEverything(page)

    await app.liaison.services.privacy.withdrawConsent(liu.userId)
    await page.tap('.submit')
    expect(page.has('.submit'), 'the paper leaves the screen').to.equal(false)
    expect(page.textOf('#consent >>> #consent-purpose')).to.equal(
      '这份答卷还没有交上，也没有计分：您撤回了对个人信息保护说明的同意。您选的答案还在。请在答题时间结束前看一下说明，同意后就会交卷；时间过了，这次不计分。',
    )
    expect(page.textOf('#consent >>> #consent-notice')).to.include('撤回同意：以后不能再答题，答了一半的也不能交卷')
    expect(page.textOf('.notice-quiz .title'), 'the quiz she was answering').to.equal('代表法知识竞赛')

    await page.tap('#consent >>> #consent-agree')
    expect(page.textOf('.score .big'), 'the answers she chose, all right').to.equal('50 分')
    expect(page.text()).not.to.include('请先阅读并同意个人信息保护说明')
    const listed = (await liu.get('/api/mp/quizzes')).body.items.find((q: { id: string }) => q.id === quizId)
    expect(listed.lastAttemptId, 'handed in').to.be.a('string')
    page.close()
  })
})
